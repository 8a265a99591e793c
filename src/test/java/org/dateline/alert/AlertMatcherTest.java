package org.dateline.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.monitor.MonitorQuery;
import org.dateline.config.Limits;
import org.dateline.enrich.Article;
import org.dateline.index.Schema;
import org.dateline.index.SourceFile;
import org.dateline.search.SearchRequest;
import org.dateline.search.SortOrder;
import org.dateline.search.StandingQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The matcher's own choices: a prefix query is presearched by its first letters (run only on an
 * article with a word that starts so; a prefix of two letters still runs on every article), a
 * disjunction is one query run once, and the on-disk query index is reused at a restart and brought
 * in line with the saved alerts (a changed search registered again, a gone one removed).
 */
class AlertMatcherTest {

  @TempDir Path tmp;

  private static Document doc(String id, String text) throws Exception {
    Article a = NewArticles.of(id, "", text, null, "Wire", "en");
    return Schema.toDocument(a, new SourceFile(a.path(), 1, 1, "h"));
  }

  private static MonitorQuery query(String id, String q) {
    return new MonitorQuery(id, parse(q), q, Map.of());
  }

  private static org.apache.lucene.search.Query parse(String q) {
    return StandingQuery.of(
        new SearchRequest(q, Map.of(), null, null, SortOrder.NEWEST, 1, 10, null, 0, 0),
        Limits.defaults());
  }

  @Test
  void prefixesArePresearchedByTheirFirstLetters() throws Exception {
    try (AlertMatcher m = new AlertMatcher()) {
      m.register(
          List.of(
              query("pric", "pric*"),
              query("pr", "pr*"),
              query("quay", "quay OR ferry"),
              query("long", "pricingmodel*")));
      assertEquals(
          List.of(Set.of("pric", "pr"), Set.of("pr"), Set.of("quay"), Set.of("pric", "pr", "long")),
          m.match(
              List.of(
                  doc("a", "Prices rose."),
                  doc("b", "The prize went to a poet."),
                  doc("c", "The quay and the ferry."),
                  doc("d", "A pricingmodels review."))));
      long before = m.queriesRun();
      m.match(List.of(doc("e", "The quay closed.")));
      // pr* (too short to presearch) and quay OR ferry run; pric* and pricingmodel* do not
      assertEquals(2, m.queriesRun() - before);
    }
  }

  @Test
  void theQueryIndexOnDiskIsReusedAndReconciled() throws Exception {
    Path folder = tmp.resolve(AlertMatcher.FOLDER);
    Map<String, AlertMatcher.Parsed> wanted =
        Map.of(
            "a", new AlertMatcher.Parsed("quay", parse("quay")),
            "b", new AlertMatcher.Parsed("ferry", parse("ferry")));
    try (AlertMatcher m = AlertMatcher.open(folder, wanted)) {
      assertEquals(2, m.size());
    }
    Map<String, AlertMatcher.Parsed> changed =
        Map.of(
            "a", new AlertMatcher.Parsed("harbour", parse("harbour")), // changed
            "c", new AlertMatcher.Parsed("quay", parse("quay"))); // new; b is gone
    try (AlertMatcher m = AlertMatcher.open(folder, changed)) {
      assertEquals(2, m.size());
      assertEquals(
          List.of(Set.of("a"), Set.of("c"), Set.of()),
          m.match(
              List.of(doc("x", "The harbour."), doc("y", "The quay."), doc("z", "The ferry."))));
    }
  }

  @Test
  void anOlderLayoutsFolderIsDeletedAndTheOthersAreKept() throws Exception {
    Path older = java.nio.file.Files.createDirectories(tmp.resolve("alerts-monitor-2-p2"));
    java.nio.file.Files.writeString(older.resolve("segments_1"), "old");
    Path journal = java.nio.file.Files.writeString(tmp.resolve("alerts-journal.jsonl"), "");
    Map<String, AlertMatcher.Parsed> wanted =
        Map.of("a", new AlertMatcher.Parsed("quay", parse("quay")));
    try (AlertMatcher m = AlertMatcher.open(tmp.resolve(AlertMatcher.FOLDER), wanted)) {
      assertEquals(List.of(Set.of("a")), m.match(List.of(doc("y", "The quay."))));
    }
    assertFalse(java.nio.file.Files.exists(older));
    assertTrue(java.nio.file.Files.exists(journal));
    assertTrue(java.nio.file.Files.isDirectory(tmp.resolve(AlertMatcher.FOLDER)));
  }
}
