package org.dateline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;
import org.dateline.enrich.Article;
import org.dateline.index.ArticleIndex;
import org.dateline.index.Schema;
import org.dateline.index.SourceFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stem terms of languages the index lacks are dropped; hits and scores stay exactly the same. */
class StemLanguagesTest {

  @TempDir static Path dir;
  static DirectoryReader reader;
  static IndexSearcher searcher;

  private static Article article(String id, String text, String language) {
    return new Article(
        id,
        "/a/" + id + ".txt",
        "1",
        null,
        "A title",
        text,
        null,
        "Reuters",
        List.of(),
        List.of(),
        language,
        "article",
        "h" + id,
        Map.of(),
        Map.of(),
        List.of(),
        null);
  }

  @BeforeAll
  static void index() throws IOException {
    try (ArticleIndex index = ArticleIndex.open(dir)) {
      index.add(
          new SourceFile("/a/e.txt", 1, 1, "h"),
          List.of(
              article("e1", "The miners were striking for a second week.", "en"),
              article("e2", "Workers struck a deal; the strike ends.", "en"),
              article("f1", "Les mineurs sont en grève, la grève continue.", "fr")));
      index.commit(Map.of());
    }
    reader = DirectoryReader.open(FSDirectory.open(dir));
    searcher = new IndexSearcher(reader);
    searcher.setSimilarity(Schema.similarity());
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
  }

  @Test
  void onlyTheLanguagesOfTheIndexAreKept() throws IOException {
    assertEquals(Set.of("en:", "fr:"), StemLanguages.present(reader));
    Query pruned = StemLanguages.prune(QueryFactory.parse("strikes"), reader);
    assertEquals(
        "(body:strikes)^1.0 (title:strikes)^2.0 (Synonym(body_stem:en:strike body_stem:fr:strik))^1.0"
            + " (Synonym(title_stem:en:strike title_stem:fr:strik))^2.0",
        pruned.toString());
  }

  @Test
  void hitsAndScoresAreThoseOfTheFullQuery() throws IOException {
    for (String q : List.of("strikes", "grèves", "strikes OR mineur", "miners AND NOT deal")) {
      Query full = QueryFactory.parse(q);
      ScoreDoc[] a = searcher.search(full, 10).scoreDocs;
      ScoreDoc[] b = searcher.search(StemLanguages.prune(full, reader), 10).scoreDocs;
      assertEquals(a.length, b.length, q);
      for (int i = 0; i < a.length; i++) {
        assertEquals(a[i].doc, b[i].doc, q);
        assertEquals(a[i].score, b[i].score, q);
      }
    }
    assertEquals(2, searcher.search(QueryFactory.parse("strikes"), 10).scoreDocs.length);
  }
}
