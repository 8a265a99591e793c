package org.dateline.alert;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultiMatchingQueries;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.search.Query;
import org.dateline.index.Schema;

/**
 * Reverse search with Lucene's monitor: every alert's query is registered once, and each new
 * article (a Lucene document as the index writes it) is matched against them all. A presearcher
 * indexes the queries by their terms, so an article is run only against the queries that could
 * match it: two passes of term filtering, which kept 10k queries at about 800 articles a second on
 * one thread where one pass was slower (issue 17). Thread-safe, as {@link Monitor} is.
 */
public final class AlertMatcher implements Closeable {

  /** Term-filtering passes of the presearcher. */
  static final int PASSES = 2;

  /** Articles matched together in one in-memory index (a Reuters file holds a thousand). */
  private static final int BATCH = 64;

  private final Monitor monitor;

  public AlertMatcher() throws IOException {
    this.monitor =
        new Monitor(Schema.indexAnalyzer(), new MultipassTermFilteredPresearcher(PASSES));
  }

  /** Registers (or replaces) the queries of alerts, by alert id. */
  public void register(List<MonitorQuery> queries) throws IOException {
    if (!queries.isEmpty()) {
      monitor.register(queries);
    }
  }

  /** Registers (or replaces) the query of alert {@code id}. */
  void register(String id, Query query) throws IOException {
    register(List.of(new MonitorQuery(id, query)));
  }

  void remove(String id) throws IOException {
    monitor.deleteById(id);
  }

  /** How many alerts are registered. */
  int size() throws IOException {
    return monitor.getQueryCount();
  }

  /**
   * The ids of the alerts each document matches, one set per document, in order. The documents lose
   * their story hash terms (binary, never searched by a query, and the presearcher reads every term
   * as text).
   */
  public List<Set<String>> match(List<Document> docs) throws IOException {
    for (Document doc : docs) {
      doc.removeFields(Schema.MINHASH);
      doc.removeFields(Schema.TEXT_HASH);
    }
    List<Set<String>> out = new ArrayList<>(docs.size());
    for (int start = 0; start < docs.size(); start += BATCH) {
      List<Document> part = docs.subList(start, Math.min(docs.size(), start + BATCH));
      if (part.size() == 1) {
        MatchingQueries<QueryMatch> m = monitor.match(part.get(0), QueryMatch.SIMPLE_MATCHER);
        out.add(ids(m.getMatches()));
        continue;
      }
      MultiMatchingQueries<QueryMatch> m =
          monitor.match(part.toArray(Document[]::new), QueryMatch.SIMPLE_MATCHER);
      for (int i = 0; i < part.size(); i++) {
        out.add(ids(m.getMatches(i)));
      }
    }
    return out;
  }

  private static Set<String> ids(Collection<QueryMatch> matches) {
    Set<String> ids = new TreeSet<>();
    for (QueryMatch m : matches) {
      ids.add(m.getQueryId());
    }
    return ids;
  }

  @Override
  public void close() throws IOException {
    monitor.close();
  }
}
