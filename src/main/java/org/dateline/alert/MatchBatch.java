package org.dateline.alert;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The new articles of one match call as one small index (one leaf, at most {@link
 * MatchRun#MAX_DOCS} articles), built as lucene-monitor builds its batches: one article in a {@link
 * MemoryIndex}, more in an in-memory directory merged to one segment. No query cache: a batch is
 * never searched again. Not thread-safe: one per call.
 */
final class MatchBatch implements Closeable {

  private final LeafReader reader;
  private final IndexSearcher searcher;
  private final Closeable resources;

  private MatchBatch(LeafReader reader, IndexSearcher searcher, Closeable resources) {
    this.reader = reader;
    this.searcher = searcher;
    this.resources = resources;
    searcher.setQueryCache(null);
  }

  /** The batch of {@code docs} (1 to {@link MatchRun#MAX_DOCS}), analysed by {@code analyzer}. */
  static MatchBatch of(Analyzer analyzer, List<Document> docs) throws IOException {
    if (docs.isEmpty() || docs.size() > MatchRun.MAX_DOCS) {
      throw new IllegalArgumentException("a batch holds 1 to 64 articles, got " + docs.size());
    }
    if (docs.size() == 1) {
      // neither offsets nor payloads: no alert's query reads them (lucene-monitor keeps both, for
      // highlighting); each would be written for every token of the article
      MemoryIndex memory = new MemoryIndex(false, false);
      for (IndexableField f : docs.get(0)) {
        memory.addField(f, analyzer);
      }
      memory.freeze();
      IndexSearcher searcher = memory.createSearcher();
      LeafReader reader = (LeafReader) searcher.getIndexReader();
      return new MatchBatch(reader, searcher, reader);
    }
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    try {
      try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
        writer.addDocuments(docs);
        writer.commit();
        writer.forceMerge(1);
      }
      DirectoryReader reader = DirectoryReader.open(dir);
      LeafReader leaf = reader.leaves().get(0).reader();
      return new MatchBatch(
          leaf,
          new IndexSearcher(leaf),
          () -> {
            try (dir) {
              reader.close();
            }
          });
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
  }

  /** The batch's one leaf. */
  LeafReader reader() {
    return reader;
  }

  /** A searcher over the batch (no query cache). */
  IndexSearcher searcher() {
    return searcher;
  }

  @Override
  public void close() throws IOException {
    resources.close();
  }
}
