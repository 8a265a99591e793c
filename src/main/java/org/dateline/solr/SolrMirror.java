package org.dateline.solr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.solr.common.SolrInputDocument;
import org.dateline.index.Schema;

/**
 * Pushes the articles of Dateline's own index to a Solr collection. Dateline's workers keep their
 * index (it holds what they need to skip unchanged files, find a story's earlier copies and resolve
 * entities); Solr receives each article as they left it, in batches, and makes them searchable at
 * its next soft commit. Adds overwrite by id, so pushing again is harmless. Not thread-safe: one
 * push at a time.
 */
public final class SolrMirror {

  /** Articles per update request. */
  static final int BATCH = 500;

  private final SolrNodes nodes;
  private final String collection;

  public SolrMirror(SolrNodes nodes, String collection) {
    this.nodes = nodes;
    this.collection = collection;
  }

  /** Pushes every article of the last commit of the index in {@code indexDir}; returns how many. */
  public long pushAll(Path indexDir) throws IOException {
    try (Directory dir = FSDirectory.open(indexDir);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      return push(reader);
    }
  }

  /** Pushes every live article {@code reader} sees; returns how many. */
  public long push(DirectoryReader reader) throws IOException {
    List<SolrInputDocument> batch = new ArrayList<>(BATCH);
    long pushed = 0;
    for (LeafReaderContext leaf : reader.leaves()) {
      Bits live = leaf.reader().getLiveDocs();
      StoredFields stored = leaf.reader().storedFields();
      for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        Document d = stored.document(doc);
        batch.add(SolrDocuments.of(Schema.toArticle(d), Schema.storyOf(d)));
        if (batch.size() == BATCH) {
          pushed += send(batch);
        }
      }
    }
    pushed += send(batch);
    return pushed;
  }

  /** Sends {@code docs} (and empties the list); returns how many were sent. */
  private int send(List<SolrInputDocument> docs) throws IOException {
    if (docs.isEmpty()) {
      return 0;
    }
    List<SolrInputDocument> copy = List.copyOf(docs);
    nodes.ask(node -> node.add(collection, copy));
    docs.clear();
    return copy.size();
  }

  /** Makes everything pushed so far searchable now (a soft commit on every shard). */
  public void commit() throws IOException {
    nodes.ask(node -> node.commit(collection, true, true, true));
  }
}
