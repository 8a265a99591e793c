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
