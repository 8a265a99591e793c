package org.dateline.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.dateline.config.Limits;
import org.dateline.enrich.Article;
import org.dateline.enrich.PubDate;
import org.dateline.index.ArticleIndex;
import org.dateline.index.Schema;
import org.dateline.index.SourceFile;
import org.dateline.search.SearchService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backfill by ingest time (issue 17): a new alert asked for its last N days is told of the
 * archive's matching articles that were indexed in those days, oldest first, whatever their
 * publication dates (here 1987 or none); an article indexed earlier, or not matching, is not told;
 * a rewrite in place keeps an article's ingest time.
 */
class AlertBackfillTest {

  private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

  @TempDir Path tmp;

  private static Article article(String id, String title, String text, PubDate date) {
    return NewArticles.of(id, title, text, date, "Harbour Herald", "en");
  }

  private static void add(ArticleIndex index, Article a, Duration ago) throws Exception {
    long ingested = NOW.minus(ago).toEpochMilli();
    index.add(new SourceFile(a.path(), 1, 1, "h" + a.id(), ingested), List.of(a));
  }

  @Test
  void aNewAlertIsToldWhatMatchedAmongTheArticlesIngestedInItsLastDays() throws Exception {
    Path dir = tmp.resolve("index");
    PubDate old = new PubDate(Instant.parse("1987-03-02T00:00:00Z"), PubDate.Precision.DAY, "t");
    Article tenDays = article("a10", "Quay closed for good", "The quay closes.", old);
    Article threeDays = article("a3", "Quay reopens", "The quay reopens to ferries.", null);
    Article oneHour = article("a1", "Quay strike", "Dockers strike at the quay.", old);
    Article unrelated = article("b1", "Bankers sentenced", "Two bankers were sentenced.", old);
    try (ArticleIndex index = ArticleIndex.open(dir)) {
      add(index, tenDays, Duration.ofDays(10));
      add(index, threeDays, Duration.ofDays(3));
      add(index, oneHour, Duration.ofHours(1));
      add(index, unrelated, Duration.ofHours(1));
      index.commit(Map.of());
      // The entity pass rewrites articles in place from what it reads back: the time stays.
      index.rewrite(tenDays, storedSource(dir, "a10"), 1L);
      index.commit(Map.of());
    }
    assertEquals(
        NOW.minus(Duration.ofDays(10)).toEpochMilli(), storedSource(dir, "a10").ingestedMs());
    try (SearchService search = SearchService.readOnly(dir, Limits.defaults());
        Alerts alerts = Alerts.open(tmp.resolve("alerts"), Limits.defaults())) {
      String five = alerts.create("k", spec("quay", 5)).id();
      assertEquals(2, alerts.backfill("k", five, search, NOW));
      List<AlertEvent> events = alerts.events("k", five, 0);
      assertEquals(List.of("a3", "a1"), events.stream().map(AlertEvent::article).toList());
      assertEquals(List.of("Quay reopens", "Quay strike"), titles(events));
      assertEquals("1987-03-02", events.get(1).date());

      String eleven = alerts.create("k", spec("quay", 11)).id();
      assertEquals(3, alerts.backfill("k", eleven, search, NOW));
      assertEquals(List.of("a10", "a3", "a1"), articles(alerts.events("k", eleven, 0)));

      String hours = alerts.create("k", spec("quay OR bankers", 1)).id();
      assertEquals(2, alerts.backfill("k", hours, search, NOW));
      assertEquals(List.of("a1", "b1"), sorted(articles(alerts.events("k", hours, 0))));

      // Asked again (the same articles): nothing is told twice.
      assertEquals(0, alerts.backfill("k", five, search, NOW));
      // A day later the hour-old article is still within five days; two weeks later nothing is.
      String late = alerts.create("k", spec("quay", 5)).id();
      assertEquals(0, alerts.backfill("k", late, search, NOW.plus(Duration.ofDays(14))));
      assertEquals(0, alerts.backfill("k", alerts.create("k", spec("quay", 0)).id(), search, NOW));
    }
  }

  /** The source of article {@code id} as the last commit holds it. */
  private static SourceFile storedSource(Path dir, String id) throws Exception {
    try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(dir))) {
      IndexSearcher s = new IndexSearcher(r);
      int doc = s.search(new TermQuery(new Term(Schema.ID, id)), 1).scoreDocs[0].doc;
      return Schema.toSourceFile(s.storedFields().document(doc));
    }
  }

  private static AlertSpec spec(String q, int days) {
    return new AlertSpec(q, q, null, null, null, null, days);
  }

  private static List<String> titles(List<AlertEvent> events) {
    return events.stream().map(AlertEvent::title).toList();
  }

  private static List<String> articles(List<AlertEvent> events) {
    return events.stream().map(AlertEvent::article).toList();
  }

  private static List<String> sorted(List<String> in) {
    return in.stream().sorted().toList();
  }
}
