package org.dateline.search;

/**
 * What applies to every line of a batch search.
 *
 * @param base the filters, date range and sort of every line (its query is ignored)
 * @param variants each name in a line also finds its other spellings in the archive
 * @param proximity words of a multi-word phrase may stand this many positions apart (a line of
 *     plain words is taken as such a phrase); {@link #EXACT} leaves phrases exact
 * @param hitsPerLine how many best hits each row lists, each with one KWIC line
 */
public record BatchOptions(SearchRequest base, boolean variants, int proximity, int hitsPerLine) {

  /** No proximity: phrases stay exact and plain words are searched as typed. */
  public static final int EXACT = -1;

  public static final int MAX_PROXIMITY = 50;
  public static final int DEFAULT_HITS = 3;
  public static final int MAX_HITS = 10;

  /** Most lines one batch may hold. */
  public static final int MAX_LINES = 100_000;

  public BatchOptions {
    if (base == null) {
      base = SearchRequest.of("");
    }
    if (proximity != EXACT && (proximity < 0 || proximity > MAX_PROXIMITY)) {
      throw new BadRequestException(
          "proximity must be between 0 and " + MAX_PROXIMITY + ", got " + proximity);
    }
    if (hitsPerLine < 1 || hitsPerLine > MAX_HITS) {
      throw new BadRequestException(
          "hits must be between 1 and " + MAX_HITS + ", got " + hitsPerLine);
    }
  }

  /** Every default: no filter, exact, no variants, {@link #DEFAULT_HITS} hits per line. */
  public static BatchOptions defaults() {
    return new BatchOptions(null, false, EXACT, DEFAULT_HITS);
  }
}
