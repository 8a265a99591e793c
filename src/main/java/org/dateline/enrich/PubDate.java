package org.dateline.enrich;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * A publication date: the UTC instant, how precisely the source gave it, where it came from, the
 * UTC offset the source stated with it ("23.39 EST" is -300 minutes; null when it stated none), and
 * the day the outlet printed when the source printed that day apart from a UTC instant (a page's
 * address /2019/11/18/ beside "2019-11-19T04:58:46Z"; null otherwise). The instant orders articles;
 * the printed day ({@link #localDay}) is what date filters and the histogram use.
 */
public record PubDate(
    Instant instant,
    Precision precision,
    String source,
    @JsonInclude(JsonInclude.Include.NON_NULL) Integer offsetMinutes,
    @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate printedDay) {

  /** A date whose source stated no offset (read as UTC). */
  public PubDate(Instant instant, Precision precision, String source) {
    this(instant, precision, source, null, null);
  }

  /** A date with the offset its source stated (or null), its day the instant's day there. */
  public PubDate(Instant instant, Precision precision, String source, Integer offsetMinutes) {
    this(instant, precision, source, offsetMinutes, null);
  }

  /** The same date with the offset the source printed it in, found in another of its forms. */
  public PubDate withOffset(int minutes) {
    return new PubDate(instant, precision, source, minutes, null);
  }

  /** The same instant, printed on {@code day} (none when that is the instant's own day). */
  public PubDate printedOn(LocalDate day) {
    return new PubDate(
        instant, precision, source, offsetMinutes, day.equals(offsetDay()) ? null : day);
  }

  /**
   * The local wall-clock time as epoch milliseconds (the instant moved by the stated offset, or by
   * whole days onto the printed day): its UTC calendar day is the day the outlet printed.
   */
  public long localMillis() {
    long offsetMs = offsetMinutes == null ? 0 : offsetMinutes * 60_000L;
    long days = printedDay == null ? 0 : ChronoUnit.DAYS.between(offsetDay(), printedDay);
    return instant.toEpochMilli() + offsetMs + days * 86_400_000L;
  }

  /**
   * The calendar day the outlet printed: the day the source printed apart from the instant, else
   * the instant's day in the stated offset, else in UTC.
   */
  public LocalDate localDay() {
    return printedDay != null ? printedDay : offsetDay();
  }

  private LocalDate offsetDay() {
    return LocalDate.ofInstant(
        instant,
        offsetMinutes == null ? ZoneOffset.UTC : ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
  }

  /** How much of the instant the source actually stated. */
  public enum Precision {
    DAY,
    MINUTE,
    SECOND;

    @JsonValue
    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
