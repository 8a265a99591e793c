package org.dateline.search;

import java.util.Locale;

/** Result order a client may ask for. */
public enum SortOrder {
  RELEVANCE,
  NEWEST,
  OLDEST;

  /** Parses "relevance", "newest" or "oldest" (case-insensitive); null or blank means relevance. */
  public static SortOrder parse(String value) {
    if (value == null || value.isBlank()) {
      return RELEVANCE;
    }
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(
          "sort must be one of relevance, newest, oldest; got '" + value + "'");
    }
  }
}
