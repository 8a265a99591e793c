package org.dateline.index;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.IntroSorter;

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
    long[] s = n == v.length ? v : Arrays.copyOf(v, n);
    int[] t = n == d.length ? d : Arrays.copyOf(d, n);
    new IntroSorter() {
      private long pivotValue;
      private int pivotDoc;

      @Override
      protected void setPivot(int i) {
        pivotValue = s[i];
        pivotDoc = t[i];
      }

      @Override
      protected int comparePivot(int j) {
        int c = Long.compare(pivotValue, s[j]);
        return c != 0 ? c : Integer.compare(pivotDoc, t[j]);
      }

      @Override
      protected int compare(int i, int j) {
        int c = Long.compare(s[i], s[j]);
        return c != 0 ? c : Integer.compare(t[i], t[j]);
      }

      @Override
      protected void swap(int i, int j) {
        long value = s[i];
        s[i] = s[j];
        s[j] = value;
        int doc = t[i];
        t[i] = t[j];
        t[j] = doc;
      }
    }.sort(0, n);
    return new ValueDocs(s, t);
  }
}
