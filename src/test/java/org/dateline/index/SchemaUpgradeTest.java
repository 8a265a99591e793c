package org.dateline.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
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

  /** Rewrites the schema version the index's last commit names, keeping its other user data. */
  private static void stamp(Path index, String version) throws IOException {
    try (FSDirectory dir = FSDirectory.open(index);
        IndexWriter w =
            new IndexWriter(
                dir, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
      Map<String, String> data = new HashMap<>();
      w.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
      data.put(ArticleIndex.SCHEMA_KEY, version);
      w.setLiveCommitData(data.entrySet());
      w.commit();
    }
  }

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
    stamp(index, "7");
    assertEquals(0, indexSeeds(index, false), "schema 7 kept");
    assertEquals(5, articles(index));
    stamp(index, "8");
    assertEquals(0, indexSeeds(index, false), "schema 8 kept");
    stamp(index, "9");
    assertEquals(0, indexSeeds(index, false), "schema 9 kept");
    stamp(index, "6");
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
