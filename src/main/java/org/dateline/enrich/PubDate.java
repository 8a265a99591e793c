package org.dateline.enrich;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Locale;

/**
 * A publication date: the UTC instant, how precisely the source gave it, and where it came from.
 */
public record PubDate(Instant instant, Precision precision, String source) {

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
