package org.dateline.search.kwic;

/**
 * One keyword-in-context line: the text that matched, with its left and right context cut at word
 * boundaries; {@code offset} is the match's character offset in the article text.
 */
public record KwicLine(String left, String match, String right, int offset) {}
