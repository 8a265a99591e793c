package org.dateline.solr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.dateline.index.Schema;
import org.dateline.pipeline.LiveIndex;

/**
 * Follows a live index ({@code serve --watch --backend solr}): after each batch the watcher wrote,
 * reads that batch's articles from the writer (near real time, before any commit, through a reader
 * reopened incrementally) and pushes them to the collection with a {@code commitWithin} of {@link
 * #COMMIT_WITHIN_MS}: Solr soft-commits that soon after the first push it has not yet made
 * searchable, so a dropped file does not wait for the configset's once-a-second soft commit, and
 * the pushes of one window share one commit. Called by the watcher's one thread at a time.
 */
public final class SolrFollower implements LiveIndex.BatchListener {

  /**
   * How soon Solr makes a push searchable (a soft commit on every replica). A quarter of a second:
   * at most four new searchers a second however fast files arrive, and well inside the 1.5 s a
   * dropped file may take to be found.
   */
  static final int COMMIT_WITHIN_MS = 250;

  /** More articles than any one source file holds. */
  private static final int MAX_PER_FILE = 100_000;

  private final IndexWriter writer;
  private final SolrNodes nodes;
  private final String collection;

  /** The writer's articles as of the last batch; reopened with only what changed. */
  private DirectoryReader reader;

  public SolrFollower(IndexWriter writer, SolrNodes nodes, String collection) {
    this.writer = writer;
    this.nodes = nodes;
    this.collection = collection;
  }

  @Override
  public void indexed(List<Path> files) throws IOException {
    List<SolrInputDocument> docs = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    List<String> paths = new ArrayList<>();
    reopen();
    IndexSearcher searcher = new IndexSearcher(reader);
    for (Path file : files) {
      String path = file.toAbsolutePath().normalize().toString();
      paths.add(path);
      TopDocs top = searcher.search(new TermQuery(new Term(Schema.PATH, path)), MAX_PER_FILE);
      for (ScoreDoc sd : top.scoreDocs) {
        Document d = searcher.storedFields().document(sd.doc);
        docs.add(SolrDocuments.of(Schema.toArticle(d), Schema.storyOf(d)));
        ids.add(d.get(Schema.ID));
      }
    }
    // No commit of our own to wait for: the watcher goes on to the next batch while Solr commits.
    if (!docs.isEmpty()) {
      nodes.ask(node -> node.add(collection, docs, COMMIT_WITHIN_MS));
    }
    dropStale(paths, ids);
  }

  /**
   * Deletes the collection's articles of {@code paths} that the index no longer holds (a changed
   * file that lost articles, a file that holds none any more). After the add, so a changed file's
   * articles never disappear meanwhile.
   */
  private void dropStale(List<String> paths, Set<String> ids) throws IOException {
    ModifiableSolrParams p = new ModifiableSolrParams();
    p.set("q", SolrQueries.terms(Schema.PATH, paths));
    p.set("fl", Schema.ID);
    p.set("rows", MAX_PER_FILE);
    QueryResponse rsp = nodes.ask(node -> node.query(collection, p, SolrRequest.METHOD.POST));
    List<String> stale = new ArrayList<>();
    for (SolrDocument doc : rsp.getResults()) {
      String id = (String) doc.getFieldValue(Schema.ID);
      if (!ids.contains(id)) {
        stale.add(id);
      }
    }
    if (!stale.isEmpty()) {
      nodes.ask(node -> node.deleteById(collection, stale, COMMIT_WITHIN_MS));
    }
  }

  private void reopen() throws IOException {
    if (reader == null) {
      reader = DirectoryReader.open(writer);
      return;
    }
    DirectoryReader changed = DirectoryReader.openIfChanged(reader, writer);
    if (changed != null) {
      reader.close();
      reader = changed;
    }
  }
}
