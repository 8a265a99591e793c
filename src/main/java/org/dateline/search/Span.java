package org.dateline.search;

/** A character range {@code [start, end)} in an article's text. */
public record Span(int start, int end) {}
