package org.dateline.enrich.entities;

import java.util.List;

/** Finds entity mentions in one text. Implementations are thread-safe. */
public interface EntityExtractor {
  List<Mention> extract(String text);

  /** The mentions in {@code text}, with a note when a bound stopped the recogniser short. */
  default Recognition recognise(String text) {
    return new Recognition(extract(text), null);
  }

  /** The extractor used until a recogniser is configured: finds nothing. */
  EntityExtractor NONE = text -> List.of();
}
