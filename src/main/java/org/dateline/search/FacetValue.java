package org.dateline.search;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One facet value and how many hits carry it. Date buckets also give the first and last day they
 * cover ({@code from}, {@code to}, ISO dates); other values leave them out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FacetValue(String value, long count, String from, String to) {
  public FacetValue(String value, long count) {
    this(value, count, null, null);
  }
}
