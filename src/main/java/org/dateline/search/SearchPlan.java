package org.dateline.search;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;
import org.dateline.index.Schema;
import org.dateline.search.facet.ComplementFacets;
import org.dateline.search.facet.FacetSearcher;
import org.dateline.search.facet.FacetValue;

/**
 * How one search request is answered on one searcher: its top hits, how many match, and the counts
 * of every facet and of the date histogram. The request's shape picks one of three paths, each a
 * method of its own:
 *
 * <ul>
 *   <li>{@link Path#BROWSE_ALL}: no query, no date range, no filter: the counts are the searcher's
 *       own counts of every article, computed once per searcher;
 *   <li>{@link Path#ONE_FILTER}: a query, a date range or a filter on one dimension: one pass for
 *       the top hits (which may skip what cannot compete) that keeps the matches when it saw them
 *       all, else one that counts; with a filter, the filtered dimension is counted without its own
 *       filter, so its other values keep their counts (multi-select), and the query's matches
 *       without the filter give the top hits and the counts in one pass ({@link SidewaysPass});
 *   <li>{@link Path#SEVERAL_FILTERS}: filters on two or more dimensions: DrillSideways' counts,
 *       each filtered dimension counted without its own filter, in one pass with the top hits.
 * </ul>
 */
final class SearchPlan {

  /** Hits counted exactly before the top-hits pass may start skipping (Lucene's default). */
  private static final int TOTAL_HITS_THRESHOLD = 1000;

  enum Path {
    BROWSE_ALL,
    ONE_FILTER,
    SEVERAL_FILTERS
  }

  /**
   * What the passes found: the top hits (one more than the page), the total, every facet, and the
   * pass over every match (null when none was made: browsing everything), which collapse=story
   * counts its stories from.
   */
  record Answer(
      TopFieldDocs top,
      long total,
      Map<String, List<FacetValue>> facets,
      FacetsCollector matching) {}

  private final FacetSearcher searcher;
  private final SearchRequest request;
  private final Query rewritten;
  private final DrillDownQuery drillDown;
  private final Deadline deadline;
  private final FieldDoc after;
  private final int wanted;

  /** A match-all query without a date range (filters aside). */
  private final boolean everything;

  /** The dimensions the request filters on, in request order. */
  private final List<String> filtered;

  /**
   * {@code rewritten}: the request's query rewritten once on {@code searcher} (a wildcard walks the
   * term dictionary, and every pass would otherwise walk it again); {@code wanted}: how many top
   * hits to collect after {@code after}.
   */
  SearchPlan(
      FacetSearcher searcher,
      SearchRequest request,
      Query rewritten,
      Deadline deadline,
      FieldDoc after,
      int wanted) {
    this.searcher = searcher;
    this.request = request;
    this.rewritten = rewritten;
    this.drillDown = drillDown(rewritten, request);
    this.deadline = deadline;
    this.after = after;
    this.wanted = wanted;
    this.everything =
        rewritten instanceof MatchAllDocsQuery
            && request.from() == null
            && request.to() == null
            && !request.filters().containsKey(Schema.ID);
    this.filtered =
        request.filters().entrySet().stream()
            .filter(e -> !e.getValue().isEmpty() && !e.getKey().equals(Schema.ID))
            .map(Map.Entry::getKey)
            .toList();
  }

  Path path() {
    if (everything && filtered.isEmpty()) {
      return Path.BROWSE_ALL;
    }
    return filtered.size() <= 1 || !searcher.hasFacets() ? Path.ONE_FILTER : Path.SEVERAL_FILTERS;
  }

  Answer run() throws IOException {
    return switch (path()) {
      case BROWSE_ALL -> browseAll();
      case ONE_FILTER -> oneFilter();
      case SEVERAL_FILTERS -> severalFilters();
    };
  }

  private Answer browseAll() throws IOException {
    TopFieldDocs top = topHits();
    return new Answer(
        top,
        searcher.getIndexReader().numDocs(),
        facetValues(searcher.everyArticle(), null, null, searcher.everyDate()),
        null);
  }

