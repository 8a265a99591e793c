package org.dateline.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SlowCodecReaderWrapper;
import org.apache.lucene.store.FSDirectory;
import org.dateline.TestIndexes;
import org.dateline.enrich.Article;
import org.dateline.search.SearchRequest;
import org.dateline.search.SearchService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stored values written through {@link DatelineCodec} (schema 11) read back exactly, and an index
 * of schema 10 (Lucene's own codec) is kept by an upgrade: read as it is, new articles written with
 * the new codec beside the old segments, a search over both, and a merge rewriting all.
 */
class OlderCodecTest {

  @TempDir Path work;

  /** The codec names of the last commit's segments. */
  private static Set<String> codecs(Path index) throws IOException {
    Set<String> names = new TreeSet<>();
    try (FSDirectory dir = FSDirectory.open(index)) {
      for (SegmentCommitInfo si : SegmentInfos.readLatestCommit(dir)) {
        names.add(si.info.getCodec().getName());
      }
    }
    return names;
  }

  /** Writes {@code from} again into {@code to}, one segment of Lucene's codec, stamped 10. */
  private static void asSchema10(Path from, Path to) throws IOException {
    try (FSDirectory in = FSDirectory.open(from);
        DirectoryReader reader = DirectoryReader.open(in);
        FSDirectory out = FSDirectory.open(to);
        IndexWriter w =
            new IndexWriter(
                out,
                new IndexWriterConfig()
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                    .setCodec(new Lucene104Codec()))) {
      List<CodecReader> parts = new ArrayList<>();
      for (LeafReaderContext leaf : reader.leaves()) {
        parts.add(SlowCodecReaderWrapper.wrap(leaf.reader()));
      }
      w.addIndexes(parts.toArray(CodecReader[]::new));
      w.forceMerge(1);
      w.setLiveCommitData(reader.getIndexCommit().getUserData().entrySet());
      SchemaStamps.stamp(w, "10");
    }
  }

  @Test
  void aSchema10IndexIsKeptAndItsSegmentsAreRewrittenByTheNewCodecOnlyWhenMerged()
      throws IOException {
    Path src = work.resolve("src");
    TestIndexes.copySeeds(src, 0, 4);
    Path fresh = work.resolve("fresh");
    assertEquals(4, TestIndexes.index(fresh, false, src).filesIndexed());
    assertEquals(Set.of(DatelineCodec.NAME), codecs(fresh), "new indexes: Dateline's codec");
    Map<String, Article> written = TestIndexes.storedArticlesById(fresh);
    assertEquals(4, written.size());

    Path index = work.resolve("index");
    asSchema10(fresh, index);
    assertEquals(Set.of("Lucene104"), codecs(index));
    assertEquals(
        written, TestIndexes.storedArticlesById(index), "the same articles under Lucene's codec");

    TestIndexes.copySeeds(src, 4, 1);
    assertEquals(1, TestIndexes.index(index, false, src).filesIndexed(), "the index was kept");
    assertEquals(Set.of("Lucene104", DatelineCodec.NAME), codecs(index));
    Map<String, Article> both = TestIndexes.storedArticlesById(index);
    assertEquals(5, both.size());
    assertTrue(both.entrySet().containsAll(written.entrySet()));
    try (SearchService s = SearchService.readOnly(index)) {
      assertEquals(5, s.search(SearchRequest.of("")).hits().size());
    }

    try (ArticleIndex open = ArticleIndex.open(index)) {
      open.writer().forceMerge(1);
      open.commit(Map.of());
    }
    assertEquals(Set.of(DatelineCodec.NAME), codecs(index), "a merge rewrites with the new codec");
    assertEquals(both, TestIndexes.storedArticlesById(index));
  }
}
