package org.dateline.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dateline.TestIndexes;
import org.dateline.enrich.Article;
import org.dateline.enrich.entities.Mention;
import org.dateline.index.EntityCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental equals full on real news: two Reuters-21578 files (2,000 stories) indexed in two
 * runs, the second resolved against the catalog of the first, give the same entities and the same
 * resolved mentions in every story as both indexed in one run.
 */
class EntityPassIT {

  @TempDir Path work;

  private static Map<String, List<Mention>> mentionsById(Path index) throws IOException {
    Map<String, List<Mention>> out = new TreeMap<>();
    for (Article a : TestIndexes.storedArticles(index)) {
      out.put(Path.of(a.path()).getFileName() + "#" + a.itemKey(), a.mentions());
    }
    return out;
  }

  @Test
  void twoReutersFilesInTwoRunsEqualOneRun() throws IOException {
    Path reuters = TestIndexes.sharedCorpus("reuters21578");
    assumeTrue(reuters != null, "../shared/corpus/reuters21578 is not here");
    Path first = reuters.resolve("sgm/reut2-000.sgm");
    Path second = reuters.resolve("sgm/reut2-001.sgm");
    Path both = Files.createDirectories(work.resolve("both"));
    Files.createSymbolicLink(both.resolve("reut2-000.sgm"), first);
    Files.createSymbolicLink(both.resolve("reut2-001.sgm"), second);

    Path oneIndex = work.resolve("one");
    EntityPass.Result one = TestIndexes.indexAndResolve(oneIndex, false, both);
    assertTrue(one.full());
    assertEquals(2000, one.articles());

    Path twoIndex = work.resolve("two");
    Path half = Files.createDirectories(work.resolve("half"));
    Files.createSymbolicLink(half.resolve("reut2-000.sgm"), first);
    TestIndexes.indexAndResolve(twoIndex, false, half);
    Files.createSymbolicLink(half.resolve("reut2-001.sgm"), second);
    EntityPass.Result incremental = TestIndexes.indexAndResolve(twoIndex, false, half);
    assertFalse(incremental.full(), incremental.toString());
    assertEquals(1000, incremental.resolved());
    assertEquals(2000, incremental.articles());
    assertTrue(incremental.rewrittenEarlier() < 200, "few earlier stories change: " + incremental);

    assertEquals(
        EntityCatalog.readEntities(oneIndex).entities(),
        EntityCatalog.readEntities(twoIndex).entities());
    assertEquals(mentionsById(oneIndex), mentionsById(twoIndex));
  }

  @Test
  void aPassOnThreeThreadsEqualsOneOnOne() throws IOException {
    Path both = Files.createDirectories(work.resolve("files"));
    for (String name : List.of("reut2-000.sgm", "reut2-001.sgm")) {
      Files.createSymbolicLink(
          both.resolve(name), TestIndexes.sharedOrSkip("reuters21578", "sgm/" + name));
    }

    Path oneIndex = work.resolve("one-thread");
    EntityPass.Result one = TestIndexes.indexAndResolve(oneIndex, false, 1, both);
    Path threeIndex = work.resolve("three-threads");
    EntityPass.Result three = TestIndexes.indexAndResolve(threeIndex, false, 3, both);

    assertTrue(one.full() && three.full());
    // the stories whose entities the archive changed are written again on the pool: hundreds
    assertTrue(one.rewritten() > 100, one.toString());
    assertEquals(one.rewritten(), three.rewritten());
    assertEquals(one.entities(), three.entities());
    assertEquals(
        EntityCatalog.readEntities(oneIndex).entities(),
        EntityCatalog.readEntities(threeIndex).entities());
    assertEquals(mentionsById(oneIndex), mentionsById(threeIndex));
    assertEquals(2000, TestIndexes.storedArticles(threeIndex).size());
  }
}
