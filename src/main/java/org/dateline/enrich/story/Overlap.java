package org.dateline.enrich.story;

/**
 * How much of one text another holds, measured exactly on their shingles: the containment of the
 * shorter in the longer (outlets cut wire copy from the bottom, so it stays high where Jaccard
 * falls), the Jaccard similarity, and the coverage: the share of the shorter text's words that lie
 * in a shingle the longer text holds too. An edited word costs containment the five shingles around
 * it but coverage only itself, so a copy whose lead was retold word by word keeps its coverage
 * where its containment falls. Immutable.
 */
public record Overlap(double containment, double jaccard, double coverage) {

  /** Containment at or above which a long enough text is a copy. */
  public static final double JOIN_CONTAINMENT = 0.8;

  /** Jaccard at or above which a long enough text is a copy. */
  public static final double JOIN_JACCARD = 0.5;

  /**
   * Coverage at which a text is a copy when its names and numbers agree too ({@link SameNames}):
   * coverage alone also joins issues of one template that differ in names and numbers (a third of
   * its joins on Reuters-21578 in session 8; see docs/figures-issue-16.md).
   */
  public static final double JOIN_COVERAGE = 0.7;

  /** The overlap of two fingerprints (zero when either has no shingle). */
  public static Overlap of(Fingerprint a, Fingerprint b) {
    long[] x = a.shingles();
    long[] y = b.shingles();
    if (x.length == 0 || y.length == 0) {
      return new Overlap(0, 0, 0);
    }
    int shared = shared(x, y);
    int union = x.length + y.length - shared;
    Fingerprint shorter = Fingerprint.shorter(a, b);
    Fingerprint longer = shorter == a ? b : a;
    return new Overlap(
        (double) shared / Math.min(x.length, y.length),
        (double) shared / union,
        coverage(shorter.inOrder(), longer.shingles()));
  }

  /** The share of {@code part}'s shingles that {@code whole} holds (sorted, distinct arrays). */
  public static double containmentOf(long[] part, long[] whole) {
    return part.length == 0 ? 0 : (double) shared(part, whole) / part.length;
  }

  /**
   * The share of the words of a text whose shingles are {@code inOrder} (in text order) that lie in
   * a shingle of {@code whole} (sorted, distinct); 0 for a text without shingles.
   */
  public static double coverage(long[] inOrder, long[] whole) {
    if (inOrder.length == 0) {
      return 0;
    }
    int covered = 0;
    int coveredTo = 0; // words before this index are counted
    for (int p = 0; p < inOrder.length; p++) {
      if (java.util.Arrays.binarySearch(whole, inOrder[p]) >= 0) {
        int end = p + Fingerprint.SHINGLE_WORDS;
        covered += end - Math.max(p, coveredTo);
        coveredTo = end;
      }
    }
    return (double) covered / wordsOf(inOrder);
  }

  /** The words of a text with {@code inOrder} shingles (each word but the last four starts one). */
  public static int wordsOf(long[] inOrder) {
    return inOrder.length == 0 ? 0 : inOrder.length + Fingerprint.SHINGLE_WORDS - 1;
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

  /**
   * Containment or Jaccard at its join threshold (coverage joins with a names test: {@link
   * CopyRule}).
   */
  public boolean joins() {
    return containment >= JOIN_CONTAINMENT || jaccard >= JOIN_JACCARD;
  }

  /**
   * Whether coverage alone, without the names test, would join the two texts (benchmarks report
   * it).
   */
  public boolean joinsByCoverage() {
    return joins() || coverage >= JOIN_COVERAGE;
  }
}
