package org.dateline.search;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.SearcherFactory;
import org.dateline.index.Schema;

/**
 * Opens each new searcher together with its facet ordinal map, so the map is built (warmed) once per
 * refresh, off the request path, instead of on the first search that needs it. With an executor,
 * each searcher searches its segment slices in parallel, so one request on a large index uses
 * every core.
 */
final class FacetSearcherFactory extends SearcherFactory {

  /**
   * Heap the facet ordinals may take (an eighth of the maximum heap: 30 MB at a million articles
   * of the synthetic archive); a larger archive is counted by Lucene from its doc values.
   */
  static final long ORDINALS_BUDGET = Runtime.getRuntime().maxMemory() / 8;

  private static final java.util.concurrent.atomic.AtomicBoolean SAID_OVER_BUDGET =
      new java.util.concurrent.atomic.AtomicBoolean();

  private final Executor executor;

  /** {@code executor} may be null: each request then runs on its caller's thread only. */
  FacetSearcherFactory(Executor executor) {
    this.executor = executor;
  }

  /** A searcher and the facet state of the same reader. */
  static final class FacetSearcher extends IndexSearcher {
    /** Null while no article in the index has any facet value. */
    final SortedSetDocValuesReaderState facetState;
    /** The facet ordinals in the heap; null without facets or when over their memory budget. */
    private final FacetOrdinals ordinals;

    private volatile Facets everyArticle;
    /** Null until counted; empty when the dates span too many days to count densely. */
    private volatile Optional<DateHistogram.DayCounts> everyDay;

    FacetSearcher(IndexReader reader, Executor executor,
        SortedSetDocValuesReaderState facetState, FacetOrdinals ordinals) {
      super(reader, executor);
      this.facetState = facetState;
      this.ordinals = ordinals;
    }

    /** Facet counts of {@code hits} (this searcher must have facets). */
    Facets counts(FacetsCollector hits) throws IOException {
      return ordinals != null ? new OrdinalCounts(facetState, ordinals.count(hits))
          : new SortedSetDocValuesFacetCounts(facetState, hits);
    }

    /**
     * Facet counts of {@code hits} that answer for dimension {@code dim} alone (other dimensions
     * may be left uncounted).
     */
    Facets counts(FacetsCollector hits, String dim) throws IOException {
      if (ordinals == null) {
        return new SortedSetDocValuesFacetCounts(facetState, hits);
      }
      SortedSetDocValuesReaderState.OrdRange range = facetState.getOrdRange(dim);
      return new OrdinalCounts(facetState, range == null ? new int[facetState.getSize()]
          : ordinals.count(hits, range));
    }

    /**
     * Facet counts over every article of this searcher (null without facets): the answer for a
     * match-all query, and the sideways counts of a one-dimension filter on it. Counted on first
     * use, once per searcher, and shared by requests through {@link SharedCounts}.
     */
    Facets everyArticle() throws IOException {
      Facets f = everyArticle;
      if (f == null && facetState != null) {
        synchronized (this) {
          f = everyArticle;
          if (f == null) {
            // shared by concurrent requests: label look-ups must not race (SharedCounts)
            f = new SharedCounts(ordinals != null
                ? new OrdinalCounts(facetState, ordinals.countAll())
                : new SortedSetDocValuesFacetCounts(facetState));
            everyArticle = f;
          }
        }
      }
      return f;
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
    List<FacetValue> everyDate() throws IOException {
      DateHistogram.DayCounts every = everyDay();
      return every != null ? DateHistogram.buckets(every, null, null)
          : DateHistogram.compute(search(new MatchAllDocsQuery(), new FacetsCollectorManager()),
              null, null);
    }

    /** The histogram of the hits (or, with {@code outside}, of every article but those). */
    List<FacetValue> histogram(FacetsCollector hits, FacetsCollector outside, LocalDate from,
        LocalDate to) throws IOException {
      DateHistogram.DayCounts every = everyDay();
      if (every == null) {
        return DateHistogram.compute(hits, from, to);
      }
      return DateHistogram.buckets(outside != null
          ? every.minus(DateHistogram.count(outside, every))
          : DateHistogram.count(hits, every), from, to);
    }
  }

  @Override
  public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader)
      throws IOException {
    SortedSetDocValuesReaderState state = null;
    FacetOrdinals ordinals = null;
    String field = Schema.facetsConfig().getDimConfig(Schema.OUTLET).indexFieldName;
    if (MultiDocValues.getSortedSetValues(reader, field) != null) {
      state = new DefaultSortedSetDocValuesReaderState(reader, Schema.facetsConfig());
      ordinals = FacetOrdinals.load(state, ORDINALS_BUDGET);
      if (ordinals == null && !SAID_OVER_BUDGET.getAndSet(true)) {
        System.err.printf("dateline: the archive's facet values would take more than %d MB of"
            + " heap (an eighth of it); facets are counted from the index on disk instead,"
            + " more slowly. A larger heap (DATELINE_HEAP, -Xmx) brings the fast counting back.%n",
            ORDINALS_BUDGET >> 20);
      }
    }
    DateHistogram.warm(reader);
    return new FacetSearcher(reader, executor, state, ordinals);
  }
}
