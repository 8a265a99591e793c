package org.dateline.bench;

import java.io.Closeable;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.dateline.index.Schema;

/**
 * A small in-memory index of texts through one analysis chain, for {@link SegmentationBench}: the
 * body indexed as Dateline indexes it (positions and offsets), a word searched as the phrase the
 * query chain makes of it. Not thread-safe.
 */
final class SegmentationIndex implements Closeable {

  private static final FieldType BODY = new FieldType();

  static {
    BODY.setTokenized(true);
    BODY.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    BODY.freeze();
  }

  private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
  private final DirectoryReader reader;
  private final QueryBuilder queries;

  SegmentationIndex(Analyzer indexChain, Analyzer queryChain, List<SegmentedText> texts)
      throws IOException {
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(indexChain))) {
      for (SegmentedText t : texts) {
        Document doc = new Document();
        doc.add(new StoredField(Schema.ID, t.id()));
        doc.add(new Field(Schema.BODY, t.text(), BODY));
        writer.addDocument(doc);
      }
      writer.forceMerge(1);
    }
    reader = DirectoryReader.open(directory);
    queries = new QueryBuilder(queryChain);
  }

  /** Ids of the texts the word's phrase matches (none when the chain leaves no term of it). */
  Set<String> find(String word) throws IOException {
    Query q = queries.createPhraseQuery(Schema.BODY, word);
    Set<String> ids = new HashSet<>();
    if (q == null) {
      return ids;
    }
    IndexSearcher searcher = new IndexSearcher(reader);
    for (ScoreDoc sd : searcher.search(q, Math.max(1, reader.maxDoc())).scoreDocs) {
      ids.add(searcher.storedFields().document(sd.doc).get(Schema.ID));
    }
    return ids;
  }

  /** Bytes of the index's files (one merged segment). */
  long bytes() throws IOException {
    long total = 0;
    for (String file : directory.listAll()) {
      total += directory.fileLength(file);
    }
    return total;
  }

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
  }
}
