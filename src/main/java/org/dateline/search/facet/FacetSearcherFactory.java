package org.dateline.search.facet;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryCachingPolicy;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.UsageTrackingQueryCachingPolicy;
import org.dateline.index.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens each new searcher together with its facet ordinal map, so the map is built (warmed) once
 * per refresh, off the request path, instead of on the first search that needs it. With an
 * executor, each searcher searches its segment slices in parallel, so one request on a large index
 * uses every core.
 */
public final class FacetSearcherFactory extends SearcherFactory {

  private static final Logger LOG = LoggerFactory.getLogger(FacetSearcherFactory.class);

  /**
   * Heap the facet ordinals may take (an eighth of the maximum heap: 30 MB at a million articles of
   * the synthetic archive); a larger archive is counted by Lucene from its doc values.
   */
  static final long ORDINALS_BUDGET = Runtime.getRuntime().maxMemory() / 8;

  private static final java.util.concurrent.atomic.AtomicBoolean SAID_OVER_BUDGET =
      new java.util.concurrent.atomic.AtomicBoolean();

  private final Executor executor;

  /** The index fields that hold the facet dimensions' values (what a facet filter's term is on). */
  private static final Set<String> FACET_FIELDS =
      Schema.FACET_DIMS.stream()
          .map(dim -> Schema.facetsConfig().getDimConfig(dim).indexFieldName)
          .collect(Collectors.toUnmodifiableSet());

  /**
   * Which filters the searchers cache: Lucene's default policy (a filter seen often enough among
   * the recent ones), shared by every searcher as Lucene's own default is, with two exceptions. A
   * request's date filter ({@code QueryFactory.dayFilter}, points or doc values) is cached after
   * two uses, as Lucene caches a points query; the default takes that wrapper for a cheap query and
   * waits for five. A facet value's term (a filter on a place, a person, an outlet) is cached from
   * its first use, as Solr's filter cache keeps every {@code fq}: Lucene never caches a term, but a
   * facet filter is a set of articles that requests share, read whole (a request with filters tests
   * each match against every filter, {@code SidewaysPass}), and its cached set spares each request
   * the term's lookup and postings in every segment. The cache is Lucene's (bounded, per segment,
   * dropped with the segment).
   */
  static final QueryCachingPolicy CACHING =
      new UsageTrackingQueryCachingPolicy() {
        @Override
        protected int minFrequencyToCache(Query query) {
          return query instanceof IndexOrDocValuesQuery ? 2 : super.minFrequencyToCache(query);
        }

        @Override
        public boolean shouldCache(Query query) throws IOException {
          return isFacetValue(query) || super.shouldCache(query);
        }
      };

  /** Whether {@code query} is one facet value's term. */
  static boolean isFacetValue(Query query) {
    return query instanceof TermQuery term && FACET_FIELDS.contains(term.getTerm().field());
  }

  /** {@code executor} may be null: each request then runs on its caller's thread only. */
  public FacetSearcherFactory(Executor executor) {
    this.executor = executor;
  }

  @Override
  public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader)
      throws IOException {
    SortedSetDocValuesReaderState state = null;
    FacetOrdinals ordinals = null;
    String field = Schema.facetsConfig().getDimConfig(Schema.OUTLET).indexFieldName;
    if (MultiDocValues.getSortedSetValues(reader, field) != null) {
      state = new DefaultSortedSetDocValuesReaderState(reader, Schema.facetsConfig());
      org.dateline.config.StartupTrace.mark("facet state");
      ordinals = FacetOrdinals.load(state, ORDINALS_BUDGET);
      org.dateline.config.StartupTrace.mark("facet ordinals");
      if (ordinals == null && !SAID_OVER_BUDGET.getAndSet(true)) {
        LOG.warn(
            "the archive's facet values would take more than {} MB of heap (an eighth of"
                + " it); facets are counted from the index on disk instead, more slowly. A larger"
                + " heap (DATELINE_HEAP, -Xmx) brings the fast counting back.",
            ORDINALS_BUDGET >> 20);
      }
    }
    DateHistogram.warm(reader);
    org.dateline.config.StartupTrace.mark("dates");
    FacetSearcher searcher = new FacetSearcher(reader, executor, state, ordinals);
    searcher.setSimilarity(Schema.similarity());
    searcher.setQueryCachingPolicy(CACHING);
    return searcher;
  }
}
