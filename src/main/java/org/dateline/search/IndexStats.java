package org.dateline.search;

import java.util.List;
import org.dateline.search.facet.FacetValue;

/** What the archive holds: article count, per-outlet counts, undated count, size, last ingest. */
public record IndexStats(
    long articles, long undated, List<FacetValue> outlets, long indexBytes, String lastIngest) {}
