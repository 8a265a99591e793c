package org.dateline.alert;

import java.io.IOException;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.dateline.config.Limits;
import org.dateline.search.StandingQuery;

/**
 * An alert's query not parsed yet: at a restart of the same code (see {@link ParsedBy}) the query
 * index on disk already holds what the parse would give, so the search is parsed only when the
 * alert is first a candidate for an article, not at start. Parsed once; thread-safe.
 */
final class DeferredQuery extends Query {

  private final AlertSpec spec;
  private final Limits limits;
  private volatile Query parsed;

  DeferredQuery(AlertSpec spec, Limits limits) {
    this.spec = spec;
    this.limits = limits;
  }

  /** The query (parsed now if not yet); a search refused is a {@code BadRequestException}. */
  Query parsed() {
    Query q = parsed;
    if (q == null) {
      q = StandingQuery.of(spec.request(), limits);
      parsed = q;
    }
    return q;
  }

  /** {@code query}, parsed if it is deferred. */
  static Query resolve(Query query) {
    return query instanceof DeferredQuery d ? d.parsed() : query;
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    return parsed();
  }

  @Override
  public void visit(QueryVisitor visitor) {
    parsed().visit(visitor);
  }

  @Override
  public String toString(String field) {
    return parsed().toString(field);
  }

  @Override
  public boolean equals(Object other) {
    return this == other; // one per alert and load; two loads are two queries
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
