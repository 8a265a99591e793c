package org.dateline.alert;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.dateline.search.BadRequestException;

/**
 * How often an alert in digest mode tells its matches: one message per period (UTC hours or UTC
 * days) listing the stories that matched in it, sent once the period is over. An alert without a
 * period tells each match as it happens.
 */
public enum DigestPeriod {
  HOURLY(ChronoUnit.HOURS),
  DAILY(ChronoUnit.DAYS);

  private final ChronoUnit unit;

  DigestPeriod(ChronoUnit unit) {
    this.unit = unit;
  }

  /** The start of the period that holds {@code t} (UTC). */
  public Instant start(Instant t) {
    return t.truncatedTo(unit);
  }

  /** The end of the period that starts at {@code start}. */
  public Instant end(Instant start) {
    return start.plus(1, unit);
  }

  @JsonValue
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** "hourly" or "daily"; null, blank or "none": no digest (400 for anything else). */
  @JsonCreator
  public static DigestPeriod of(String value) {
    if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("none")) {
      return null;
    }
    for (DigestPeriod p : values()) {
      if (p.json().equalsIgnoreCase(value.strip())) {
        return p;
      }
    }
    throw new BadRequestException(
        "digest must be \"hourly\", \"daily\" or \"none\", got \"" + value + "\"");
  }
}
