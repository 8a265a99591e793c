package org.dateline.search;

import org.dateline.search.facet.FacetValue;
import java.util.List;
import java.util.Map;

/**
 * The answer to one search: total hits, one page of them, every facet dimension (the date histogram
 * under "date", its last bucket "undated"), and the cursor for the next page (null at the end).
 */
public record SearchResponse(
    long total,
    long tookMs,
    List<Hit> hits,
    Map<String, List<FacetValue>> facets,
    String nextCursor) {}
