package org.dateline.enrich;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * A publication date: the UTC instant, how precisely the source gave it, where it came from, and
 * the UTC offset the source stated with it ("23.39 EST" is -300 minutes), null when it stated none.
 * The instant orders articles; the local day (the calendar day the outlet printed) is what date
 * filters and the histogram use.
 */
public record PubDate(
    Instant instant,
    Precision precision,
    String source,
    @JsonInclude(JsonInclude.Include.NON_NULL) Integer offsetMinutes) {

  /** A date whose source stated no offset (read as UTC). */
  public PubDate(Instant instant, Precision precision, String source) {
    this(instant, precision, source, null);
  }

  /**
   * The local wall-clock time as epoch milliseconds (the instant moved by the stated offset): its
   * UTC calendar day is the day the outlet printed.
   */
  public long localMillis() {
    long offsetMs = offsetMinutes == null ? 0 : offsetMinutes * 60_000L;
    return instant.toEpochMilli() + offsetMs;
  }

  /** The calendar day the outlet printed: the instant's day in the stated offset, else in UTC. */
  public LocalDate localDay() {
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
