package org.dateline.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
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
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig().setMergePolicy(null))) {
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
      assertThat(reader.leaves()).hasSize(2);
      assertThat(StoryDocs.of(searcher, 7, 10)).containsExactly(0, 4);
      assertThat(StoryDocs.of(searcher, 9, 10)).containsExactly(1, 3);
      assertThat(StoryDocs.of(searcher, 8, 10)).isEmpty();
    }
  }

  @Test
  void stopsAtTheCap() throws IOException {
    try (Directory dir = index();
        DirectoryReader reader = DirectoryReader.open(dir)) {
      assertThat(StoryDocs.of(new IndexSearcher(reader), 9, 1)).containsExactly(1);
    }
  }
}
