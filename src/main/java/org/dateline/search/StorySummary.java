package org.dateline.search;

/**
 * The story a hit belongs to: its id, how many copies the archive holds and in how many outlets,
 * and the earliest copy ("first in archive": the earliest dated copy, ties by article id).
 */
public record StorySummary(String id, int copies, int outlets, StoryCopy first) {}
