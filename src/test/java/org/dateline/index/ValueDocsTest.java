package org.dateline.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** The (value, document) table against a plain sort of the same pairs, on a real segment. */
class ValueDocsTest {

  @Test
  void sortedByValueThenDocumentLikeAPlainSortOfThePairs() throws IOException {
    Random random = new Random(20261207);
    for (int round = 0; round < 20; round++) {
      // a few rounds large enough to be put in order by radix
      int docs =
          round % 4 == 3 ? ValueDocs.RADIX_FROM + random.nextInt(20_000) : 1 + random.nextInt(3000);
      // few distinct values (many ties), negative and huge ones, some documents without a value
      long[] pool = new long[1 + random.nextInt(round % 8 == 7 ? 30_000 : 50)];
      for (int i = 0; i < pool.length; i++) {
        pool[i] = random.nextBoolean() ? random.nextLong() : random.nextInt(100) - 50;
      }
      List<long[]> expected = new ArrayList<>();
      try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
          IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
        for (int doc = 0; doc < docs; doc++) {
          Document d = new Document();
          d.add(new StringField("id", Integer.toString(doc), Field.Store.NO));
          if (random.nextInt(10) > 0) {
            long value = pool[random.nextInt(pool.length)];
            d.add(new NumericDocValuesField("v", value));
            expected.add(new long[] {value, doc});
          }
          w.addDocument(d);
        }
        w.forceMerge(1);
        w.commit();
        try (DirectoryReader r = DirectoryReader.open(dir)) {
          LeafReader leaf = r.leaves().get(0).reader();
          ValueDocs got = ValueDocs.sorted(leaf.getNumericDocValues("v"), leaf.maxDoc());
          expected.sort(Comparator.<long[]>comparingLong(p -> p[0]).thenComparingLong(p -> p[1]));
          assertArrayEquals(expected.stream().mapToLong(p -> p[0]).toArray(), got.values());
          assertArrayEquals(expected.stream().mapToInt(p -> (int) p[1]).toArray(), got.docs());
        }
      }
    }
  }

  @Test
  void aSegmentWithoutTheFieldHoldsNothing() throws IOException {
    ValueDocs none = ValueDocs.sorted(null, 10);
    assertArrayEquals(new long[0], none.values());
    assertArrayEquals(new int[0], none.docs());
  }
}
