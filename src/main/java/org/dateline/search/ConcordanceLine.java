package org.dateline.search;

/**
 * One match of a concordance: which article it is in (id, title, outlet, ISO date or null) and the
 * KWIC line around it; {@code offset} is the match's character offset in that article's text.
 */
public record ConcordanceLine(
    String id,
    String title,
    String outlet,
    String date,
    String left,
    String match,
    String right,
    int offset) {}
