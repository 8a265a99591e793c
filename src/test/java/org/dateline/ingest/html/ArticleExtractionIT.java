package org.dateline.ingest.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.dateline.bench.ExtractionBench;
import org.dateline.bench.FactsJudgement;
import org.dateline.bench.StoredPageFacts;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs the extraction bench over the shared research corpus, which is never in the repo: the pages
 * are read as stored (gzipped), the way {@code dateline index} reads them.
 */
class ArticleExtractionIT {

  private static final double MIN_MEAN_F1 = 0.97;
  private static final double MIN_FACT_COVERAGE = 0.95;

  private static Path corpus() {
    String shared = System.getProperty("dateline.shared", "../shared");
    return Path.of(shared, "corpus", "html-news-articlebench");
  }

  @Test
  void meanTokenF1MeetsTarget() throws Exception {
    Path corpus = corpus();
    Assumptions.assumeTrue(
        Files.isRegularFile(corpus.resolve("ground-truth.json")),
        "corpus not present at " + corpus.toAbsolutePath());
    ExtractionBench.Report report = ExtractionBench.run(corpus, null);
    System.out.printf(
        "ArticleExtractionIT: %d pages, mean F1 %.4f, median %.4f%n",
        report.pages().size(), report.meanF1(), report.medianF1());
    assertTrue(report.pages().size() > 100, "expected the full corpus");
    assertEquals(
        0, report.pages().stream().filter(p -> p.error() != null).count(), "pages that threw");
    assertTrue(
        report.meanF1() >= MIN_MEAN_F1,
        String.format("mean F1 %.4f below %.2f", report.meanF1(), MIN_MEAN_F1));
    // each page's outlet against the names its site goes by (bench/outlets-labelled.tsv): only
    // news.sky.com's "Sky" (its publisher's name before "Sky News") is left wrong
    Map<String, Long> outlets =
        FactsJudgement.counts(
            report.verdicts(), FactsJudgement.Outlet.class, FactsJudgement.Verdict::outlet);
    assertEquals(report.pages().size(), report.verdicts().size());
    assertEquals(0L, outlets.get("unlabelled"), "hosts missing from the labels");
    assertTrue(outlets.get("wrong") <= 1, "outlets judged wrong: " + outlets);
    for (StoredPageFacts.Coverage c : StoredPageFacts.coverage(report.pages())) {
      assertTrue(c.stated() > 150, c.fact() + " stated on too few pages: " + c);
      assertTrue(c.share() >= MIN_FACT_COVERAGE, c.fact() + " found too rarely: " + c);
    }
  }
}
