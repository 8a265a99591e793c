package org.dateline.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One search as a client asked for it, validated.
 *
 * @param filters facet filters by dimension; values within a dimension are OR-ed, dimensions AND-ed
 * @param from first publication day included, or null
 * @param to last publication day included, or null
 * @param page 1-based page number (ignored when a cursor is given)
 * @param cursor opaque search-after position from a previous response, or null
 * @param kwicLines how many KWIC lines per hit
 * @param facetSize how many values per facet dimension
 */
public record SearchRequest(
    String query,
    Map<String, List<String>> filters,
    LocalDate from,
    LocalDate to,
    SortOrder sort,
    int page,
    int size,
    String cursor,
    int kwicLines,
    int facetSize) {

  public static final int DEFAULT_SIZE = 10;
  public static final int MAX_SIZE = 100;
  public static final int DEFAULT_KWIC_LINES = 3;
  public static final int MAX_KWIC_LINES = 50;
  public static final int DEFAULT_FACET_SIZE = 10;
  public static final int MAX_FACET_SIZE = 1000;

  /** Page-number paging stops here; beyond it the cursor pages through any number of hits. */
  public static final int MAX_PAGE_DEPTH = 100_000;

  public SearchRequest {
    query = query == null ? "" : query.strip();
    filters = Map.copyOf(filters);
    sort = sort == null ? SortOrder.RELEVANCE : sort;
    if (size < 1 || size > MAX_SIZE) {
      throw new BadRequestException("size must be between 1 and " + MAX_SIZE + ", got " + size);
    }
    if (page < 1) {
      throw new BadRequestException("page must be 1 or more, got " + page);
    }
    if ((long) page * size > MAX_PAGE_DEPTH) {
      throw new BadRequestException(
          "page * size may not exceed "
              + MAX_PAGE_DEPTH
              + "; to go deeper, follow next_cursor (cursor=...) instead of page numbers");
    }
    if (kwicLines < 0 || kwicLines > MAX_KWIC_LINES) {
      throw new BadRequestException("kwic must be between 0 and " + MAX_KWIC_LINES);
    }
    if (facetSize < 0 || facetSize > MAX_FACET_SIZE) {
      throw new BadRequestException("facet_size must be between 0 and " + MAX_FACET_SIZE);
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw new BadRequestException("from (" + from + ") is after to (" + to + ")");
    }
  }

  /** A request for the first page of {@code query} with every default. */
  public static SearchRequest of(String query) {
    return new SearchRequest(
        query,
        Map.of(),
        null,
        null,
        SortOrder.RELEVANCE,
        1,
        DEFAULT_SIZE,
        null,
        DEFAULT_KWIC_LINES,
        DEFAULT_FACET_SIZE);
  }

  /** The same request without its facet filters (the base of a sideways count). */
  public SearchRequest withoutFilters() {
    return new SearchRequest(
        query, Map.of(), from, to, sort, page, size, cursor, kwicLines, facetSize);
  }

  /** The same request with other filter values (as matched to the archive's own values). */
  public SearchRequest withFilters(Map<String, List<String>> newFilters) {
    return new SearchRequest(
        query, newFilters, from, to, sort, page, size, cursor, kwicLines, facetSize);
  }

  public SearchRequest withCursor(String newCursor, int newSize) {
    return new SearchRequest(
        query, filters, from, to, sort, 1, newSize, newCursor, kwicLines, facetSize);
  }
}
