package org.dateline.search;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;
import org.dateline.enrich.entities.Mention;

/**
 * One article in full: the hit's fields (unwrapped into the same JSON object; no KWIC, no score),
 * the whole normalised text, its entity mentions with offsets, and where each metadata value came
 * from.
 */
public record DocumentView(
    @JsonUnwrapped Hit hit,
    String contentType,
    String contentHash,
    List<Mention> mentions,
    Map<String, String> provenance,
    String text) {}