  private Answer oneFilter() throws IOException {
    boolean count = request.facetSize() > 0 && searcher.hasFacets();
    String sidewaysDim = count && !filtered.isEmpty() ? filtered.get(0) : null;
    TopFieldDocs top;
    FacetsCollector matching;
    FacetsCollector sidewaysHits = null;
    if (sidewaysDim != null && !everything) {
      // The query's matches are counted without the filter anyway: rank and count in that pass.
      SidewaysPass.Result passed = SidewaysPass.run(searcher, drillDown, topManager(), deadline);
      top = passed.top();
      matching = passed.all();
      sidewaysHits = passed.sideways().get(0);
    } else {
      TopAndMatches.Result first = topAndMatches();
      top = first.top();
      matching = matching(first);
    }
    StageClock.lap("top");
    long total = totalOf(matching);
    StageClock.lap("match");
    // A query that matches most of the archive is counted from the articles it leaves out.
    FacetsCollector outside =
        ComplementFacets.worthIt(searcher, total)
            ? ComplementFacets.outside(searcher, matching)
            : null;
    Facets facets =
        !count
            ? null
            : outside != null ? ComplementFacets.of(searcher, outside) : searcher.counts(matching);
    StageClock.lap("facets");
    Facets sideways = null;
    if (sidewaysDim != null) {
      // Counted without its own filter (as DrillSideways would); for a match-all query those are
      // the searcher's counts of every article.
      sideways =
          everything
              ? searcher.everyArticle()
              : ComplementFacets.count(searcher, sidewaysHits, totalOf(sidewaysHits), sidewaysDim);
    }
    StageClock.lap("sideways");
    List<FacetValue> dates = searcher.histogram(matching, outside, request.from(), request.to());
    StageClock.lap("histogram");
    return new Answer(top, total, facetValues(facets, sidewaysDim, sideways, dates), matching);
  }

  /**
   * Filters on two or more dimensions, counted as Lucene's DrillSideways counts them (each filtered
   * dimension without its own filter, the others over every filter), on the request's own thread
   * (DrillSideways' executor hand-offs made this path twice as slow, docs/figures-issue-20.md), in
   * one pass with the top hits ({@link SidewaysPass}).
   */
  private Answer severalFilters() throws IOException {
    boolean count = request.facetSize() > 0;
    TopFieldDocs top;
    FacetsCollector matching;
    List<FacetsCollector> sidewaysHits = List.of();
    if (count) {
      SidewaysPass.Result passed = SidewaysPass.run(searcher, drillDown, topManager(), deadline);
      top = passed.top();
      matching = passed.all();
      sidewaysHits = passed.sideways();
    } else {
      TopAndMatches.Result first = topAndMatches();
      top = first.top();
      matching = matching(first);
    }
    StageClock.lap("top");
    long total = totalOf(matching);
    StageClock.lap("match");
    Facets facets = count ? searcher.counts(matching) : null;
    StageClock.lap("facets");
    Map<String, Facets> sideways = new HashMap<>();
    for (int i = 0; i < sidewaysHits.size(); i++) {
      FacetsCollector hits = sidewaysHits.get(i);
      String dim = filtered.get(i);
      sideways.put(dim, ComplementFacets.count(searcher, hits, totalOf(hits), dim));
    }
    StageClock.lap("sideways");
    List<FacetValue> dates = searcher.histogram(matching, null, request.from(), request.to());
    StageClock.lap("histogram");
    return new Answer(top, total, facetValues(facets, sideways, dates), matching);
  }

  /**
   * Top hits without scoring every match of a frequent term: the pass may skip documents that
   * cannot compete (block-max WAND) once {@link #TOTAL_HITS_THRESHOLD} are counted.
   */
  private TopFieldDocs topHits() throws IOException {
    return searcher.search(
        drillDown,
        deadline.bound(
            new TopFieldCollectorManager(
                sort(request.sort()), wanted, after, TOTAL_HITS_THRESHOLD)));
  }

  /** {@link #topHits}, keeping the matches when it saw them all ({@link TopAndMatches}). */
  private TopAndMatches.Result topAndMatches() throws IOException {
    return searcher.search(drillDown, deadline.bound(new TopAndMatches(topManager())));
  }

