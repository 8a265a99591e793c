package org.dateline.ingest.html;

/**
 * One metadata value and where it came from. source is one of: "json-ld", "opengraph", "meta",
 * "time-element", "url".
 */
public record Candidate(String value, String source) {}
