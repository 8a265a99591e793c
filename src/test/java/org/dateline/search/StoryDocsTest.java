package org.dateline.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.dateline.index.Schema;
import org.junit.jupiter.api.Test;

class StoryDocsTest {

  /**
   * Story 7 has copies 0, 2 and 4 (doc 2 deleted), split over two segments; story 9 has 1 and 3.
   */
  private static Directory index() throws IOException {
    return index(false);
  }

  /**
   * {@link #index()}; {@code docValues}: each story also as doc values (as {@link Schema} writes
   * it), else as a point only (an index from before the doc values).
   */
  private static Directory index(boolean docValues) throws IOException {
    Directory dir = new ByteBuffersDirectory();
    try (IndexWriter w =
        new IndexWriter(dir, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
      long[] stories = {7, 9, 7, 9, 7};
      for (int i = 0; i < stories.length; i++) {
        Document d = new Document();
        d.add(new StringField("n", Integer.toString(i), Field.Store.NO));
        d.add(new LongPoint(Schema.STORY, stories[i]));
        if (docValues) {
          d.add(new NumericDocValuesField(Schema.STORY, stories[i]));
        }
        w.addDocument(d);
        if (i == 2) {
          w.commit(); // a second segment from here
        }
      }
      w.deleteDocuments(new Term("n", "2"));
    }
    return dir;
  }

  @Test
  void findsTheLiveCopiesInEverySegmentInIndexOrder() throws IOException {
    try (Directory dir = index();
        DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      assertEquals(2, reader.leaves().size());
      assertArrayEquals(new int[] {0, 4}, StoryDocs.of(searcher, 7, 10));
      assertArrayEquals(new int[] {1, 3}, StoryDocs.of(searcher, 9, 10));
      assertArrayEquals(new int[0], StoryDocs.of(searcher, 8, 10));
    }
  }

  @Test
  void findsTheSameCopiesFromTheDocValues() throws IOException {
    try (Directory dir = index(true);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      assertArrayEquals(new int[] {0, 4}, StoryDocs.of(searcher, 7, 10));
      assertArrayEquals(new int[] {1, 3}, StoryDocs.of(searcher, 9, 10));
      assertArrayEquals(new int[0], StoryDocs.of(searcher, 8, 10));
      assertArrayEquals(new int[] {1}, StoryDocs.of(searcher, 9, 1));
    }
  }

  /** The stories are read from the doc values where a segment has them, not from the points. */
  @Test
  void readsTheDocValuesWhereTheyAre() throws IOException {
    Directory dir = new ByteBuffersDirectory();
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
      Document d = new Document();
      d.add(new LongPoint(Schema.STORY, 5));
      d.add(new NumericDocValuesField(Schema.STORY, 6)); // disagrees on purpose
      w.addDocument(d);
    }
    try (dir;
        DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      assertArrayEquals(new int[] {0}, StoryDocs.of(searcher, 6, 10));
      assertArrayEquals(new int[0], StoryDocs.of(searcher, 5, 10));
    }
  }

  /** Every story of a larger index with deletions, against the point query it replaces. */
  @Test
  void agreesWithThePointQueryOnEveryStory() throws IOException {
    Directory dir = new ByteBuffersDirectory();
    java.util.Random random = new java.util.Random(20);
    int docs = 3_000;
    long[] stories = new long[docs];
    try (IndexWriter w =
        new IndexWriter(
            dir,
            new IndexWriterConfig()
                .setMaxBufferedDocs(700)
                .setMergePolicy(NoMergePolicy.INSTANCE))) {
      for (int i = 0; i < docs; i++) {
        stories[i] = random.nextInt(4) == 0 ? random.nextInt(50) : random.nextLong();
        Document d = new Document();
        d.add(new StringField("n", Integer.toString(i), Field.Store.NO));
        d.add(new LongPoint(Schema.STORY, stories[i]));
        d.add(new NumericDocValuesField(Schema.STORY, stories[i]));
        w.addDocument(d);
      }
      for (int i = 0; i < docs; i += 7) {
        w.deleteDocuments(new Term("n", Integer.toString(i)));
      }
    }
    try (dir;
        DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      assertTrue(reader.leaves().size() > 3);
      int several = 0;
      for (long story : stories) {
        int[] expected = byPoint(searcher, story);
        several += expected.length > 1 ? 1 : 0;
        assertArrayEquals(expected, StoryDocs.of(searcher, story, 1_000), "story " + story);
        if (expected.length > 2) {
          assertArrayEquals(java.util.Arrays.copyOf(expected, 2), StoryDocs.of(searcher, story, 2));
        }
      }
      assertTrue(several > 500, "stories with several copies: " + several);
    }
  }

  private static int[] byPoint(IndexSearcher searcher, long story) throws IOException {
    return java.util.Arrays.stream(
            searcher.search(LongPoint.newExactQuery(Schema.STORY, story), 10_000).scoreDocs)
        .mapToInt(sd -> sd.doc)
        .sorted()
        .toArray();
  }

  @Test
  void stopsAtTheCap() throws IOException {
    try (Directory dir = index();
        DirectoryReader reader = DirectoryReader.open(dir)) {
      assertArrayEquals(new int[] {1}, StoryDocs.of(new IndexSearcher(reader), 9, 1));
    }
  }
}
