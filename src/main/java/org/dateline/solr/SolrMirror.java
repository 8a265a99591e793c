package org.dateline.solr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.dateline.enrich.Article;
import org.dateline.index.ArticleJson;
import org.dateline.index.Schema;

/**
 * Pushes the articles of Dateline's own index to a Solr collection. Dateline's workers keep their
 * index (it holds what they need to skip unchanged files, find a story's earlier copies and resolve
 * entities); Solr receives each article as they left it, in batches, and makes them searchable at
 * its next soft commit. Adds overwrite by id, so pushing again is harmless; {@link #sync} sends
 * only what changed and deletes what the index no longer holds. Not thread-safe: one push at a
 * time.
 */
public final class SolrMirror {

  /**
   * Articles per update request: each carries its tokens (pre-analysed), so a batch is a few MB;
   * small enough that a loaded node answers well inside {@link SolrNodes#REQUEST_TIMEOUT_MS}.
   */
  static final int BATCH = 200;

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

  /** What a {@link #sync} did: articles sent, deleted from the collection, already there. */
  public record Sync(long pushed, long deleted, long unchanged) {}

  /** Ids per page when the collection's ids and hashes are read. */
  static final int LIST_PAGE = 10_000;

  /**
   * Makes the collection hold exactly the live articles of the last commit of the index in {@code
   * indexDir}: sends those it lacks or holds in another form (new, re-indexed, rewritten by the
   * entity pass, moved to another story), deletes those the index no longer has (pruned, removed
   * from a changed file), and leaves the rest alone; then makes it searchable. The collection's ids
   * and hashes are read first (ids only: 8 bytes of hash and the id per article in memory).
   */
  public Sync sync(Path indexDir) throws IOException {
    Map<String, Long> remote = remoteHashes();
    List<SolrInputDocument> batch = new ArrayList<>(BATCH);
    long pushed = 0;
    long unchanged = 0;
    try (Directory dir = FSDirectory.open(indexDir);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        Bits live = leaf.reader().getLiveDocs();
        StoredFields stored = leaf.reader().storedFields();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if (live != null && !live.get(doc)) {
            continue;
          }
          Document d = stored.document(doc);
          Article a = Schema.toArticle(d);
          long story = Schema.storyOf(d);
          Long held = remote.remove(a.id());
          if (held != null
              && held == SolrDocuments.hash(ArticleJson.metadata(a), a.text(), story)) {
            unchanged++;
            continue;
          }
          batch.add(SolrDocuments.of(a, story));
          if (batch.size() == BATCH) {
            pushed += send(batch);
          }
        }
      }
    }
    pushed += send(batch);
    long deleted = delete(List.copyOf(remote.keySet()));
    commit();
    return new Sync(pushed, deleted, unchanged);
  }

  /** Every article id in the collection with the hash it was sent with (0 when it has none). */
  Map<String, Long> remoteHashes() throws IOException {
    Map<String, Long> out = new HashMap<>();
    ModifiableSolrParams p = new ModifiableSolrParams();
    p.set("q", "*:*");
    p.set("fl", Schema.ID + "," + SolrFields.HASH);
    p.set("sort", Schema.ID + " asc");
    p.set("rows", LIST_PAGE);
    String mark = CursorMarkParams.CURSOR_MARK_START;
    while (true) {
      p.set(CursorMarkParams.CURSOR_MARK_PARAM, mark);
      QueryResponse rsp = nodes.ask(node -> node.query(collection, p, SolrRequest.METHOD.POST));
      for (SolrDocument doc : rsp.getResults()) {
        Object hash = doc.getFieldValue(SolrFields.HASH);
        out.put((String) doc.getFieldValue(Schema.ID), hash == null ? 0L : (Long) hash);
      }
      String next = rsp.getNextCursorMark();
      if (next == null || next.equals(mark) || rsp.getResults().isEmpty()) {
        return out;
      }
      mark = next;
    }
  }

  /** Deletes the articles {@code ids} from the collection, in batches; returns how many. */
  public long delete(List<String> ids) throws IOException {
    for (int from = 0; from < ids.size(); from += BATCH) {
      List<String> part = ids.subList(from, Math.min(ids.size(), from + BATCH));
      nodes.ask(node -> node.deleteById(collection, part));
    }
    return ids.size();
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
