package org.dateline.solr;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.dateline.config.Limits;
import org.dateline.index.Schema;
import org.dateline.search.BadRequestException;
import org.dateline.search.LimitExceededException;
import org.dateline.search.QueryFactory;
import org.dateline.search.SearchRequest;
import org.dateline.search.SortOrder;

/**
 * A Dateline search request as Solr parameters: the query for edismax over the same fields, boosts
 * and default operator as the embedded parser ({@link QueryFactory}), each facet filter as a tagged
 * {@code terms} filter (so that its own dimension can be counted without it: multi-select), the
 * date range as a filter on the printed day, the sort ending in the id (as cursorMark needs), and
 * the highlighter asked for the whole body with its matches marked. The query is first parsed by
 * Dateline's own parser, so a mistake gets the same message on both backends. Stateless.
 */
final class SolrQueries {

  /** Separates the values of one {@code terms} filter (no facet value contains it). */
  static final char SEPARATOR = '\u001F';

  /** Marks where a highlighted match starts and ends (private-use characters, not in news). */
  static final char MATCH_START = '\uE000';

  static final char MATCH_END = '\uE001';

  /** The highlighter reads this much of a body at most (far more than any article). */
  private static final int MAX_HIGHLIGHT_CHARS = 50_000_000;

  private SolrQueries() {}

  /**
   * The query text, filters and date range of {@code request}: what decides which articles match.
   */
  static ModifiableSolrParams matching(SearchRequest request, Limits limits) {
    ModifiableSolrParams p = new ModifiableSolrParams();
    p.set("q", queryText(request.query(), limits));
    p.set("defType", "edismax");
    p.set("qf", SolrFields.queryFields());
    p.set("uf", SolrFields.userFields());
    p.set("q.op", "AND");
    p.set("sow", true);
    for (Map.Entry<String, List<String>> filter : request.filters().entrySet()) {
      p.add("fq", filter(filter.getKey(), filter.getValue()));
    }
    if (request.from() != null || request.to() != null) {
      p.add("fq", Schema.LOCAL_DATE + ":" + dayRange(request.from(), request.to()));
    }
    return p;
  }

  /**
   * The query as edismax reads it, after Dateline's parser accepted it; blank and {@code *} match
   * every article.
   */
  static String queryText(String text, Limits limits) {
    if (text.length() > limits.maxQueryChars()) {
      throw new LimitExceededException(
          "the query has "
              + text.length()
              + " characters; the limit is "
              + limits.maxQueryChars()
              + " (max_query_chars, --max-query-chars)");
    }
    Query parsed = QueryFactory.parse(text, limits);
    if (fieldsOf(parsed).contains(Schema.LOCAL_DATE)) {
      throw new BadRequestException(
          "date: inside the query is not available on the Solr backend; give the days as"
              + " from=YYYY-MM-DD&to=YYYY-MM-DD instead");
    }
    String q = text.strip();
    return q.isEmpty() || q.equals("*") ? "*:*" : q;
  }

  private static Set<String> fieldsOf(Query query) {
    Set<String> fields = new java.util.HashSet<>();
    query.visit(
        new QueryVisitor() {
          @Override
          public boolean acceptField(String field) {
            fields.add(field);
            return true;
          }

          @Override
          public QueryVisitor getSubVisitor(
              org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
            return this;
          }
        });
    return fields;
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

  /**
   * Asks the unified highlighter for each hit's whole body with every match marked, offsets read
   * from the postings, phrases marked whole (weight matches): KWIC lines are cut from it as the
   * embedded search cuts them.
   */
  static void highlight(ModifiableSolrParams p) {
    p.set("hl", true);
    p.set("hl.method", "unified");
    p.set("hl.fl", Schema.BODY);
    p.set("hl.offsetSource", "POSTINGS");
    p.set("hl.weightMatches", true);
    p.set("hl.requireFieldMatch", true);
    p.set("hl.bs.type", "WHOLE");
    p.set("hl.fragsize", 0);
    p.set("hl.snippets", 1);
    p.set("hl.defaultSummary", false);
    p.set("hl.maxAnalyzedChars", MAX_HIGHLIGHT_CHARS);
    p.set("hl.tag.pre", String.valueOf(MATCH_START));
    p.set("hl.tag.post", String.valueOf(MATCH_END));
  }
}
