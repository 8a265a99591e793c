package org.dateline.solr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.solr.common.SolrInputDocument;
import org.dateline.index.Schema;
import org.dateline.pipeline.LiveIndex;

/**
 * Follows a live index ({@code serve --watch --backend solr}): after each batch the watcher wrote,
 * reads that batch's articles from the writer (near real time, before any commit) and pushes them
 * to the collection, where the next soft commit (every second) makes them searchable. Called by the
 * watcher's one thread at a time.
 */
public final class SolrFollower implements LiveIndex.BatchListener {

  /** More articles than any one source file holds. */
  private static final int MAX_PER_FILE = 100_000;

  private final IndexWriter writer;
  private final SolrNodes nodes;
  private final String collection;

  public SolrFollower(IndexWriter writer, SolrNodes nodes, String collection) {
    this.writer = writer;
    this.nodes = nodes;
    this.collection = collection;
  }

  @Override
  public void indexed(List<Path> files) throws IOException {
    List<SolrInputDocument> docs = new ArrayList<>();
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      for (Path file : files) {
        String path = file.toAbsolutePath().normalize().toString();
        TopDocs top = searcher.search(new TermQuery(new Term(Schema.PATH, path)), MAX_PER_FILE);
        for (ScoreDoc sd : top.scoreDocs) {
          Document d = searcher.storedFields().document(sd.doc);
          docs.add(SolrDocuments.of(Schema.toArticle(d), Schema.storyOf(d)));
        }
      }
    }
    if (docs.isEmpty()) {
      return;
    }
    // No commit of our own: the configset soft-commits every second, and the watcher goes on to
    // the next batch instead of waiting for four replicas to open a searcher.
    nodes.ask(node -> node.add(collection, docs));
  }
}
