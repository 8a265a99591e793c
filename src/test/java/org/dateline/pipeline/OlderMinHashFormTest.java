package org.dateline.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.dateline.StoryFixtures;
import org.dateline.TestIndexes;
import org.dateline.enrich.Article;
import org.dateline.index.Schema;
import org.dateline.index.SchemaStamps;
import org.dateline.index.StoryStamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An index schema 8 wrote (its MinHash terms in the older, 24-bit form) kept by an upgrade: a copy
 * ingested later (by schema 12: packed values, no terms) still finds its story among the older
 * articles, through the real pipeline.
 */
class OlderMinHashFormTest {

  @TempDir Path work;

  /** Writes every article of {@code index} again with schema 8's MinHash terms, stamped 8. */
  private static void toSchema8(Path index) throws IOException {
    try (FSDirectory dir = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(dir);
        IndexWriter w =
            new IndexWriter(
                dir, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
      for (LeafReaderContext leaf : reader.leaves()) {
        StoredFields stored = leaf.reader().storedFields();
        Bits live = leaf.reader().getLiveDocs();
        for (int d = 0; d < leaf.reader().maxDoc(); d++) {
          if (live == null || live.get(d)) {
            Document old = stored.document(d);
            Article a = Schema.toArticle(old);
            StoryStamp stamp =
                new StoryStamp(Schema.storyOf(old), StoryStamp.alone(a).fingerprint());
            Document doc = Schema.toDocument(a, Schema.toSourceFile(old), stamp);
            doc.removeFields(Schema.MINHASH);
            doc.removeFields(Schema.MINHASH_VALUES); // schema 11 on
            int[] values = stamp.fingerprint().minHashes();
            for (int slot = 0; slot < values.length; slot++) {
              doc.add(
                  new StringField(Schema.MINHASH, schema8Term(slot, values[slot]), Field.Store.NO));
            }
            w.updateDocument(new Term(Schema.ID, a.id()), doc);
          }
        }
      }
      w.forceMerge(1);
      SchemaStamps.stamp(w, "8");
    }
  }

  /** Schema 8's term of a MinHash slot: the slot's byte, then the 24-bit value's 3 bytes. */
  private static BytesRef schema8Term(int slot, int value) {
    return new BytesRef(
        new byte[] {(byte) slot, (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
  }

  /** True when the index holds a term of schema 8's form (a first byte below 64). */
  private static boolean holdsOlderForm(Path index) throws IOException {
    try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(index))) {
      for (LeafReaderContext leaf : r.leaves()) {
        BytesRef least = leaf.reader().terms(Schema.MINHASH).getMin();
        if ((least.bytes[least.offset] & 0xFF) < 64) {
          return true;
        }
      }
      return false;
    }
  }

  @Test
  void aCopyIngestedAfterTheUpgradeJoinsAStoryWrittenInTheOlderForm() throws IOException {
    Path src = work.resolve("src");
    String[] p = StoryFixtures.WIRE.split("\n\n");
    StoryFixtures.write(src, "wire.txt", "Northern quay to close for repairs", StoryFixtures.WIRE);
    StoryFixtures.write(src, "other.txt", "Bankers jailed", StoryFixtures.OTHER);
    Path index = work.resolve("index");
    assertEquals(2, TestIndexes.index(index, false, src).filesIndexed());
    toSchema8(index);
    assertTrue(holdsOlderForm(index));
    Map<String, Long> before = StoryAssignerTest.storiesByFile(index);

    StoryFixtures.write(src, "later.txt", "Quay shut", p[0] + "\n\n" + p[1] + "\n\n" + p[2]);
    // dated: a dated copy finds the undated older articles by their terms
    StoryFixtures.sidecar(src, "later.txt", "Courier", "2026-03-10T09:00:00Z");
    assertEquals(1, TestIndexes.index(index, false, src).filesIndexed(), "the index was kept");
    Map<String, Long> after = StoryAssignerTest.storiesByFile(index);
    assertEquals(3, after.size());
    assertEquals(before.get("wire.txt"), after.get("later.txt"));
    assertNotEquals(after.get("other.txt"), after.get("later.txt"));
    assertTrue(holdsOlderForm(index), "older articles are not rewritten");
    // The later copy was written by schema 12, dated: its packed values, and no MinHash term.
    assertEquals(2, articlesWith(index, true), "articles with MinHash terms");
    assertEquals(1, articlesWith(index, false), "articles with packed MinHash values");
  }

  /** How many articles of {@code index} have MinHash terms ({@code terms}) or packed values. */
  private static int articlesWith(Path index, boolean terms) throws IOException {
    int n = 0;
    try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(index))) {
      for (LeafReaderContext leaf : r.leaves()) {
        if (terms) {
          Terms t = leaf.reader().terms(Schema.MINHASH);
          n += t == null ? 0 : t.getDocCount();
        } else {
          BinaryDocValues v = leaf.reader().getBinaryDocValues(Schema.MINHASH_VALUES);
          while (v != null && v.nextDoc() != DocIdSetIterator.NO_MORE_DOCS) {
            n++;
          }
        }
      }
    }
    return n;
  }
}
