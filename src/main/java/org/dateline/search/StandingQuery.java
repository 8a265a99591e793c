package org.dateline.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.dateline.config.Limits;
import org.dateline.index.Schema;

/**
 * A search kept to be run on each new article as it is indexed (an alert): the same query language,
 * date range and filters as a search, as one plain Lucene query that needs no searcher of the
 * archive. Filters match the values as given (a search also matches them to the archive's own
 * spellings, which do not exist yet for articles to come). A search that cannot run this way is
 * refused with a {@link BadRequestException} that says why.
 */
public final class StandingQuery {

  private StandingQuery() {}

  /** The query of {@code request} (its query, {@code from}/{@code to} and filters). */
  public static Query of(SearchRequest request, Limits limits) {
    if (request.query().length() > limits.maxQueryChars()) {
      throw new BadRequestException(
          "the query has "
              + request.query().length()
              + " characters; the limit is "
              + limits.maxQueryChars());
    }
    Query query = QueryFactory.parse(request.query(), limits);
    boolean everything =
        query instanceof MatchAllDocsQuery
            && request.from() == null
            && request.to() == null
            && request.filters().values().stream().allMatch(List::isEmpty);
    if (everything) {
      throw new BadRequestException(
          "an alert needs a query, a filter or a date range: this one would match every article");
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST);
    if (request.from() != null || request.to() != null) {
      LocalDate from = request.from() == null ? QueryFactory.FIRST_DAY : request.from();
      LocalDate to = request.to() == null ? QueryFactory.LAST_DAY : request.to();
      all.add(QueryFactory.dayRange(from, to), BooleanClause.Occur.FILTER);
    }
    for (Map.Entry<String, List<String>> filter : request.filters().entrySet()) {
      if (!filter.getValue().isEmpty()) {
        all.add(anyOf(filter.getKey(), filter.getValue()), BooleanClause.Occur.FILTER);
      }
    }
    return all.build();
  }

  /** Articles with any of {@code values} in dimension {@code dim} (a search's drill-down terms). */
  private static Query anyOf(String dim, List<String> values) {
    if (dim.equals(Schema.ID)) {
      throw new BadRequestException(
          "tag and starred cannot be part of an alert: an article is tagged or starred after it"
              + " is indexed, so a new article never has them");
    }
    if (!Schema.FACET_DIMS.contains(dim)) {
      throw new BadRequestException(
          "unknown filter '" + dim + "'; filters are " + String.join(", ", Schema.FACET_DIMS));
    }
    String field = Schema.facetsConfig().getDimConfig(dim).indexFieldName;
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String value : values) {
      if (value == null || value.isBlank()) {
        throw new BadRequestException("filter '" + dim + "' has an empty value");
      }
      any.add(new TermQuery(DrillDownQuery.term(field, dim, value)), BooleanClause.Occur.SHOULD);
    }
    return any.build();
  }
}
