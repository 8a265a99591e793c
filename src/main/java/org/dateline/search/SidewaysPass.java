package org.dateline.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.Weight;

/**
 * A request with filters answered in one pass: its top hits, every match, and the matches that each
 * filtered dimension is counted over when it is counted without its own filter (multi-select). The
 * request's query (with its date range and article ids) is searched once over the articles that
 * miss at most one filtered dimension, and each match is tested against every dimension's filter. A
 * match of all of them is a hit of the request (ranked, kept) and counts for every dimension; a
 * match that misses one dimension counts for that dimension alone. These are the sets Lucene's
 * DrillSideways counts, and the ones a top-hits pass plus one pass per dimension (the query with
 * the other filters) find; the query's set-up per pass, per segment and per clause, which is most
 * of a few-hit request's pass, is paid once. The ranking cannot skip what cannot compete (every
 * match is needed for the counts), as the passes per dimension could not either. One instance per
 * search.
 */
final class SidewaysPass implements CollectorManager<SidewaysPass.Routed, SidewaysPass.Result> {

  /**
   * The request's top hits (null when none were asked for), every match of the request ({@code
   * all}), and for each filtered dimension, in the drill-down's order, the matches of the request
   * without that dimension's filter.
   */
  record Result(TopFieldDocs top, FacetsCollector all, List<FacetsCollector> sideways) {}

  private final Weight[] filters;
  private final TopFieldCollectorManager top;
  private final FacetsCollectorManager merge = new FacetsCollectorManager();

  private SidewaysPass(Weight[] filters, TopFieldCollectorManager top) {
    this.filters = filters;
    this.top = top;
  }

  /**
   * The query this pass searches: the base of {@code drillDown} over the articles that miss at most
   * one of its dimensions' filters.
   */
  static Query query(DrillDownQuery drillDown) {
    Query[] dims = drillDown.getDrillDownQueries();
    if (dims.length == 1) {
      return drillDown.getBaseQuery(); // missing the one filter is allowed: the query alone
    }
    BooleanQuery.Builder nearly = new BooleanQuery.Builder();
    for (Query dim : dims) {
      nearly.add(dim, BooleanClause.Occur.SHOULD);
    }
    nearly.setMinimumNumberShouldMatch(dims.length - 1);
    return new BooleanQuery.Builder()
        .add(drillDown.getBaseQuery(), BooleanClause.Occur.MUST)
        .add(nearly.build(), BooleanClause.Occur.FILTER)
        .build();
  }

  /**
   * Runs the pass for {@code drillDown} (a query with at least one filtered dimension) on {@code
   * searcher}, ranking the request's hits with {@code top} (or none when null).
   */
  static Result run(
      IndexSearcher searcher,
      DrillDownQuery drillDown,
      TopFieldCollectorManager top,
      Deadline deadline)
      throws IOException {
    Query[] dims = drillDown.getDrillDownQueries();
    Weight[] filters = new Weight[dims.length];
    for (int i = 0; i < dims.length; i++) {
      filters[i] =
          searcher.createWeight(searcher.rewrite(dims[i]), ScoreMode.COMPLETE_NO_SCORES, 1f);
    }
    return searcher.search(query(drillDown), deadline.bound(new SidewaysPass(filters, top)));
  }

  @Override
  public Routed newCollector() throws IOException {
    return new Routed(filters, top == null ? null : top.newCollector());
  }

  @Override
  public Result reduce(Collection<Routed> collectors) throws IOException {
    List<FacetsCollector> sideways = new ArrayList<>(filters.length);
    for (int i = 0; i < filters.length; i++) {
      List<FacetsCollector> parts = new ArrayList<>(collectors.size());
      for (Routed r : collectors) {
        parts.add(r.sideways[i]);
      }
      sideways.add(merge.reduce(parts));
    }
    List<FacetsCollector> parts = new ArrayList<>(collectors.size());
    List<TopFieldCollector> tops = new ArrayList<>(collectors.size());
    for (Routed r : collectors) {
      parts.add(r.all);
      if (r.top != null) {
        tops.add(r.top);
      }
    }
    return new Result(
        top == null ? null : top.reduce(tops), merge.reduce(parts), List.copyOf(sideways));
  }

  /** One slice's collector: each match goes to the dimensions it counts for. */
  static final class Routed implements Collector {
    private final Weight[] filters;
    private final TopFieldCollector top;
    private final FacetsCollector all = new FacetsCollector();
    private final FacetsCollector[] sideways;

    Routed(Weight[] filters, TopFieldCollector top) {
      this.filters = filters;
      this.top = top;
      this.sideways = new FacetsCollector[filters.length];
      for (int i = 0; i < sideways.length; i++) {
        sideways[i] = new FacetsCollector();
      }
    }

    @Override
    public ScoreMode scoreMode() {
      // Scores when the hits are ranked by them; the scorer is never told a minimum score, so it
      // skips nothing.
      return top == null || !top.scoreMode().needsScores()
          ? ScoreMode.COMPLETE_NO_SCORES
          : ScoreMode.COMPLETE;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      int n = filters.length;
      DocIdSetIterator[] in = new DocIdSetIterator[n];
      LeafCollector[] side = new LeafCollector[n];
      for (int i = 0; i < n; i++) {
        Scorer scorer = filters[i].scorer(context);
        in[i] = scorer == null ? DocIdSetIterator.empty() : scorer.iterator();
        side[i] = sideways[i].getLeafCollector(context);
      }
      LeafCollector every = all.getLeafCollector(context);
      LeafCollector ranked = top == null ? null : top.getLeafCollector(context);
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) throws IOException {
          if (ranked != null) {
            ranked.setScorer(new EveryMatch(scorer));
          }
        }

        @Override
        public void collect(int doc) throws IOException {
          int missed = -1;
          for (int i = 0; i < n; i++) {
            int at = in[i].docID();
            if (at < doc) {
              at = in[i].advance(doc);
            }
            if (at != doc) {
              if (missed >= 0) {
                return; // misses two filters: counts for none (the pass's query leaves these out)
              }
              missed = i;
            }
          }
          if (missed >= 0) {
            side[missed].collect(doc);
            return;
          }
          for (LeafCollector s : side) {
            s.collect(doc);
          }
          every.collect(doc);
          if (ranked != null) {
            ranked.collect(doc);
          }
        }

        @Override
        public void finish() throws IOException {
          for (LeafCollector s : side) {
            s.finish();
          }
          every.finish();
          if (ranked != null) {
            ranked.finish();
          }
        }
      };
    }
  }

  /**
   * The scorer as the ranking collector sees it: the same scores, but a minimum competitive score
   * is not passed on, since the matches below it still count for the facets.
   */
  private static final class EveryMatch extends Scorable {
    private final Scorable in;

    EveryMatch(Scorable in) {
      this.in = in;
    }

    @Override
    public float score() throws IOException {
      return in.score();
    }

    @Override
    public void setMinCompetitiveScore(float minScore) {
      // ignored: every match must be seen
    }
  }
}
