package org.dateline.enrich.entities;

import java.util.List;

/** Finds entity mentions in one text. Implementations are thread-safe. */
public interface EntityExtractor {
  List<Mention> extract(String text);

  /** The extractor used until a recogniser is configured: finds nothing. */
  EntityExtractor NONE = text -> List.of();
}
