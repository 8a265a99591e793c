package org.dateline.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;
import org.dateline.TestIndexes;
import org.dateline.enrich.Article;
import org.dateline.search.SearchRequest;
import org.dateline.search.SearchService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An index whose meta is JSON text (schema 9 and before) kept by an upgrade to the binary form
 * (schema 10): its articles read back the same, new ones are written in the new form beside them,
 * and a search returns both.
 */
class OlderMetaFormTest {

  @TempDir Path work;

  /** Counts the live documents whose meta is JSON text (the older form). */
  private static int textMetas(Path index) throws IOException {
    int n = 0;
    try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(index))) {
      for (LeafReaderContext leaf : r.leaves()) {
        StoredFields stored = leaf.reader().storedFields();
        for (int d = 0; d < leaf.reader().maxDoc(); d++) {
          n += stored.document(d).get(Schema.META) != null ? 1 : 0;
        }
      }
    }
    return n;
  }

  /**
   * Writes every article of {@code index} again with its meta as JSON text (the form of {@link
   * ArticleJson}, which {@link StoredMeta} reads like every older form), stamped schema 9.
   */
  private static void toTextMeta(Path index) throws IOException {
    try (FSDirectory dir = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(dir);
        IndexWriter w =
            new IndexWriter(
                dir, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
      for (LeafReaderContext leaf : reader.leaves()) {
        StoredFields stored = leaf.reader().storedFields();
        for (int d = 0; d < leaf.reader().maxDoc(); d++) {
          Document old = stored.document(d);
          Article a = Schema.toArticle(old);
          Document doc =
              Schema.toDocument(
                  a,
                  Schema.toSourceFile(old),
                  new StoryStamp(Schema.storyOf(old), StoryStamp.alone(a).fingerprint()));
          doc.removeFields(Schema.META);
          doc.add(new StoredField(Schema.META, ArticleJson.metadata(a)));
          w.updateDocument(new Term(Schema.ID, a.id()), doc);
        }
      }
      w.forceMerge(1);
      SchemaStamps.stamp(w, "9");
    }
  }

  @Test
  void anIndexWithJsonMetaIsKeptReadsTheSameAndTakesNewArticlesInTheBinaryForm()
      throws IOException {
    Path src = work.resolve("src");
    TestIndexes.copySeeds(src, 0, 4);
    Path index = work.resolve("index");
    assertEquals(4, TestIndexes.index(index, false, src).filesIndexed());
    Map<String, Article> binary = TestIndexes.storedArticlesById(index);
    assertEquals(0, textMetas(index));
    toTextMeta(index);
    assertEquals(4, textMetas(index), "every meta is JSON text now");
    assertEquals(
        binary, TestIndexes.storedArticlesById(index), "and reads back as the binary form did");

    TestIndexes.copySeeds(src, 4, 1);
    assertEquals(1, TestIndexes.index(index, false, src).filesIndexed(), "the index was kept");
    assertEquals(4, textMetas(index), "older articles are not rewritten");
    Map<String, Article> both = TestIndexes.storedArticlesById(index);
    assertEquals(5, both.size());
    assertTrue(both.entrySet().containsAll(binary.entrySet()));
    try (SearchService s = SearchService.readOnly(index)) {
      assertEquals(5, s.search(SearchRequest.of("")).hits().size());
    }
  }
}
