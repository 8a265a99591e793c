package org.dateline.search;

/** One copy of a story, as a hit's story names its first: article id, outlet, ISO date. */
public record StoryCopy(String id, String outlet, String date) {}
