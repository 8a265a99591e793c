package org.dateline.index;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * A segment's documents that have a numeric doc value, with their values, sorted by value and then
 * document: what the story look-ups search by halves (a story's copies, the articles of a window of
 * days). {@code values[i]} belongs to {@code docs[i]}.
 */
public record ValueDocs(long[] values, int[] docs) {

  /** Every document {@code values} (of a segment of {@code maxDoc} documents; null: none) holds. */
  public static ValueDocs sorted(NumericDocValues values, int maxDoc) throws IOException {
    long[] v = new long[maxDoc];
    int[] d = new int[maxDoc];
    int n = 0;
    if (values != null) {
      for (int doc = values.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = values.nextDoc()) {
        v[n] = values.longValue();
        d[n++] = doc;
      }
    }
    return n >= RADIX_FROM ? byRadix(v, d, n) : byRank(v, d, n);
  }

  /**
   * From this many documents the pairs are put in order by radix: a server's first search builds
   * the story table of each segment in cold code, where {@link Arrays#sort(long[])} is the
   * interpreter's (or C1's) quicksort; on 100,000 values in a fresh JVM two sorts and the ranks'
   * binary searches took 65-80 ms against 31-36 ms by radix (docs/figures-issue-20.md, session 19).
   * Fewer are sorted, where the radix passes' fixed cost (4 x 65,536 counts) would dominate.
   */
  static final int RADIX_FROM = 1 << 12;

  private static final int DIGIT_BITS = 16;

  /**
   * Stable least-significant-digit radix sort of the first {@code n} values, 16 bits a pass, the
   * sign bit flipped so that negative values come first; each document moves with its value, and
   * since they were read in ascending order, ties keep document order. A pass where every value has
   * the same digit (the high bits of dates) moves nothing.
   */
  private static ValueDocs byRadix(long[] values, int[] docs, int n) {
    long[] s = Arrays.copyOf(values, n);
    int[] t = Arrays.copyOf(docs, n);
    long[] s2 = new long[n];
    int[] t2 = new int[n];
    int[] count = new int[1 << DIGIT_BITS];
    for (int shift = 0; shift < Long.SIZE; shift += DIGIT_BITS) {
      Arrays.fill(count, 0);
      for (int i = 0; i < n; i++) {
        count[digit(s[i], shift)]++;
      }
      int sum = 0;
      boolean one = false;
      for (int b = 0; b < count.length; b++) {
        int c = count[b];
        one |= c == n;
        count[b] = sum;
        sum += c;
      }
      if (one) {
        continue;
      }
      for (int i = 0; i < n; i++) {
        int at = count[digit(s[i], shift)]++;
        s2[at] = s[i];
        t2[at] = t[i];
      }
      long[] sx = s;
      s = s2;
      s2 = sx;
      int[] tx = t;
      t = t2;
      t2 = tx;
    }
    return new ValueDocs(s, t);
  }

  private static int digit(long value, int shift) {
    return (int) (((value ^ Long.MIN_VALUE) >>> shift) & ((1 << DIGIT_BITS) - 1));
  }

  private static ValueDocs byRank(long[] v, int[] d, int n) {
    // by rank of value, then document, in one sort of primitive longs: no comparator to call
    long[] distinct = Arrays.copyOf(v, n);
    Arrays.sort(distinct);
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (m == 0 || distinct[m - 1] != distinct[i]) {
        distinct[m++] = distinct[i];
      }
    }
    long[] packed = new long[n];
    for (int i = 0; i < n; i++) {
      packed[i] = ((long) Arrays.binarySearch(distinct, 0, m, v[i]) << 32) | d[i];
    }
    Arrays.sort(packed);
    long[] s = new long[n];
    int[] t = new int[n];
    for (int i = 0; i < n; i++) {
      s[i] = distinct[(int) (packed[i] >>> 32)];
      t[i] = (int) packed[i];
    }
    return new ValueDocs(s, t);
  }
}
