package org.dateline.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.codecs.BlockTermState;
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.IOSupplier;

/**
 * Hands the term look-ups of a query rewritten on one reader to another reader over the same
 * segments. {@link BoundedRewrite} expands a wildcard or fuzzy term on a time-limited wrapper of
 * the searcher's reader, and each expanded word's {@link TermQuery} keeps where the walk found it
 * in every segment ({@link TermStates}); Lucene uses those only for the reader they were built for,
 * so every pass of the request on the real searcher (top hits, the count, each sideways count,
 * KWIC) would look every word up again in every segment. Re-registered for the real reader's
 * context, the same states serve every pass. The words, their per-segment states and their
 * statistics are the ones a fresh look-up finds (each state carries its segment's document and term
 * frequencies), so scores and the order of hits do not change. Stateless.
 */
final class SearcherTermStates {

  private SearcherTermStates() {}

  /**
   * {@code query} (rewritten on the reader whose top context is {@code from}) with every term
   * query's states registered for {@code to}, a reader of the same segments in the same order; a
   * term query whose states cannot be moved loses them (it is then looked up as it would have
   * been). Parts that hold no term query are returned as they are.
   */
  static Query moved(Query query, IndexReaderContext from, IndexReaderContext to)
      throws IOException {
    if (from == to || from.leaves().size() != to.leaves().size()) {
      return query;
    }
    return move(query, from, to);
  }

  private static Query move(Query q, IndexReaderContext from, IndexReaderContext to)
      throws IOException {
    if (q instanceof TermQuery t) {
      TermStates states = t.getTermStates();
      if (states == null || !states.wasBuiltFor(from)) {
        return q;
      }
      TermStates moved = movedStates(states, from, to);
      return moved == null ? new TermQuery(t.getTerm()) : new TermQuery(t.getTerm(), moved);
    }
    if (q instanceof BoostQuery b) {
      Query inner = move(b.getQuery(), from, to);
      return inner == b.getQuery() ? q : new BoostQuery(inner, b.getBoost());
    }
    if (q instanceof ConstantScoreQuery c) {
      Query inner = move(c.getQuery(), from, to);
      return inner == c.getQuery() ? q : new ConstantScoreQuery(inner);
    }
    if (q instanceof DisjunctionMaxQuery d) {
      List<Query> disjuncts = new ArrayList<>(d.getDisjuncts().size());
      boolean changed = false;
      for (Query disjunct : d.getDisjuncts()) {
        Query m = move(disjunct, from, to);
        changed |= m != disjunct;
        disjuncts.add(m);
      }
      return changed ? new DisjunctionMaxQuery(disjuncts, d.getTieBreakerMultiplier()) : q;
    }
    if (q instanceof BooleanQuery bq) {
      return moveClauses(bq, from, to);
    }
    return q;
  }

  private static Query moveClauses(BooleanQuery bq, IndexReaderContext from, IndexReaderContext to)
      throws IOException {
    BooleanQuery.Builder b =
        new BooleanQuery.Builder().setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
    boolean changed = false;
    for (BooleanClause c : bq.clauses()) {
      Query m = move(c.query(), from, to);
      changed |= m != c.query();
      b.add(m, c.occur());
    }
    return changed ? b.build() : bq;
  }

  /**
   * {@code states} registered leaf by leaf for {@code to}, each leaf's statistics from its own
   * state; null (look the term up again) when a state does not carry them.
   */
  private static TermStates movedStates(
      TermStates states, IndexReaderContext from, IndexReaderContext to) throws IOException {
    TermStates moved = new TermStates(to);
    List<LeafReaderContext> leaves = from.leaves();
    for (LeafReaderContext leaf : leaves) {
      IOSupplier<TermState> supplier = states.get(leaf);
      TermState state = supplier == null ? null : supplier.get();
      if (state == null) {
        continue;
      }
      if (!(state instanceof BlockTermState block)) {
        return null;
      }
      moved.register(state, leaf.ord, block.docFreq, block.totalTermFreq);
    }
    return moved;
  }
}
