package org.dateline.enrich;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dateline.enrich.PubDate.Precision;

/**
 * Reads publication dates as news sources write them: ISO 8601 (JSON-LD, OpenGraph, NewsML), RFC
 * 822 feed dates in several languages ("Seg, 24 Set 2018 19:42:40 -0300"), NITF's compact form,
 * Reuters' "26-FEB-1987 15:01:01.79", and prose headers ("March 5, 2019 at 1:24 am", "Sat 16 Feb
 * 2019 23.39 EST"). A time without a zone is read as UTC. Stateless and thread-safe.
 */
public final class DateParsing {

  private static final String ZONE =
      "(Z|[+-]\\d{2}:?\\d{2}|UTC|GMT|[ECMP][SD]T|BST|CES?T|EES?T|MSK|JST)";
  private static final Pattern ISO =
      Pattern.compile(
          "(?<![\\d])(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?\\s?"
              + ZONE
              + "?)?(?![\\d])");
  private static final Pattern COMPACT =
      Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})(?:T(\\d{2})(\\d{2})(\\d{2})?" + ZONE + "?)?$");
  private static final Pattern REUTERS =
      Pattern.compile("(\\d{1,2})-([A-Za-z]{3})-(\\d{4})(?:\\s+(\\d{1,2}):(\\d{2}):(\\d{2}))?");
  private static final Pattern DAY_FIRST =
      Pattern.compile(
          "(?<![\\d])(\\d{1,2})\\.?\\s+(\\p{L}{3,10})\\.?,?\\s+(\\d{4})(?:,?\\s+(?:at\\s+)?(\\d{1,2})[:.](\\d{2})"
              + "(?::(\\d{2}))?\\s*([ap]\\.?m\\.?)?\\s*"
              + ZONE
              + "?)?",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern MONTH_FIRST =
      Pattern.compile(
          "(\\p{L}{3,10})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?:,?\\s+(?:at\\s+)?(\\d{1,2})[:.](\\d{2})"
              + "(?::(\\d{2}))?\\s*([ap]\\.?m\\.?)?\\s*"
              + ZONE
              + "?)?",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Map<String, Integer> ZONES =
      Map.ofEntries(
          Map.entry("Z", 0),
          Map.entry("UTC", 0),
          Map.entry("GMT", 0),
          Map.entry("BST", 60),
          Map.entry("CET", 60),
          Map.entry("CEST", 120),
          Map.entry("EET", 120),
          Map.entry("EEST", 180),
          Map.entry("EST", -300),
          Map.entry("EDT", -240),
          Map.entry("CST", -360),
          Map.entry("CDT", -300),
          Map.entry("MST", -420),
          Map.entry("MDT", -360),
          Map.entry("PST", -480),
          Map.entry("PDT", -420),
          Map.entry("MSK", 180),
          Map.entry("JST", 540));

  private DateParsing() {}

  private static boolean hasYear(String text) {
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      run = Character.isDigit(text.charAt(i)) ? run + 1 : 0;
      if (run == 4) {
        return true;
      }
    }
    return false;
  }

  /** Parses a metadata value that should hold a date; empty when it does not. */
  public static Optional<PubDate> parse(String value, String source) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.strip();
    Matcher compact = COMPACT.matcher(v);
    if (compact.matches()) {
      return build(
          compact.group(1),
          compact.group(2),
          compact.group(3),
          compact.group(4),
          compact.group(5),
          compact.group(6),
          null,
          compact.group(7),
          source);
    }
    return find(v, source);
  }

  /** The first date written anywhere in {@code text}; empty when there is none. */
  public static Optional<PubDate> find(String text, String source) {
    return locate(text, source).map(Located::date);
  }

  /** A date found in a text, with where it is written ({@code start} to {@code end}). */
  public record Located(PubDate date, int start, int end) {}

  /** Like {@link #find}, also saying where in {@code text} the date is written. */
  public static Optional<Located> locate(String text, String source) {
    if (!hasYear(text)) {
      return Optional.empty(); // every pattern needs a four-digit year; most lines have none
    }
    Matcher iso = ISO.matcher(text);
    if (iso.find()) {
      return at(
          iso,
          build(
              iso.group(1),
              iso.group(2),
              iso.group(3),
              iso.group(4),
              iso.group(5),
              iso.group(6),
              null,
              iso.group(7),
              source));
    }
    Matcher reuters = REUTERS.matcher(text);
    if (reuters.find()) {
      Optional<PubDate> d =
          build(
              reuters.group(3),
              month(reuters.group(2)),
              reuters.group(1),
              reuters.group(4),
              reuters.group(5),
              reuters.group(6),
              null,
              null,
              source);
      if (d.isPresent()) {
        return at(reuters, d);
      }
      return at(
          reuters,
          build(
              reuters.group(3),
              month(reuters.group(2)),
              reuters.group(1),
              null,
              null,
              null,
              null,
              null,
              source));
    }
    Matcher dayFirst = DAY_FIRST.matcher(text);
    while (dayFirst.find()) {
      String month = month(dayFirst.group(2));
      if (month != null) {
        return at(
            dayFirst,
            build(
                dayFirst.group(3),
                month,
                dayFirst.group(1),
                dayFirst.group(4),
                dayFirst.group(5),
                dayFirst.group(6),
                dayFirst.group(7),
                dayFirst.group(8),
                source));
      }
    }
    Matcher monthFirst = MONTH_FIRST.matcher(text);
    while (monthFirst.find()) {
      String month = month(monthFirst.group(1));
      if (month != null) {
        return at(
            monthFirst,
            build(
                monthFirst.group(3),
                month,
                monthFirst.group(2),
                monthFirst.group(4),
                monthFirst.group(5),
                monthFirst.group(6),
                monthFirst.group(7),
                monthFirst.group(8),
                source));
      }
    }
    return Optional.empty();
  }

  private static Optional<Located> at(Matcher m, Optional<PubDate> date) {
    return date.map(d -> new Located(d, m.start(), m.end()));
  }

  private static Optional<PubDate> build(
      String year,
      String month,
      String day,
      String hour,
      String minute,
      String second,
      String ampm,
      String zone,
      String source) {
    if (month == null) {
      return Optional.empty();
    }
    try {
      LocalDate date =
          LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
      if (hour == null) {
        return plausible(
            new PubDate(date.atStartOfDay(ZoneOffset.UTC).toInstant(), Precision.DAY, source));
      }
      int h = Integer.parseInt(hour);
      if (ampm != null) {
        boolean pm = ampm.toLowerCase(Locale.ROOT).startsWith("p");
        h = (h % 12) + (pm ? 12 : 0);
      }
      int s = second == null ? 0 : Integer.parseInt(second);
      LocalDateTime local = LocalDateTime.of(date, LocalTime.of(h, Integer.parseInt(minute), s));
      ZoneOffset offset = offset(zone);
      Instant instant = local.toInstant(offset);
      return plausible(
          new PubDate(
              instant,
              second == null ? Precision.MINUTE : Precision.SECOND,
              source,
              zone == null ? null : offset.getTotalSeconds() / 60));
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static ZoneOffset offset(String zone) {
    if (zone == null) {
      return ZoneOffset.UTC;
    }
    String z = zone.toUpperCase(Locale.ROOT);
    Integer minutes = ZONES.get(z);
    if (minutes != null) {
      return ZoneOffset.ofTotalSeconds(minutes * 60);
    }
    return ZoneOffset.of(z.length() == 5 ? z.substring(0, 3) + ":" + z.substring(3) : z);
  }

  /** The earliest instant a news date may name. */
  private static final Instant EARLIEST = Instant.parse("1800-01-01T00:00:00Z");

  /** No news is from before 1800 or from more than a day ahead. */
  private static Optional<PubDate> plausible(PubDate d) {
    Instant hi = Instant.now().plusSeconds(86_400);
    return d.instant().isBefore(EARLIEST) || d.instant().isAfter(hi)
        ? Optional.empty()
        : Optional.of(d);
  }

  /** Month names and abbreviations in English, Portuguese, Spanish, French, German, Italian. */
  private static final Map<String, Integer> MONTHS =
      months(
          "jan january janeiro enero janvier janv januar gennaio gen ene",
          "feb february fevereiro fev febrero février févr fevrier februar febbraio",
          "mar march março marco marzo mars märz mär mrz",
          "apr april abril abr avril avr aprile",
          "may maio mayo mai maggio mag",
          "jun june junho junio juin juni giugno giu",
          "jul july julho julio juillet juil juli luglio lug",
          "aug august agosto ago août aout aoû",
          "sep sept september setembro set septiembre septembre settembre",
          "oct october outubro out octubre octobre oktober okt ottobre ott",
          "nov november novembro noviembre novembre",
          "dec december dezembro dez diciembre dic décembre déc decembre dezember dicembre");

  private static Map<String, Integer> months(String... rows) {
    Map<String, Integer> out = new java.util.HashMap<>();
    for (int i = 0; i < rows.length; i++) {
      for (String name : rows[i].split(" ")) {
        out.put(name, i + 1);
      }
    }
    return Map.copyOf(out);
  }

  /** The month number of a month name as written ("Feb", "Set", "juillet"), or null. */
  static String month(String name) {
    Integer m = MONTHS.get(name.toLowerCase(Locale.ROOT));
    return m == null ? null : Integer.toString(m);
  }
}
