package org.dateline.search;

import java.io.IOException;
import java.util.function.Supplier;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.ExitableDirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * Rewrites a query (wildcards, regexps, fuzzy terms and ranges walk the term dictionary to find
 * their words) under the request's time limit: the walk runs on the searcher's reader wrapped by
 * Lucene's {@link ExitableDirectoryReader}, which looks at the clock as it visits terms, so a query
 * of thousands of leading wildcards stops at the limit instead of running on after its client has
 * gone. Stateless.
 */
final class BoundedRewrite {

  private BoundedRewrite() {}

  /** {@code query} rewritten on {@code searcher}'s index, within {@code deadline}. */
  static Query rewrite(IndexSearcher searcher, Query query, Deadline deadline) throws IOException {
    try {
      Query pruned = StemLanguages.prune(query, searcher.getIndexReader());
      if (!walksTerms(pruned)) {
        // nothing to walk: the wrapper (a reader and a searcher per request) would change nothing
        return searcher.rewrite(pruned);
      }
      IndexSearcher bounded = exitable(searcher, deadline);
      // the walk's term look-ups, kept for every pass on the real searcher
      return SearcherTermStates.moved(
          bounded.rewrite(pruned), bounded.getTopReaderContext(), searcher.getTopReaderContext());
    } catch (ExitableDirectoryReader.ExitingReaderException e) {
      deadline.check(); // throws the time-limit message the search path gives
      throw new LimitExceededException("the query was stopped: " + e.getMessage());
    } catch (FuzzyTermsEnum.FuzzyTermsException | TooComplexToDeterminizeException e) {
      throw new LimitExceededException(
          "a fuzzy or wildcard term in the query is too complex to run: shorten it or lower its ~N",
          "max_automaton_states",
          "--max-automaton-states");
    }
  }

  /**
   * Whether rewriting {@code query} walks a term dictionary: it holds a wildcard, prefix, regexp,
   * fuzzy term, term range or set of terms (a {@link MultiTermQuery}, or any query that matches
   * terms by an automaton). Terms, phrases and point ranges rewrite without reading the index.
   */
  static boolean walksTerms(Query query) {
    boolean[] walks = {false};
    query.visit(
        new QueryVisitor() {
          @Override
          public void consumeTermsMatching(
              Query q, String field, Supplier<ByteRunAutomaton> automaton) {
            walks[0] = true;
          }

          @Override
          public void visitLeaf(Query q) {
            walks[0] |= q instanceof MultiTermQuery;
          }

          @Override
          public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            walks[0] |= parent instanceof MultiTermQuery;
            return this;
          }
        });
    return walks[0];
  }

  /** A searcher over the same segments whose term walks give up past {@code deadline}. */
  private static IndexSearcher exitable(IndexSearcher searcher, Deadline deadline)
      throws IOException {
    IndexReader reader = searcher.getIndexReader();
    if (!(reader instanceof DirectoryReader dir)) {
      return searcher;
    }
    IndexSearcher bounded =
        new IndexSearcher(ExitableDirectoryReader.wrap(dir, deadline.queryTimeout()));
    bounded.setSimilarity(searcher.getSimilarity());
    bounded.setQueryCache(null);
    return bounded;
  }
}
