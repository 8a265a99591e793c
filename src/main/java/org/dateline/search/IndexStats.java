package org.dateline.search;

import org.dateline.search.facet.FacetValue;
import java.util.List;

/** What the archive holds: article count, per-outlet counts, undated count, size, last ingest. */
public record IndexStats(
    long articles,
    long undated,
    List<FacetValue> outlets,
    long indexBytes,
    String lastIngest) {}
