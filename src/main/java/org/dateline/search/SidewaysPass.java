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
import org.apache.lucene.search.Weight;

/**
 * The matches that every filtered dimension is counted over when it is counted without its own
 * filter (multi-select), all in one pass, with the matches of every filter as well: the request's
 * query (with its date range and article ids) is searched once over the articles that miss at most
 * one filtered dimension, and each match is tested against every dimension's filter. A match of all
 * of them counts for every dimension (and is a match of the request); a match that misses one
 * dimension counts for that dimension alone. These are the sets Lucene's DrillSideways counts, and
 * the ones one pass per dimension (the query with the other filters) finds, whose query set-up this
 * saves. One instance per search.
 */
final class SidewaysPass implements CollectorManager<SidewaysPass.Routed, SidewaysPass.Result> {

  /**
   * Every match of the request ({@code all}, null when not asked for), and for each filtered
   * dimension, in the drill-down's order, the matches of the request without that dimension's
   * filter.
   */
  record Result(FacetsCollector all, List<FacetsCollector> sideways) {}

  private final Weight[] filters;
  private final boolean keepAll;
  private final FacetsCollectorManager merge = new FacetsCollectorManager();

  private SidewaysPass(Weight[] filters, boolean keepAll) {
    this.filters = filters;
    this.keepAll = keepAll;
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
   * searcher}; with {@code keepAll}, also keeps every match of all the filters.
   */
  static Result run(
      IndexSearcher searcher, DrillDownQuery drillDown, Deadline deadline, boolean keepAll)
      throws IOException {
    Query[] dims = drillDown.getDrillDownQueries();
    Weight[] filters = new Weight[dims.length];
    for (int i = 0; i < dims.length; i++) {
      filters[i] =
          searcher.createWeight(searcher.rewrite(dims[i]), ScoreMode.COMPLETE_NO_SCORES, 1f);
    }
    return searcher.search(query(drillDown), deadline.bound(new SidewaysPass(filters, keepAll)));
  }

  @Override
  public Routed newCollector() {
    return new Routed(filters, keepAll ? new FacetsCollector() : null);
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
    FacetsCollector all = null;
    if (keepAll) {
      List<FacetsCollector> parts = new ArrayList<>(collectors.size());
      for (Routed r : collectors) {
        parts.add(r.all);
      }
      all = merge.reduce(parts);
    }
    return new Result(all, List.copyOf(sideways));
  }

  /** One slice's collector: each match goes to the dimensions it counts for. */
  static final class Routed implements Collector {
    private final Weight[] filters;
    private final FacetsCollector all;
    private final FacetsCollector[] sideways;

    Routed(Weight[] filters, FacetsCollector all) {
      this.filters = filters;
      this.all = all;
      this.sideways = new FacetsCollector[filters.length];
      for (int i = 0; i < sideways.length; i++) {
        sideways[i] = new FacetsCollector();
      }
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
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
      LeafCollector every = all == null ? null : all.getLeafCollector(context);
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {
          // no scores: the matches are counted, not ranked
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
          if (every != null) {
            every.collect(doc);
          }
        }

        @Override
        public void finish() throws IOException {
          for (LeafCollector s : side) {
            s.finish();
          }
          if (every != null) {
            every.finish();
          }
        }
      };
    }
  }
}
