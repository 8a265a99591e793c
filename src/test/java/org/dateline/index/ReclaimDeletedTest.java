package org.dateline.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.dateline.enrich.Article;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReclaimDeletedTest {

  @TempDir Path dir;

  private static Article article(int i) {
    return new Article(
        "id" + i,
        "/a/" + i + ".txt",
        "1",
        null,
        "Title " + i,
        "Body number " + i + " of the test.",
        null,
        "Reuters",
        List.of(),
        List.of(),
        "en",
        "article",
        "h" + i,
        Map.of(),
        Map.of(),
        List.of(),
        null);
  }

  @Test
  void rewrittenArticlesLeaveNoDeletedCopiesOnDisk() throws Exception {
    try (ArticleIndex index = ArticleIndex.open(dir)) {
      for (int i = 0; i < 200; i++) {
        index.add(new SourceFile("/a/" + i + ".txt", 1, 1, "h"), List.of(article(i)));
      }
      index.commit(Map.of("k", "v"));
      for (int i = 0; i < 200; i++) { // as the entity pass does
        index.rewrite(article(i), new SourceFile("/a/" + i + ".txt", 1, 1, "h"), i);
      }
      index.commit(Map.of());
      index.reclaimDeleted();
    }
    try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(dir))) {
      assertEquals(200, r.numDocs());
      assertEquals(200, r.maxDoc()); // no deleted copy left in the last commit
      assertEquals("v", r.getIndexCommit().getUserData().get("k")); // earlier user data kept
    }
  }

  @Test
  void aSmallIndexOfSeveralSegmentsIsMergedIntoOneAtTheEndOfARunAndALargerOneIsNot()
      throws Exception {
    try (ArticleIndex index = ArticleIndex.open(dir)) {
      for (int batch = 0; batch < 3; batch++) { // three flushes: three segments
        for (int i = batch * 50; i < (batch + 1) * 50; i++) {
          index.add(new SourceFile("/a/" + i + ".txt", 1, 1, "h"), List.of(article(i)));
        }
        index.commit(Map.of("k", "v"));
      }
      index.compact(1); // over the bar: kept as Lucene left it
    }
    assertEquals(3, segments());
    try (ArticleIndex index = ArticleIndex.open(dir)) {
      index.compact();
    }
    assertEquals(1, segments());
    try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(dir))) {
      assertEquals(150, r.numDocs());
      assertEquals(150, r.maxDoc());
      assertEquals("v", r.getIndexCommit().getUserData().get("k"));
      assertEquals(Schema.VERSION, r.getIndexCommit().getUserData().get(ArticleIndex.SCHEMA_KEY));
    }
  }

  private int segments() throws Exception {
    try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(dir))) {
      return r.leaves().size();
    }
  }
}
