package org.dateline.search.facet;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;

/**
 * One facet value and how many hits carry it. Date buckets also give the first and last day they
 * cover ({@code from}, {@code to}, ISO dates); other values leave them out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FacetValue(String value, long count, String from, String to) {
  public FacetValue(String value, long count) {
    this(value, count, null, null);
  }

  /** The {@code size} most frequent values of {@code dim} in {@code facets} (none when null). */
  public static List<FacetValue> top(Facets facets, String dim, int size) throws IOException {
    if (facets == null || size == 0) {
      return List.of();
    }
    FacetResult result;
    try {
      result = facets.getTopChildren(size, dim);
    } catch (IllegalArgumentException e) {
      return List.of(); // no article has a value in this dimension yet
    }
    if (result == null) {
      return List.of();
    }
    List<FacetValue> values = new ArrayList<>(result.labelValues.length);
    for (LabelAndValue lv : result.labelValues) {
      values.add(new FacetValue(lv.label, lv.value.longValue()));
    }
    return values;
  }
}
