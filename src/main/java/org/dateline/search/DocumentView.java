package org.dateline.search;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;
import org.dateline.enrich.entities.Mention;

/**
 * One article in full: the hit's fields (unwrapped into the same JSON object; no KWIC, no score),
 * the whole normalised text, its entity mentions with offsets, where each metadata value came from,
 * the spans a query matched (empty without a query) and a cited passage (or null).
 */
public record DocumentView(
    @JsonUnwrapped Hit hit,
    String contentType,
    String contentHash,
    List<Mention> mentions,
    Map<String, String> provenance,
    List<Span> matches,
    Passage passage,
    String text) {

  /** The same view citing {@code [start, end)} of its text. */
  public DocumentView withPassage(int start, int end) {
    return new DocumentView(
        hit,
        contentType,
        contentHash,
        mentions,
        provenance,
        matches,
        Passage.of(text, start, end),
        text);
  }
}
