package org.dateline.search;

/**
 * Another way to ask that finds more: the query with likely misspellings replaced by words of the
 * archive, or (with {@code variants} true) the same query with every spelling of its names.
 */
public record Suggestion(String query, long hits, boolean variants) {}
