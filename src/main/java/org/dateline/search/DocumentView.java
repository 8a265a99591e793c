package org.dateline.search;

import java.util.List;
import java.util.Map;
import org.dateline.enrich.entities.Mention;

/** One article in full: the hit's fields, the whole normalised text, and where metadata came from. */
public record DocumentView(
    String id,
    String title,
    String outlet,
    String date,
    String datePrecision,
    String url,
    String path,
    List<String> agencies,
    List<String> authors,
    String language,
    String contentType,
    String contentHash,
    Map<String, List<String>> entities,
    List<Mention> mentions,
    Map<String, String> provenance,
    String text) {}
