package org.dateline.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.dateline.TestIndexes;
import org.dateline.bench.SavedSearchGenerator;
import org.dateline.config.Config;
import org.dateline.enrich.Article;
import org.dateline.enrich.Enricher;
import org.dateline.enrich.entities.NerExtractor;
import org.dateline.index.ArticleIndex;
import org.dateline.pipeline.Indexer;
import org.dateline.pipeline.IngestHook;
import org.dateline.pipeline.IngestProgress;
import org.dateline.search.LimitExceededException;
import org.dateline.search.SearchService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The oracle of issue 17: 10,000 generated saved searches (terms, AND/OR/NOT, phrases, title:,
 * filters on outlet, person and place, date ranges, some wildcards) matched at ingest against the
 * 1,000 Reuters stories of reut2-000.sgm (entities recognised, as a server with entities on does)
 * give exactly the (alert, article) pairs that running each search over the same index gives.
 * Skipped when ../shared is absent.
 */
class AlertOracleIT {

  static final int ALERTS = Integer.getInteger("dateline.oracle.alerts", 10_000);

  @TempDir Path tmp;

  @Test
  void everyAlertMatchesExactlyWhatItsSearchFinds() throws Exception {
    Path corpus = TestIndexes.sharedCorpus("reuters21578");
    assumeTrue(corpus != null, "../shared/corpus/reuters21578 is absent: skipped");
    Path source = Files.copy(corpus.resolve("sgm/reut2-000.sgm"), tmp.resolve("reut2-000.sgm"));
    Path indexDir = tmp.resolve("index");
    Config config = TestIndexes.config(indexDir);
    // The vocabulary to make searches of: the articles as the index will hold them.
    Path vocabIndex = tmp.resolve("vocab");
    index(TestIndexes.config(vocabIndex), source, IngestHook.NONE);
    List<Article> articles = TestIndexes.storedArticles(vocabIndex);
    assertEquals(1000, articles.size());
    List<AlertSpec> specs = new SavedSearchGenerator(articles, 17).generate(ALERTS);

    Map<String, Set<String>> matched = new HashMap<>();
    List<AlertStatus> made;
    try (Alerts alerts = Alerts.open(indexDir, config.limits())) {
      made = alerts.createAll("oracle", specs);
      index(config, source, alerts);
      for (AlertStatus a : made) {
        Set<String> ids = new TreeSet<>();
        for (AlertEvent e : alerts.events("oracle", a.id(), 0)) {
          ids.add(e.article());
        }
        matched.put(a.id(), ids);
      }
    }
    // After a restart, each alert's events are read back from the journal (its lines of many
    // alerts, read by their heads): the same articles, numbered 1..n without a gap.
    int differAfterRestart = 0;
    try (Alerts alerts = Alerts.open(indexDir, config.limits())) {
      for (AlertStatus a : made) {
        Set<String> ids = new TreeSet<>();
        long seq = 0;
        for (AlertEvent e : alerts.events("oracle", a.id(), 0)) {
          ids.add(e.article());
          differAfterRestart += e.seq() == ++seq ? 0 : 1;
        }
        differAfterRestart += ids.equals(matched.get(a.id())) ? 0 : 1;
      }
    }
    assertEquals(0, differAfterRestart, "alerts whose events differ after a restart");
    long pairs = 0;
    long matchingAlerts = 0;
    int refusedBySearch = 0;
    List<String> wrong = new ArrayList<>();
    try (SearchService search = SearchService.readOnly(indexDir)) {
      for (int i = 0; i < made.size(); i++) {
        Set<String> expected = new TreeSet<>();
        try {
          search.export(specs.get(i).request(), hit -> expected.add(hit.id()));
        } catch (LimitExceededException e) {
          refusedBySearch++; // a wildcard the search refuses as too wide: nothing to compare
          continue;
        }
        Set<String> got = matched.get(made.get(i).id());
        if (!expected.equals(got)) {
          Set<String> missing = new HashSet<>(expected);
          missing.removeAll(got);
          Set<String> extra = new HashSet<>(got);
          extra.removeAll(expected);
          wrong.add(specs.get(i) + ": missing " + missing.size() + ", extra " + extra.size());
        }
        pairs += expected.size();
        matchingAlerts += expected.isEmpty() ? 0 : 1;
      }
    }
    System.out.printf(
        "alert oracle: %d alerts x %d articles: %d pairs, %d alerts with matches, %d refused by"
            + " the search, %d differ%n",
        made.size(), articles.size(), pairs, matchingAlerts, refusedBySearch, wrong.size());
    assertEquals(List.of(), wrong.subList(0, Math.min(20, wrong.size())), wrong.size() + " differ");
    assertTrue(refusedBySearch < made.size() / 100, refusedBySearch + " refused");
    assertTrue(matchingAlerts > made.size() / 2, "most alerts match something: " + matchingAlerts);
    assertTrue(pairs > 100_000, "pairs: " + pairs);
  }

  /** Indexes {@code file} with the entity recogniser, telling {@code hook}; commits. */
  private static void index(Config config, Path file, IngestHook hook) throws Exception {
    try (ArticleIndex index = ArticleIndex.open(config.indexDir())) {
      new Indexer(config, index, Enricher.standard(NerExtractor.shared()), IngestProgress.NONE)
          .withHook(hook)
          .run(List.of(file), false);
    }
  }
}
