package org.dateline.solr;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.Query;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.dateline.config.Limits;
import org.dateline.index.Schema;
import org.dateline.search.BadRequestException;
import org.dateline.search.LimitExceededException;
import org.dateline.search.QueryFactory;
import org.dateline.search.SearchRequest;
import org.dateline.search.SortOrder;

/**
 * A Dateline search request as Solr parameters: the query as Dateline's parser builds it ({@link
 * QueryFactory}, sent through {@link SolrQueryXml}), each facet filter as a tagged {@code terms}
 * filter (so that its own dimension can be counted without it: multi-select), the date range as a
 * filter on the printed day, and the sort ending in the id (as cursorMark needs). Stateless.
 */
final class SolrQueries {

  /** Separates the values of one {@code terms} filter (no facet value contains it). */
  static final char SEPARATOR = '\u001F';

  private SolrQueries() {}

  /**
   * The query, filters and date range of {@code request}: what decides which articles match. The
   * query is parsed by Dateline's own parser (so a mistake gets the same message on both backends)
   * and sent as the same Lucene query ({@link SolrQueryXml}).
   */
  static ModifiableSolrParams matching(SearchRequest request, Limits limits) {
    return matching(request, parse(request.query(), limits));
  }

  /** {@link #matching(SearchRequest, Limits)} with the request's query already parsed. */
  static ModifiableSolrParams matching(SearchRequest request, Query parsed) {
    ModifiableSolrParams p = new ModifiableSolrParams();
    p.set("q", SolrQueryXml.of(parsed));
    p.set("defType", "xmlparser");
    for (Map.Entry<String, List<String>> filter : request.filters().entrySet()) {
      p.add("fq", filter(filter.getKey(), filter.getValue()));
    }
    if (request.from() != null || request.to() != null) {
      p.add("fq", Schema.LOCAL_DATE + ":" + dayRange(request.from(), request.to()));
    }
    return p;
  }

  /** {@code text} parsed by Dateline's parser, within the length limit; blank matches all. */
  static Query parse(String text, Limits limits) {
    if (text.length() > limits.maxQueryChars()) {
      throw new LimitExceededException(
          "the query has " + text.length() + " characters; the limit is " + limits.maxQueryChars(),
          "max_query_chars",
          "--max-query-chars");
    }
    return QueryFactory.parse(text, limits);
  }

  /** One filter: the values of a dimension OR-ed, tagged with the dimension's name. */
  static String filter(String dim, List<String> values) {
    List<String> clean = new ArrayList<>();
    for (String v : values) {
      clean.add(v.replace(SEPARATOR, ' '));
    }
    if (dim.equals(Schema.ID)) {
      // a set of articles (a desk's), not a facet value; no article is in an empty set
      return clean.isEmpty()
          ? "-*:*"
          : "{!terms f=" + Schema.ID + separator() + "}" + String.join(sep(), clean);
    }
    if (!Schema.FACET_DIMS.contains(dim)) {
      throw new BadRequestException(
          "unknown filter '" + dim + "'; filters are " + String.join(", ", Schema.FACET_DIMS));
    }
    return "{!terms tag="
        + dim
        + " f="
        + SolrFields.facet(dim)
        + separator()
        + "}"
        + String.join(sep(), clean);
  }

  /** Articles whose {@code field} is any of {@code values} exactly (no clause limit). */
  static String terms(String field, List<String> values) {
    List<String> clean = values.stream().map(v -> v.replace(SEPARATOR, ' ')).toList();
    return "{!terms f=" + field + separator() + "}" + String.join(sep(), clean);
  }

  private static String separator() {
    return " separator=\"" + SEPARATOR + "\"";
  }

  private static String sep() {
    return String.valueOf(SEPARATOR);
  }

  /** {@code [from TO to+1day)} in Solr's date syntax; an open end is {@code *}. */
  static String dayRange(LocalDate from, LocalDate to) {
    String lo = from == null ? "*" : SolrHistogram.instant(from);
    String hi = to == null ? "*" : SolrHistogram.instant(to.plusDays(1));
    return "[" + lo + " TO " + hi + "}";
  }

  /** The sort of {@code order}, ending in the id (cursorMark needs a total order). */
  static String sort(SortOrder order) {
    return switch (order) {
      case RELEVANCE -> "score desc," + Schema.ID + " asc";
      case NEWEST -> Schema.DATE + " desc," + Schema.ID + " asc";
      case OLDEST -> Schema.DATE + " asc," + Schema.ID + " asc";
    };
  }

  /** The fields a hit is built from (and the score when sorted by it). */
  static String fieldList(SortOrder order) {
    String stored = Schema.ID + "," + Schema.META + "," + Schema.BODY;
    return order == SortOrder.RELEVANCE ? stored + ",score" : stored;
  }
}
