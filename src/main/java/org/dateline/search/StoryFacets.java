package org.dateline.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.search.Query;
import org.dateline.index.Schema;
import org.dateline.search.facet.FacetSearcher;
import org.dateline.search.facet.FacetValue;
import org.dateline.search.facet.StoryCounts;

/**
 * {@code count=stories}: a search's facet values counted in stories, not articles ({@link
 * StoryCounts}), with the same multi-select rule as article counts (a filtered dimension is counted
 * without its own filter). The date histogram keeps counting articles. Stateless.
 */
public final class StoryFacets {

  private StoryFacets() {}

  /** {@code answer} (the search of {@code asked}) with its facet values counted in stories. */
  public static SearchResponse count(
      SearchService search, SearchRequest asked, SearchResponse answer) throws IOException {
    Map<String, List<FacetValue>> counted =
        search.withSearcher(searcher -> of((FacetSearcher) searcher, search, asked));
    Map<String, List<FacetValue>> facets = new LinkedHashMap<>(answer.facets());
    facets.putAll(counted);
    return answer.withFacets(facets);
  }

  private static Map<String, List<FacetValue>> of(
      FacetSearcher searcher, SearchService search, SearchRequest asked) throws IOException {
    Deadline deadline = search.deadline();
    Query rewritten = search.rewrite(searcher, search.parse(asked), deadline);
    SearchRequest request =
        asked.withFilters(
            FilterMatch.resolve(searcher, asked.filters(), search.entities()).filters());
    Map<String, List<FacetValue>> out = new LinkedHashMap<>();
    boolean count = request.facetSize() > 0 && searcher.hasFacets();
    Facets all = count ? stories(searcher, rewritten, request, deadline) : null;
    for (String dim : Schema.FACET_DIMS) {
      Facets facets = all;
      List<String> filter = request.filters().get(dim);
      if (count && filter != null && !filter.isEmpty()) {
        Map<String, List<String>> others = new HashMap<>(request.filters());
        others.remove(dim);
        facets = stories(searcher, rewritten, request.withFilters(others), deadline);
      }
      out.put(dim, FacetValue.top(facets, dim, request.facetSize()));
    }
    return out;
  }

  private static Facets stories(
      FacetSearcher searcher, Query rewritten, SearchRequest request, Deadline deadline)
      throws IOException {
    FacetsCollector hits =
        searcher.search(
            SearchPlan.drillDown(rewritten, request), deadline.bound(new FacetsCollectorManager()));
    return StoryCounts.of(searcher, hits);
  }
}
