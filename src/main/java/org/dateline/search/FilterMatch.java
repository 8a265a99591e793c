package org.dateline.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dateline.index.Schema;
import org.dateline.search.facet.FacetLabels;
import org.dateline.search.facet.FacetSearcher;

/**
 * Matches the filter values of a request to the values the archive holds, the way a journalist
 * types them: exactly; else case- and accent-insensitively ({@code outlet=middle east monitor});
 * else, for people, organisations and places, as another spelling of a known entity ({@code
 * person=Mostafa Bali} is "Mustafa Bali"). A value that matches nothing is kept (it matches no
 * article) and reported with the closest values.
 */
final class FilterMatch {

  /** How many closest values an unmatched filter names. */
  private static final int CLOSEST = 3;

  /** The filters to search with, and the values that matched nothing. */
  record Result(Map<String, List<String>> filters, List<UnmatchedFilter> unmatched) {}

  private FilterMatch() {}

  static Result resolve(
      FacetSearcher searcher, Map<String, List<String>> filters, EntityService names)
      throws IOException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    List<UnmatchedFilter> unmatched = new ArrayList<>();
    for (Map.Entry<String, List<String>> filter : filters.entrySet()) {
      String dim = filter.getKey();
      if (!Schema.FACET_DIMS.contains(dim) || !searcher.hasFacets()) {
        out.put(dim, filter.getValue()); // refused or matched as given, as before
        continue;
      }
      Set<String> values = new LinkedHashSet<>();
      for (String value : filter.getValue()) {
        if (searcher.hasValue(dim, value)) {
          values.add(value); // the common case, answered without the list of values
          continue;
        }
        FacetLabels labels = searcher.labels(dim);
        List<String> found = match(labels, dim, value, names);
        if (found.isEmpty()) {
          values.add(value);
          unmatched.add(new UnmatchedFilter(dim, value, labels.closest(value, CLOSEST)));
        } else {
          values.addAll(found);
        }
      }
      out.put(dim, List.copyOf(values));
    }
    return new Result(out, List.copyOf(unmatched));
  }

  private static List<String> match(
      FacetLabels labels, String dim, String value, EntityService names) throws IOException {
    if (labels.contains(value)) {
      return List.of(value);
    }
    List<String> folded = labels.folded(value);
    if (!folded.isEmpty()) {
      return folded;
    }
    if (Schema.ENTITY_DIMS.contains(dim)) {
      String canonical = names.canonical(dim, value);
      if (canonical != null && labels.contains(canonical)) {
        return List.of(canonical);
      }
    }
    return List.of();
  }
}
