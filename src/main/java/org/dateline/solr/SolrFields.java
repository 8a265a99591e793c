package org.dateline.solr;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.dateline.index.Schema;

/**
 * The names Dateline's fields take in a Solr collection. Most keep their {@link Schema} name; a
 * facet dimension is searched as text under its own name and counted from an exact-value copy under
 * {@link #facet}. Stateless.
 */
final class SolrFields {

  /** Ends the name of a dimension's exact-value copy (string, doc values). */
  static final String FACET_SUFFIX = "_facet";

  /**
   * A Solr-only field: the hash of what the article's copy was made from ({@link
   * SolrDocuments#hash}), so a sync sends only what changed.
   */
  static final String HASH = "dateline_hash";

  private SolrFields() {}

  /** The exact-value field a facet dimension is counted and filtered on. */
  static String facet(String dim) {
    return dim + FACET_SUFFIX;
  }

  /** Edismax's {@code qf}: the fields a plain term searches, with their boosts (title^2 body^1). */
  static String queryFields() {
    return Schema.DEFAULT_FIELDS.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + "^" + String.format(Locale.ROOT, "%.1f", e.getValue()))
        .collect(Collectors.joining(" "));
  }

  /** Edismax's {@code uf}: the fields a query may name ({@code outlet:guardian}). */
  static String userFields() {
    return String.join(" ", Schema.QUERYABLE_FIELDS);
  }
}
