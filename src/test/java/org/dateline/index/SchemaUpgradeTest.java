package org.dateline.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.dateline.TestIndexes;
import org.dateline.pipeline.IndexRun;
import org.dateline.pipeline.IngestProgress;
import org.dateline.search.SearchRequest;
import org.dateline.search.SearchService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an upgrade does to an index an older Dateline wrote: kept where readable, else refused as it
 * is until {@code index --rebuild} asks for it to be read again from its folders.
 */
class SchemaUpgradeTest {

  @TempDir Path work;

  private static long articles(Path index) throws IOException {
    try (SearchService s = SearchService.readOnly(index)) {
      return s.search(SearchRequest.of("")).total();
    }
  }

  private static long indexSeeds(Path index, boolean rebuild) throws IOException {
    return IndexRun.run(
            TestIndexes.config(index),
            List.of(TestIndexes.SEEDS),
            false,
            IngestProgress.NONE,
            false,
            rebuild)
        .report()
        .filesIndexed();
  }

  @Test
  void anIndexThisVersionReadsIsKeptAndAnyOtherIsRefusedUntouchedUntilARebuildIsAskedFor()
      throws IOException {
    Path index = work.resolve("index");
    assertEquals(5, indexSeeds(index, false));
    SchemaStamps.stamp(index, "7");
    assertEquals(0, indexSeeds(index, false), "schema 7 kept");
    assertEquals(5, articles(index));
    SchemaStamps.stamp(index, "8");
    assertEquals(0, indexSeeds(index, false), "schema 8 kept");
    SchemaStamps.stamp(index, "9");
    assertEquals(0, indexSeeds(index, false), "schema 9 kept");
    SchemaStamps.stamp(index, "10");
    assertEquals(0, indexSeeds(index, false), "schema 10 kept");
    SchemaStamps.stamp(index, "11");
    assertEquals(0, indexSeeds(index, false), "schema 11 kept");
    SchemaStamps.stamp(index, "6");
    IndexLayoutException refused =
        assertThrows(IndexLayoutException.class, () -> indexSeeds(index, false));
    assertEquals("6", refused.layout());
    assertEquals(
        List.of(TestIndexes.SEEDS.toAbsolutePath().normalize().toString()), refused.roots());
    assertTrue(
        refused.getMessage().contains("layout 6; this version writes layout"),
        refused.getMessage());
    assertTrue(refused.getMessage().contains("Nothing was changed"), refused.getMessage());
    assertEquals(5, articles(index), "the refused index keeps its articles");
    assertThrows(IndexLayoutException.class, () -> ArticleIndex.open(index).close());
    assertEquals(5, indexSeeds(index, true), "schema 6 rebuilt when asked");
    assertEquals(5, articles(index));
    assertEquals(0, indexSeeds(index, false), "and then kept");
  }
}
