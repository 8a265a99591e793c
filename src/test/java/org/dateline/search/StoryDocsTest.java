package org.dateline.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
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
    Directory dir = new ByteBuffersDirectory();
    try (IndexWriter w =
        new IndexWriter(dir, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
      long[] stories = {7, 9, 7, 9, 7};
      for (int i = 0; i < stories.length; i++) {
        Document d = new Document();
        d.add(new StringField("n", Integer.toString(i), Field.Store.NO));
        d.add(new LongPoint(Schema.STORY, stories[i]));
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
  void stopsAtTheCap() throws IOException {
    try (Directory dir = index();
        DirectoryReader reader = DirectoryReader.open(dir)) {
      assertArrayEquals(new int[] {1}, StoryDocs.of(new IndexSearcher(reader), 9, 1));
    }
  }
}