  /** The collector of the request's top hits, one more than the page, after the cursor. */
  private TopFieldCollectorManager topManager() {
    return new TopFieldCollectorManager(sort(request.sort()), wanted, after, TOTAL_HITS_THRESHOLD);
  }

  /** Every match of the request: kept by the top-hits pass, or counted in a pass of its own. */
  private FacetsCollector matching(TopAndMatches.Result first) throws IOException {
    return first.matching() != null
        ? first.matching()
        : searcher.search(drillDown, deadline.bound(new FacetsCollectorManager()));
  }

  private Map<String, List<FacetValue>> facetValues(
      Facets facets, String sidewaysDim, Facets sideways, List<FacetValue> dates)
      throws IOException {
    return facetValues(
        facets, sidewaysDim == null ? Map.of() : Map.of(sidewaysDim, sideways), dates);
  }

  /** Every dimension's top values: from {@code sideways} for the dimensions it holds. */
  private Map<String, List<FacetValue>> facetValues(
      Facets facets, Map<String, Facets> sideways, List<FacetValue> dates) throws IOException {
    Map<String, List<FacetValue>> out = new LinkedHashMap<>();
    for (String dim : Schema.FACET_DIMS) {
      out.put(dim, FacetValue.top(sideways.getOrDefault(dim, facets), dim, request.facetSize()));
    }
    out.put(Schema.DATE, dates);
    return out;
  }

  private static long totalOf(FacetsCollector hits) {
    long total = 0;
    for (FacetsCollector.MatchingDocs md : hits.getMatchingDocs()) {
      total += md.totalHits();
    }
    return total;
  }

  /** The request's query, date range and filters as one Lucene query. */
  static DrillDownQuery drillDown(Query query, SearchRequest request) {
    Query base = query;
    if (request.from() != null || request.to() != null) {
      LocalDate from = request.from() == null ? LocalDate.of(1, 1, 1) : request.from();
      LocalDate to = request.to() == null ? LocalDate.of(9999, 12, 31) : request.to();
      base =
          new BooleanQuery.Builder()
              .add(query, BooleanClause.Occur.MUST)
              .add(QueryFactory.dayFilter(from, to), BooleanClause.Occur.FILTER)
              .build();
    }
    List<String> ids = request.filters().get(Schema.ID);
    if (ids != null) {
      // a set of articles (those a desk tagged or starred), not a facet value
      base =
          new BooleanQuery.Builder()
              .add(base, BooleanClause.Occur.MUST)
              .add(
                  new TermInSetQuery(Schema.ID, ids.stream().map(BytesRef::new).toList()),
                  BooleanClause.Occur.FILTER)
              .build();
    }
    DrillDownQuery ddq = new DrillDownQuery(Schema.facetsConfig(), base);
    for (Map.Entry<String, List<String>> filter : request.filters().entrySet()) {
      if (filter.getKey().equals(Schema.ID)) {
        continue;
      }
      if (!Schema.FACET_DIMS.contains(filter.getKey())) {
        throw new BadRequestException(
            "unknown filter '"
                + filter.getKey()
                + "'; filters are "
                + String.join(", ", Schema.FACET_DIMS));
      }
      for (String value : filter.getValue()) {
        ddq.add(filter.getKey(), value);
      }
    }
    return ddq;
  }

  /** The Lucene sort of {@code order}, ties broken by article id (so cursors are stable). */
  static Sort sort(SortOrder order) {
    SortField id = new SortField(Schema.ID, SortField.Type.STRING);
    return switch (order) {
      case RELEVANCE -> new Sort(SortField.FIELD_SCORE, id);
      case NEWEST -> new Sort(dateSort(true), id);
      case OLDEST -> new Sort(dateSort(false), id);
    };
  }

  /** Undated articles sort last in both directions. */
  private static SortField dateSort(boolean newestFirst) {
    SortField field = new SortField(Schema.DATE, SortField.Type.LONG, newestFirst);
    field.setMissingValue(newestFirst ? Long.MIN_VALUE : Long.MAX_VALUE);
    return field;
  }
}
