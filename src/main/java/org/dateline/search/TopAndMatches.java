package org.dateline.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;

/**
 * The top-hits pass that also keeps every match it is shown, so that a request whose matches it saw
 * all of needs no second pass to count them. The top-hits collector counts every match exactly
 * until {@code totalHitsThreshold} and only then lets the scorer skip what cannot compete: a query
 * with fewer matches (most rare words, phrases and proximity queries) was visited whole, scored and
 * all, and its matches are the ones the counting pass would find again. When the threshold was
 * reached (the total is then a lower bound) the kept matches are incomplete and are dropped: the
 * caller counts in a pass of its own, as before. Skipping stays allowed either way, so a frequent
 * word's top hits cost what they did. One instance per search.
 */
final class TopAndMatches implements CollectorManager<TopAndMatches.Both, TopAndMatches.Result> {

  /** The top hits, and every match when the pass saw them all (else null). */
  record Result(TopFieldDocs top, FacetsCollector matching) {}

  private final TopFieldCollectorManager top;
  private final FacetsCollectorManager matches = new FacetsCollectorManager();

  TopAndMatches(TopFieldCollectorManager top) {
    this.top = top;
  }

  @Override
  public Both newCollector() throws IOException {
    return new Both(top.newCollector(), matches.newCollector());
  }

  @Override
  public Result reduce(Collection<Both> collectors) throws IOException {
    List<TopFieldCollector> tops = new ArrayList<>(collectors.size());
    List<FacetsCollector> seen = new ArrayList<>(collectors.size());
    boolean whole = true;
    for (Both b : collectors) {
      tops.add(b.top);
      seen.add(b.matches);
      whole &= !b.cutShort;
    }
    TopFieldDocs docs = top.reduce(tops);
    if (!whole || docs.totalHits.relation() != TotalHits.Relation.EQUAL_TO) {
      return new Result(docs, null);
    }
    FacetsCollector matching = matches.reduce(seen);
    long kept = 0;
    for (FacetsCollector.MatchingDocs md : matching.getMatchingDocs()) {
      kept += md.totalHits();
    }
    return new Result(docs, kept == docs.totalHits.value() ? matching : null);
  }

  /** One slice's top-hits collector and the matches it was shown. */
  static final class Both implements Collector {
    final TopFieldCollector top;
    final FacetsCollector matches;

    /** Set when the top-hits collector ended a segment early: the matches are then incomplete. */
    boolean cutShort;

    Both(TopFieldCollector top, FacetsCollector matches) {
      this.top = top;
      this.matches = matches;
    }

    @Override
    public ScoreMode scoreMode() {
      return top.scoreMode(); // the kept matches need no scores: skipping stays allowed
    }

    @Override
    public void setWeight(Weight weight) {
      top.setWeight(weight);
      matches.setWeight(weight);
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      LeafCollector topLeaf;
      try {
        topLeaf = top.getLeafCollector(context);
      } catch (CollectionTerminatedException e) {
        cutShort = true;
        throw e;
      }
      LeafCollector seen = matches.getLeafCollector(context);
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) throws IOException {
          topLeaf.setScorer(scorer);
          seen.setScorer(scorer);
        }

        @Override
        public void collect(int doc) throws IOException {
          seen.collect(doc);
          try {
            topLeaf.collect(doc);
          } catch (CollectionTerminatedException e) {
            cutShort = true;
            throw e;
          }
        }

        @Override
        public DocIdSetIterator competitiveIterator() throws IOException {
          return topLeaf.competitiveIterator();
        }

        @Override
        public void finish() throws IOException {
          topLeaf.finish();
          seen.finish();
        }
      };
    }
  }
}
