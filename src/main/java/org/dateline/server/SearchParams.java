package org.dateline.server;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.lucene.search.IndexSearcher;
import org.dateline.index.Schema;
import org.dateline.search.BadRequestException;
import org.dateline.search.LimitExceededException;
import org.dateline.search.QueryFactory;
import org.dateline.search.SearchRequest;
import org.dateline.search.SortOrder;

/** Reads a {@link SearchRequest} from query parameters, rejecting anything it does not know. */
final class SearchParams {

  private static final Set<String> SCALARS =
      Set.of(
          "q",
          "from",
          "to",
          "sort",
          "page",
          "size",
          "cursor",
          "kwic",
          "facet_size",
          "format",
          "variants",
          "tag",
          "starred");

  /** A year ("2019") and a month ("2019-02"), compiled once: every search reads its dates. */
  private static final Pattern YEAR = Pattern.compile("\\d{4}");

  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

  private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]+");

  private SearchParams() {}

  /**
   * The request of {@code ctx}, narrowed to the scope of its key; {@code extra} names the route's
   * own parameters besides the search ones.
   */
  static SearchRequest read(Context ctx, Set<String> extra) {
    Map<String, List<String>> params = ctx.queryParamMap();
    Set<String> unknown = new TreeSet<>();
    for (String name : params.keySet()) {
      if (!SCALARS.contains(name) && !extra.contains(name) && !Schema.FACET_DIMS.contains(name)) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      throw new BadRequestException(
          "unknown parameter(s) "
              + unknown
              + "; known: q, "
              + String.join(", ", Schema.FACET_DIMS)
              + ", from, to, sort, page, size, cursor, kwic,"
              + " facet_size, variants, tag, starred"
              + (extra.isEmpty() ? "" : ", " + String.join(", ", new TreeSet<>(extra))));
    }
    Map<String, List<String>> filters = new LinkedHashMap<>();
    for (String dim : Schema.FACET_DIMS) {
      List<String> given = params.get(dim);
      if (given == null) {
        continue;
      }
      List<String> values = given.stream().filter(v -> !v.isBlank()).toList();
      if (!values.isEmpty()) {
        filters.put(dim, values);
      }
    }
    boundFilters(filters);
    return ApiAccess.pin(
        ctx,
        new SearchRequest(
            ctx.queryParam("q"),
            filters,
            day(ctx.queryParam("from"), "from", true),
            day(ctx.queryParam("to"), "to", false),
            SortOrder.parse(ctx.queryParam("sort")),
            integer(ctx.queryParam("page"), "page", 1),
            integer(ctx.queryParam("size"), "size", SearchRequest.DEFAULT_SIZE),
            blankToNull(ctx.queryParam("cursor")),
            integer(ctx.queryParam("kwic"), "kwic", SearchRequest.DEFAULT_KWIC_LINES),
            integer(ctx.queryParam("facet_size"), "facet_size", SearchRequest.DEFAULT_FACET_SIZE)));
  }

  /**
   * Refuses more filter values in all than a query may have clauses ({@code max_query_terms}; each
   * value is one clause): the search would fail on them anyway, and be blamed on a wildcard the
   * request may not have. (Values just under the limit plus the query's own words can still reach
   * it; then the search's own message answers.)
   */
  static void boundFilters(Map<String, List<String>> filters) {
    int n = filters.values().stream().mapToInt(List::size).sum();
    int max = maxFilterValues();
    if (n > max) {
      throw new LimitExceededException(
          "the filters name "
              + n
              + " values; the limit is "
              + max
              + ": filter on fewer outlets, names, places or types at once, or split the search",
          "max_query_terms",
          "--max-query-terms");
    }
  }

  /** Most filter values one request may name: {@code max_query_terms}. */
  static int maxFilterValues() {
    return IndexSearcher.getMaxClauseCount();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  static int integer(String value, String name, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    String v = value.strip();
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      if (WHOLE_NUMBER.matcher(v).matches()) {
        throw new BadRequestException(
            name
                + " is out of range: it must be a whole number from "
                + Integer.MIN_VALUE
                + " to "
                + Integer.MAX_VALUE
                + ", got '"
                + abbreviate(value)
                + "'");
      }
      throw new BadRequestException(
          name + " must be a whole number, got '" + abbreviate(value) + "'");
    }
  }

  /** "2019-02-23", "2019-02" or "2019"; a month or year means its first or last day. */
  static LocalDate day(String value, String name, boolean start) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    try {
      if (YEAR.matcher(v).matches()) {
        int year = Integer.parseInt(v);
        return start ? LocalDate.of(year, 1, 1) : LocalDate.of(year, 12, 31);
      }
      if (MONTH.matcher(v).matches()) {
        YearMonth ym = YearMonth.parse(v);
        return start ? ym.atDay(1) : ym.atEndOfMonth();
      }
      return QueryFactory.checkDay(LocalDate.parse(v), name);
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new BadRequestException(
          name
              + " must be an ISO date such as 2019-02-23 (or 2019-02,"
              + " or 2019), got '"
              + abbreviate(value)
              + "'");
    }
  }

  static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }
}
