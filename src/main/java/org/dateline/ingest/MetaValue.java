package org.dateline.ingest;

/** One metadata value found in a source and where it was found (e.g. "json-ld", "feed", "text"). */
public record MetaValue(String value, String source) {}
