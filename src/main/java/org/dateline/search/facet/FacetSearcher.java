package org.dateline.search.facet;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.dateline.index.Schema;

/**
 * A searcher and the facet state of the same reader: its facet ordinals in the heap, the counts of
 * every article and the per-day counts of every date, each computed once per searcher (that is,
 * once per refresh) and shared by the requests that use it. Built by {@link FacetSearcherFactory}.
 */
public final class FacetSearcher extends IndexSearcher {
  /** Null while no article in the index has any facet value. */
  private final SortedSetDocValuesReaderState facetState;

  /** The facet ordinals in the heap; null without facets or when over their memory budget. */
  private final FacetOrdinals ordinals;

  private volatile Facets everyArticle;

  /** The facet values' labels read so far (null without facets or without the heap ordinals). */
  private final OrdLabels knownLabels;

  /** Per dimension, built on first use. */
  private final java.util.concurrent.ConcurrentHashMap<String, FacetLabels> labels =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Null until counted; empty when the dates span too many days to count densely. */
  private volatile Optional<DateHistogram.DayCounts> everyDay;

  /**
   * Documents scored between two looks at a request's deadline (a bounded collector's): a query
   * whose candidates are many but whose matches are few is collected too rarely for the collector's
   * own looks, and one segment of a large archive can take seconds.
   */
  static final int DEADLINE_WINDOW = 1 << 15;

  FacetSearcher(
      IndexReader reader,
      Executor executor,
      SortedSetDocValuesReaderState facetState,
      FacetOrdinals ordinals) {
    super(reader, executor);
    this.facetState = facetState;
    this.ordinals = ordinals;
    this.knownLabels = ordinals == null ? null : new OrdLabels(facetState);
  }

  /**
   * A collector bound by a time limit (the search package's deadline): {@link #checkTime} throws
   * once the limit has passed.
   */
  public interface TimeBound {
    void checkTime();
  }

  /**
   * A segment searched as Lucene does, but in windows of {@link #DEADLINE_WINDOW} documents with a
   * look at the deadline before each, when the collector is bound by one ({@link TimeBound}). Bulk
   * scorers take successive windows by contract (Lucene's own time limit scores the same way), so
   * the matches and their scores are the same.
   */
  @Override
  protected void searchLeaf(
      LeafReaderContext ctx, int minDocId, int maxDocId, Weight weight, Collector collector)
      throws IOException {
    if (!(collector instanceof TimeBound deadline)) {
      super.searchLeaf(ctx, minDocId, maxDocId, weight, collector);
      return;
    }
    LeafCollector leaf;
    try {
      leaf = collector.getLeafCollector(ctx);
    } catch (CollectionTerminatedException e) {
      return; // nothing of interest in this segment
    }
    ScorerSupplier supplier = weight.scorerSupplier(ctx);
    if (supplier != null) {
      supplier.setTopLevelScoringClause();
      BulkScorer scorer = supplier.bulkScorer();
      Bits live = ctx.reader().getLiveDocs();
      try {
        int min = minDocId;
        while (min < maxDocId) {
          deadline.checkTime();
          min =
              scorer.score(leaf, live, min, (int) Math.min((long) min + DEADLINE_WINDOW, maxDocId));
        }
      } catch (CollectionTerminatedException e) {
        // the collector has seen enough of this segment
      }
    }
    leaf.finish();
  }

  /** The facet state of this searcher's reader; null while no article has any facet value. */
  public SortedSetDocValuesReaderState facetState() {
    return facetState;
  }

  /** Whether any article of this searcher has a facet value (else nothing can be counted). */
  public boolean hasFacets() {
    return facetState != null;
  }

  /** Facet counts of {@code hits} (this searcher must have facets). */
  public Facets counts(FacetsCollector hits) throws IOException {
    return ordinals != null
        ? new OrdinalCounts(facetState, ordinals.count(hits), knownLabels)
        : new SortedSetDocValuesFacetCounts(facetState, hits);
  }

