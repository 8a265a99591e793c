package org.dateline.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.dateline.TestIndexes;
import org.dateline.search.SearchRequest;
import org.dateline.search.SearchService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an upgrade does to an index an older Dateline wrote: kept where readable, else rebuilt. */
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

  @Test
  void anIndexThisVersionReadsIsKeptAndAnyOtherIsReadAgainFromItsSources() throws IOException {
    Path index = work.resolve("index");
    assertEquals(5, TestIndexes.index(index, false, TestIndexes.SEEDS).filesIndexed());
    stamp(index, "7");
    assertEquals(
        0, TestIndexes.index(index, false, TestIndexes.SEEDS).filesIndexed(), "schema 7 kept");
    assertEquals(5, articles(index));
    stamp(index, "8");
    assertEquals(
        0, TestIndexes.index(index, false, TestIndexes.SEEDS).filesIndexed(), "schema 8 kept");
    stamp(index, "6");
    assertEquals(
        5, TestIndexes.index(index, false, TestIndexes.SEEDS).filesIndexed(), "schema 6 rebuilt");
    assertEquals(5, articles(index));
  }
}
