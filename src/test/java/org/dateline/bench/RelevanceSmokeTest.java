package org.dateline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dateline.TestIndexes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The relevance check of issue 18 in small (`dateline bench relevance` runs it on all of Reuters):
 * the first 1,000 stories of Reuters-21578, the committed queries whose topic is among them, and
 * Dateline's defaults, which must beat the same ranking without inflections.
 */
class RelevanceSmokeTest {

  @TempDir Path dir;

  @Test
  void defaultsFindWhatIsMeantAndInflectionsHelp() throws IOException {
    Path corpus = TestIndexes.sharedCorpus("reuters21578");
    assumeTrue(corpus != null, "../shared/corpus/reuters21578 is absent: skipped");
    Path sgm = Files.createDirectories(dir.resolve("sgm"));
    Files.copy(corpus.resolve("sgm/reut2-000.sgm"), sgm.resolve("reut2-000.sgm"));
    TestIndexes.index(dir.resolve("index"), false, sgm);
    ReutersTopics topics = ReutersTopics.read(sgm);
    List<ReutersTopics.Judged> queries =
        ReutersTopics.readQueries(Path.of("bench/relevance-queries.tsv")).stream()
            .filter(q -> topics.stories(q.topic()).size() >= 3)
            .toList();
    RelevanceBench.Scores defaults;
    RelevanceBench.Scores exact;
    DatelineRanking.Setting d = DatelineRanking.Setting.defaults();
    try (DatelineRanking ranking = new DatelineRanking(dir.resolve("index"), d)) {
      defaults = RelevanceBench.score("defaults", ranking, queries, topics);
    }
    DatelineRanking.Setting noStems =
        new DatelineRanking.Setting(
            "no inflections", false, false, d.k1(), d.b(), d.titleBoost(), 0, 0);
    try (DatelineRanking ranking = new DatelineRanking(dir.resolve("index"), noStems)) {
      exact = RelevanceBench.score("no inflections", ranking, queries, topics);
    }
    assertEquals(
        "46 queries, P@10 0.391, recall@100 0.509",
        String.format(
            java.util.Locale.ROOT,
            "%d queries, P@10 %.3f, recall@100 %.3f",
            queries.size(),
            defaults.precisionAt10(),
            defaults.recallAt100()));
    assertTrue(defaults.recallAt100() > exact.recallAt100(), "inflections find more");
  }
}