  /**
   * Facet counts of {@code hits} that answer for dimension {@code dim} alone (other dimensions may
   * be left uncounted).
   */
  public Facets counts(FacetsCollector hits, String dim) throws IOException {
    if (ordinals == null) {
      return new SortedSetDocValuesFacetCounts(facetState, hits);
    }
    SortedSetDocValuesReaderState.OrdRange range = facetState.getOrdRange(dim);
    return new OrdinalCounts(
        facetState,
        range == null ? new int[facetState.getSize()] : ordinals.count(hits, range),
        knownLabels);
  }

  /**
   * Facet counts over every article of this searcher (null without facets): the answer for a
   * match-all query, and the sideways counts of a one-dimension filter on it. Counted on first use,
   * once per searcher, and shared by requests through {@link SharedCounts}.
   */
  public Facets everyArticle() throws IOException {
    Facets f = everyArticle;
    if (f == null && facetState != null) {
      synchronized (this) {
        f = everyArticle;
        if (f == null) {
          // shared by concurrent requests: label look-ups must not race (SharedCounts)
          f =
              new SharedCounts(
                  ordinals != null
                      ? new OrdinalCounts(facetState, ordinals.countAll())
                      : new SortedSetDocValuesFacetCounts(facetState));
          everyArticle = f;
        }
      }
    }
    return f;
  }

  /**
   * Whether some live article of this searcher carries exactly {@code value} in {@code dim}: the
   * value's drill-down postings, segment by segment, until the first live article. (The doc values'
   * dictionary still holds the values of deleted articles until their segment merges - the entity
   * pass rewrites articles under their canonical names - so it alone would take a renamed value for
   * a held one. Every article with the value has both its drill-down term and its doc value, so the
   * postings alone decide; a binary search of the doc values' merged dictionary first, as before,
   * cost more than the postings' term look-up per segment.)
   */
  public boolean hasValue(String dim, String value) throws IOException {
    if (facetState == null) {
      return false;
    }
    Term term =
        DrillDownQuery.term(Schema.facetsConfig().getDimConfig(dim).indexFieldName, dim, value);
    for (LeafReaderContext leaf : getIndexReader().leaves()) {
      PostingsEnum docs = leaf.reader().postings(term, PostingsEnum.NONE);
      if (docs == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      for (int d = docs.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc()) {
        if (live == null || live.get(d)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Every value of dimension {@code dim} in this searcher's articles, for filter look-ups. */
  public FacetLabels labels(String dim) throws IOException {
    FacetLabels l = labels.get(dim);
    if (l == null) {
      Facets every = everyArticle();
      FacetResult all = null;
      try {
        all = every == null ? null : every.getAllChildren(dim);
      } catch (IllegalArgumentException e) {
        // no article has a value in this dimension yet
      }
      l = all == null ? FacetLabels.NONE : new FacetLabels(all);
      labels.putIfAbsent(dim, l);
    }
    return l;
  }

  /**
   * Every article counted per publication day (null when the dates span too many days to count
   * densely), once per searcher: the base of every histogram this searcher draws.
   */
  DateHistogram.DayCounts everyDay() throws IOException {
    Optional<DateHistogram.DayCounts> d = everyDay;
    if (d == null) {
      synchronized (this) {
        d = everyDay;
        if (d == null) {
          d = Optional.ofNullable(DateHistogram.everyDay(getIndexReader()));
          everyDay = d;
        }
      }
    }
    return d.orElse(null);
  }

  /** The histogram of every article. */
  public List<FacetValue> everyDate() throws IOException {
    DateHistogram.DayCounts every = everyDay();
    return every != null
        ? DateHistogram.buckets(every, null, null)
        : DateHistogram.compute(
            search(new MatchAllDocsQuery(), new FacetsCollectorManager()), null, null);
  }

  /** The histogram of the hits (or, with {@code outside}, of every article but those). */
  public List<FacetValue> histogram(
      FacetsCollector hits, FacetsCollector outside, LocalDate from, LocalDate to)
      throws IOException {
    DateHistogram.DayCounts every = everyDay();
    if (every == null) {
      return DateHistogram.compute(hits, from, to);
    }
    return DateHistogram.buckets(
        outside != null
            ? every.minus(DateHistogram.count(outside, every))
            : DateHistogram.count(hits, every),
        from,
        to);
  }
}
