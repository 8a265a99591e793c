package org.dateline.enrich.story;

/**
 * How much of one text another holds, measured exactly on their shingles: the containment of the
 * shorter in the longer (outlets cut wire copy from the bottom, so it stays high where Jaccard
 * falls) and the Jaccard similarity. Immutable.
 */
public record Overlap(double containment, double jaccard) {

  /** Containment at or above which a long enough text is a copy. */
  public static final double JOIN_CONTAINMENT = 0.8;

  /** Jaccard at or above which a long enough text is a copy. */
  public static final double JOIN_JACCARD = 0.5;

  /** The overlap of two sorted, distinct shingle arrays (zero when either is empty). */
  public static Overlap of(long[] a, long[] b) {
    if (a.length == 0 || b.length == 0) {
      return new Overlap(0, 0);
    }
    int shared = shared(a, b);
    int union = a.length + b.length - shared;
    return new Overlap((double) shared / Math.min(a.length, b.length), (double) shared / union);
  }

  /** The share of {@code part}'s shingles that {@code whole} holds (sorted, distinct arrays). */
  public static double containmentOf(long[] part, long[] whole) {
    return part.length == 0 ? 0 : (double) shared(part, whole) / part.length;
  }

  private static int shared(long[] a, long[] b) {
    int shared = 0;
    for (int i = 0, j = 0; i < a.length && j < b.length; ) {
      if (a[i] == b[j]) {
        shared++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return shared;
  }

  /** Containment or Jaccard at its join threshold. */
  public boolean joins() {
    return containment >= JOIN_CONTAINMENT || jaccard >= JOIN_JACCARD;
  }
}
