package org.dateline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.dateline.TestIndexes;
import org.dateline.config.Limits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The concordance answers within the search time limit (attack, session 19): its answer is built
 * whole before anything is sent, and a query whose hits give few lines walked every hit of the
 * archive (an empty query: every article, no line), however long that took and whether or not the
 * client still waited. The export, which streams, keeps no limit.
 */
class ConcordanceTimeLimitTest {

  @TempDir static Path tmp;
  static Path index;
  static SearchService plenty;
  static SearchService oneMs;

  @BeforeAll
  static void open() throws IOException {
    index = TestIndexes.reutersSample(tmp);
    Limits d = Limits.defaults();
    plenty = SearchService.readOnly(index, d);
    oneMs =
        SearchService.readOnly(
            index, d.withSearch(d.maxQueryTerms(), 1, d.maxQueryChars(), d.maxRequestBytes()));
  }

  @AfterAll
  static void close() throws IOException {
    plenty.close();
    oneMs.close();
  }

  @Test
  void anEmptyQueryWalksEveryArticleForNoLine() throws IOException {
    Concordance.Result r =
        Concordance.collect(
            plenty, SearchRequest.of(""), Concordance.Order.HITS, Concordance.DEFAULT_LIMIT);
    assertEquals(2000, r.hits());
    assertEquals(0, r.lines().size());
  }

  @Test
  void pastTheSearchTimeLimitTheConcordanceStops() {
    SearchTimeoutException e =
        assertThrows(
            SearchTimeoutException.class,
            () ->
                Concordance.collect(
                    oneMs,
                    SearchRequest.of(""),
                    Concordance.Order.HITS,
                    Concordance.DEFAULT_LIMIT));
    assertEquals("search_timeout_ms", e.setting());
    assertEquals(1, e.limitMs());
  }

  @Test
  void theExportStreamsEveryHitWhateverTheTimeLimit() throws IOException {
    long[] seen = {0};
    long written = oneMs.export(SearchRequest.of(""), hit -> seen[0]++);
    assertEquals(2000, written);
    assertTrue(seen[0] == written);
  }
}
