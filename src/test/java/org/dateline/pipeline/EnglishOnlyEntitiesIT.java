package org.dateline.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.dateline.TestIndexes;
import org.dateline.enrich.Article;
import org.dateline.enrich.Enricher;
import org.dateline.enrich.entities.EntityExtractor;
import org.dateline.enrich.entities.EntityType;
import org.dateline.enrich.entities.Mention;
import org.dateline.index.ArticleIndex;
import org.dateline.index.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, done-means 2, over the whole shared corpus: the English recogniser never runs on an
 * article whose language is another. The recogniser here is a stand-in that tags the first word of
 * every text it is given (the real model would take an hour over the corpus; the gate is the same
 * call), so an article's stored {@code recognised} list says whether the recogniser saw it.
 */
class EnglishOnlyEntitiesIT {

  @TempDir Path index;

  /** Tags the text's first word: any call leaves a trace in the article. */
  private static final EntityExtractor TRACER =
      text -> {
        String trimmed = text.stripLeading();
        int start = text.length() - trimmed.length();
        int end = start;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
          end++;
        }
        return end == start
            ? List.of()
            : List.of(new Mention(text.substring(start, end), EntityType.PERSON, start, end, null));
      };

  @Test
  void theEnglishModelSeesOnlyEnglishArticles() throws IOException {
    Path corpus = TestIndexes.sharedCorpus("");
    assumeTrue(corpus != null, "../shared/corpus is absent: skipped");
    try (ArticleIndex writable = ArticleIndex.open(index)) {
      new Indexer(
              TestIndexes.config(index), writable, Enricher.standard(TRACER), IngestProgress.NONE)
          .run(List.of(corpus), false);
    }
    Map<String, int[]> byLanguage = new TreeMap<>(); // language -> {articles, recognised}
    List<String> wrong = new ArrayList<>();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      for (LeafReaderContext leaf : reader.leaves()) {
        StoredFields stored = leaf.reader().storedFields();
        Bits live = leaf.reader().getLiveDocs();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if (live != null && !live.get(doc)) {
            continue;
          }
          Article a = Schema.toArticle(stored.document(doc));
          String language = String.valueOf(a.language());
          int[] counts = byLanguage.computeIfAbsent(language, k -> new int[2]);
          counts[0]++;
          if (!a.recognised().isEmpty()) {
            counts[1]++;
            if (a.language() != null && !a.language().equals("en")) {
              wrong.add(language + " " + a.path() + " " + a.itemKey());
            }
          }
        }
      }
    }
    StringBuilder table = new StringBuilder();
    byLanguage.forEach(
        (k, v) -> table.append(k).append(' ').append(v[0]).append('/').append(v[1]).append('\n'));
    System.out.print("language articles/recognised\n" + table);
    assertEquals(List.of(), wrong, "articles in another language given to the English model");
    assertTrue(byLanguage.get("en")[1] > 20_000, "the English ones were given to it: " + table);
    assertTrue(
        byLanguage.keySet().stream().filter(l -> !l.equals("en") && !l.equals("null")).count() >= 5,
        table.toString());
  }
}
