package org.dateline.search;

import java.util.List;
import java.util.Map;
import org.dateline.search.facet.FacetValue;

/**
 * The answer to one search: total hits, one page of them, every facet dimension (the date histogram
 * under "date", its last bucket "undated"), the cursor for the next page (null at the end), the
 * filter values no article carries (with the closest values), and, when few articles match, other
 * ways to ask that find more ("did you mean"); {@code entity} is the person, organisation or place
 * the query's words name, when they name one (a page offers to search as that entity). Under {@code
 * collapse=story}, {@code total} counts stories and {@code totalArticles} the articles; otherwise
 * both count articles.
 */
public record SearchResponse(
    long total,
    long tookMs,
    List<Hit> hits,
    Map<String, List<FacetValue>> facets,
    String nextCursor,
    List<UnmatchedFilter> unmatchedFilters,
    List<Suggestion> didYouMean,
    EntityService.EntitySummary entity,
    long totalArticles) {

  /** The same answer with other hits (the same hits, changed). */
  public SearchResponse withHits(List<Hit> other) {
    return new SearchResponse(
        total,
        tookMs,
        other,
        facets,
        nextCursor,
        unmatchedFilters,
        didYouMean,
        entity,
        totalArticles);
  }

  /** The same answer with other facet counts. */
  public SearchResponse withFacets(Map<String, List<FacetValue>> other) {
    return new SearchResponse(
        total,
        tookMs,
        hits,
        other,
        nextCursor,
        unmatchedFilters,
        didYouMean,
        entity,
        totalArticles);
  }
}
