package org.dateline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.dateline.TestIndexes;
import org.dateline.enrich.entities.EntityType;
import org.dateline.enrich.entities.NerExtractor;
import org.junit.jupiter.api.Test;

/**
 * The recogniser on CoNLL-2003 eng.testa (from ../shared, when present), scored with CoNLL's rule:
 * it must keep the floor the project promises. The full figures come from {@code dateline bench
 * ner}.
 */
class NerBenchIT {

  @Test
  void conllTestaMicroF1StaysAboveTheFloor() throws IOException {
    Path corpus = TestIndexes.sharedCorpus("conll2003-ner");
    assumeTrue(corpus != null, "../shared/corpus/conll2003-ner is absent: skipped");
    List<NerCorpora.Story> stories = NerCorpora.conll(corpus.resolve("eng.testa"));
    assertEquals(216, stories.size());
    assertEquals(51_362, stories.stream().mapToInt(NerCorpora.Story::tokens).sum());
    // gold entity counts of eng.testa: 1842 PER, 1341 ORG, 1837 LOC
    assertEquals(
        1842,
        stories.stream()
            .flatMap(s -> s.gold().stream())
            .filter(g -> g.type() == EntityType.PERSON)
            .count());
    NerBench.Result r = NerBench.score("eng.testa", stories, NerExtractor.shared());
    assertTrue(r.micro().f1() >= 0.92, "micro F1 " + r.micro().f1());
    assertTrue(
        r.byType().get(EntityType.PERSON).f1() >= 0.93,
        "PER F1 " + r.byType().get(EntityType.PERSON).f1());
    assertTrue(
        r.byType().get(EntityType.PLACE).f1() >= 0.93,
        "LOC F1 " + r.byType().get(EntityType.PLACE).f1());
    assertTrue(
        r.byType().get(EntityType.ORGANIZATION).f1() >= 0.86,
        "ORG F1 " + r.byType().get(EntityType.ORGANIZATION).f1());
  }
}
