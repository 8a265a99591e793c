package org.dateline.alert;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PointValues;

/**
 * The values of one point field in a batch of articles (at most 64), read once so that every
 * candidate's range over the field compares bytes instead of building a point query. A range holds
 * an article when one of its values lies between the bounds, both included, compared as unsigned
 * bytes: as Lucene's {@code PointRangeQuery} does for one dimension. Immutable once read.
 */
final class BatchPoints {

  private static final BatchPoints NONE = new BatchPoints(-1, new int[0], new byte[0][]);

  private final int bytesPerValue;
  private final int[] docs;
  private final byte[][] values;

  private BatchPoints(int bytesPerValue, int[] docs, byte[][] values) {
    this.bytesPerValue = bytesPerValue;
    this.docs = docs;
    this.values = values;
  }

  /** The values of {@code field} in {@code reader} (none when it has no points). */
  static BatchPoints read(LeafReader reader, String field) throws IOException {
    PointValues points = reader.getPointValues(field);
    if (points == null) {
      return NONE;
    }
    if (points.getNumDimensions() != 1) {
      return new BatchPoints(0, new int[0], new byte[0][]); // fits nothing: left to Lucene
    }
    int size = Math.toIntExact(points.size());
    int[] docs = new int[size];
    byte[][] values = new byte[size][];
    int[] n = {0};
    points.intersect(
        new PointValues.IntersectVisitor() {
          @Override
          public void visit(int docID) {
            throw new IllegalStateException("every cell is crossed: values are visited one by one");
          }

          @Override
          public void visit(int docID, byte[] packedValue) {
            docs[n[0]] = docID;
            values[n[0]] = packedValue.clone();
            n[0]++;
          }

          @Override
          public PointValues.Relation compare(byte[] minPackedValue, byte[] maxPackedValue) {
            return PointValues.Relation.CELL_CROSSES_QUERY;
          }
        });
    return new BatchPoints(
        points.getBytesPerDimension(), Arrays.copyOf(docs, n[0]), Arrays.copyOf(values, n[0]));
  }

  /** Whether a range with bounds of {@code bytes} bytes can be compared here. */
  boolean fits(int bytes) {
    return bytesPerValue < 0 || bytesPerValue == bytes;
  }

  /** The articles with a value from {@code lower} to {@code upper}, both included, as bits. */
  long within(byte[] lower, byte[] upper) {
    long bits = 0;
    for (int i = 0; i < docs.length; i++) {
      if (Arrays.compareUnsigned(values[i], lower) >= 0
          && Arrays.compareUnsigned(values[i], upper) <= 0) {
        bits |= 1L << docs[i];
      }
    }
    return bits;
  }
}
