package org.dateline.cli;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.dateline.search.QueryFactory;
import picocli.CommandLine.Option;

/**
 * The options {@code --from} and {@code --to} of the commands that search (a mixin), and the days
 * they take, as the API's {@code from} and {@code to} do: "2019-02-23", or a month ("2019-02") or a
 * year ("2019") meaning its first or last day. A value that is none of these is refused in words,
 * naming the option (picocli's own message named Java's date class and its exception).
 */
public final class Days {

  @Option(
      names = "--from",
      paramLabel = "DAY",
      description =
          "First day: 2019-02-23, or a month (2019-02) or year (2019) from its first day.")
  String from;

  @Option(
      names = "--to",
      paramLabel = "DAY",
      description = "Last day: 2019-02-23, or a month (2019-02) or year (2019) to its last day.")
  String to;

  /** The first day asked for, or null. */
  LocalDate first() {
    return day(from, "--from", true);
  }

  /** The last day asked for, or null. */
  LocalDate last() {
    return day(to, "--to", false);
  }

  private static LocalDate day(String value, String option, boolean start) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    try {
      if (v.matches("\\d{4}")) {
        int year = Integer.parseInt(v);
        return start ? LocalDate.of(year, 1, 1) : LocalDate.of(year, 12, 31);
      }
      if (v.matches("\\d{4}-\\d{2}")) {
        YearMonth month = YearMonth.parse(v);
        return start ? month.atDay(1) : month.atEndOfMonth();
      }
      return QueryFactory.checkDay(LocalDate.parse(v), option);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          option
              + " must be a day such as 2019-02-23 (or a month, 2019-02, or a year, 2019), got '"
              + v
              + "'");
    }
  }
}
