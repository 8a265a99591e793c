package org.dateline.alert;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.monitor.CandidateMatcher;
import org.apache.lucene.monitor.MatcherFactory;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * Runs each candidate query the monitor's presearcher selects on the in-memory index of the new
 * articles, and records which articles it matches. A batch that fits one {@link MatchRun} (the
 * matcher's batches do) is matched in each alert's {@link MatchForm}: lookups and bit logic, no
 * weights. Any other batch runs the query as a weight without scores and walks its iterator. Either
 * way no scores, no collector and no query cache: an alert only asks "does it match", and the
 * scoring search the monitor's stock matcher runs was most of the time spent per article (issue
 * 17's profile). Not thread-safe: one per match run, as the monitor uses it.
 */
final class FirstMatch extends CandidateMatcher<QueryMatch> {

  private final MatchForms forms;
  private final MatchRun run;

  /** Makes one for each match run, with the alerts' forms kept in {@code forms}. */
  static MatcherFactory<QueryMatch> factory(MatchForms forms) {
    return searcher -> {
      searcher.setQueryCache(null); // a cache over one batch of new articles is never hit again
      return new FirstMatch(searcher, forms);
    };
  }

  private FirstMatch(IndexSearcher searcher, MatchForms forms) {
    super(searcher);
    this.forms = forms;
    try {
      this.run = MatchRun.fits(searcher) ? new MatchRun(searcher) : null;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public void matchQuery(String queryId, Query query, Map<String, String> metadata)
      throws IOException {
    if (run != null) {
      long docs = run.docs(forms.of(queryId, query));
      for (; docs != 0; docs &= docs - 1) {
        addMatch(new QueryMatch(queryId), Long.numberOfTrailingZeros(docs));
      }
      return;
    }
    Weight weight =
        searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Scorer scorer = weight.scorer(leaf);
      if (scorer == null) {
        continue;
      }
      TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
      DocIdSetIterator docs =
          twoPhase == null ? scorer.iterator() : TwoPhaseIterator.asDocIdSetIterator(twoPhase);
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        addMatch(new QueryMatch(queryId), leaf.docBase + doc);
      }
    }
  }

  @Override
  public QueryMatch resolve(QueryMatch match1, QueryMatch match2) {
    return match1; // the same alert matched twice: once is all an alert needs
  }
}
