package org.dateline.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.dateline.index.Schema;
import org.dateline.search.facet.FacetSearcher;
import org.dateline.search.facet.FacetValue;

/**
 * The ids of a search's hits, for work done on every hit (tagging them all), and how many of a
 * search's hits fall in each of several sets of articles (a desk's tags). Stateless.
 */
public final class HitIds {

  /** The first ids of a search in its order, and whether more hits follow them. */
  public record Walk(List<String> ids, boolean more) {}

  private HitIds() {}

  /** The ids of the first {@code max} hits of {@code request}, in its sort order. */
  public static Walk first(SearchService search, SearchRequest request, int max)
      throws IOException {
    List<String> ids = new ArrayList<>();
    boolean[] more = {false};
    search.forEachHit(
        request,
        0,
        hit -> {
          if (ids.size() == max) {
            more[0] = true;
            return false;
          }
          ids.add(hit.id());
          return true;
        });
    return new Walk(ids, more[0]);
  }

  /**
   * How many hits of {@code request} each set of {@code sets} holds, most first (ties by name), the
   * first {@code size} of those holding any.
   */
  public static List<FacetValue> count(
      SearchService search, SearchRequest request, Map<String, List<String>> sets, int size)
      throws IOException {
    if (sets.isEmpty() || size == 0) {
      return List.of();
    }
    return search.withSearcher(
        searcher -> {
          Deadline deadline = search.deadline();
          Query rewritten = search.rewrite(searcher, search.parse(request), deadline);
          SearchRequest resolved =
              request.withFilters(
                  FilterMatch.resolve(
                          (FacetSearcher) searcher, request.filters(), search.entities())
                      .filters());
          DrillDownQuery base = SearchPlan.drillDown(rewritten, resolved);
          List<FacetValue> out = new ArrayList<>();
          for (Map.Entry<String, List<String>> set : sets.entrySet()) {
            deadline.check();
            Query in =
                new BooleanQuery.Builder()
                    .add(base, BooleanClause.Occur.MUST)
                    .add(
                        new TermInSetQuery(
                            Schema.ID, set.getValue().stream().map(BytesRef::new).toList()),
                        BooleanClause.Occur.FILTER)
                    .build();
            int count = searcher.count(in);
            if (count > 0) {
              out.add(new FacetValue(set.getKey(), count));
            }
          }
          out.sort(
              java.util.Comparator.comparingLong(FacetValue::count)
                  .reversed()
                  .thenComparing(FacetValue::value));
          return out.size() > size ? out.subList(0, size) : out;
        });
  }
}
