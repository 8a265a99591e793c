package org.dateline.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.store.FSDirectory;
import org.dateline.TestIndexes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The entity pass reads stored articles on a thread of their own, a few batches ahead of the work
 * on them: the work must still see every live article once, in index order, in batches it may keep,
 * and a failure on either side must end the pass without leaving the reading thread behind. On one
 * Reuters-21578 file (1,000 stories through the SGML reader, no recogniser).
 */
class EntityPassReadAheadTest {

  @TempDir Path work;

  private Path reutersIndex() throws IOException {
    Path files = Files.createDirectories(work.resolve("files"));
    Files.createSymbolicLink(
        files.resolve("reut2-000.sgm"),
        TestIndexes.sharedOrSkip("reuters21578", "sgm/reut2-000.sgm"));
    Path index = work.resolve("index");
    TestIndexes.index(index, false, files);
    return index;
  }

  @Test
  void batchesHoldEveryArticleOnceInIndexOrderAndStayIntact() throws IOException {
    Path index = reutersIndex();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      List<String> direct = new ArrayList<>();
      EntityPass.forEachStored(
          searcher, new MatchAllDocsQuery(), s -> direct.add(s.article().id()));
      assertEquals(1000, direct.size());

      List<List<EntityPass.Stored>> kept = new ArrayList<>();
      EntityPass.forEachBatch(searcher, new MatchAllDocsQuery(), kept::add);
      // the batches are read and handed over, never refilled: each one kept is as it came
      assertEquals(List.of(EntityPass.BATCH, 1000 - EntityPass.BATCH), sizes(kept));
      List<String> batched = new ArrayList<>();
      kept.forEach(b -> b.forEach(s -> batched.add(s.article().id())));
      assertEquals(direct, batched);
    }
    assertFalse(readerThreadAlive());
  }

  @Test
  void aFailedBatchStopsTheReadingThread() throws IOException {
    Path index = reutersIndex();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      IOException failure = new IOException("disk full");
      IOException thrown =
          assertThrows(
              IOException.class,
              () ->
                  EntityPass.forEachBatch(
                      new IndexSearcher(reader),
                      new MatchAllDocsQuery(),
                      batch -> {
                        throw failure;
                      }));
      assertSame(failure, thrown);
    }
    assertFalse(readerThreadAlive());
  }

  private static List<Integer> sizes(List<List<EntityPass.Stored>> batches) {
    return batches.stream().map(List::size).toList();
  }

  private static boolean readerThreadAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals("dateline-entity-pass-reader") && t.isAlive());
  }
}
