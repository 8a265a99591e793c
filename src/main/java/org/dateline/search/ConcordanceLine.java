package org.dateline.search;

/**
 * One match of a concordance: which article it is in (id, title, outlet, ISO date or null) and the
 * KWIC line around it; {@code offset} is the match's character offset in that article's text, and
 * {@code language} the article's language (ISO 639-1, or null when unknown), so a client can lay
 * out a right-to-left line right to left.
 */
public record ConcordanceLine(
    String id,
    String title,
    String outlet,
    String date,
    String left,
    String match,
    String right,
    int offset,
    String language) {}
