package org.dateline.solr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.Query;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.response.json.BucketBasedJsonFacet;
import org.apache.solr.client.solrj.response.json.NestableJsonFacet;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.dateline.config.Limits;
import org.dateline.index.Schema;
import org.dateline.search.BadRequestException;
import org.dateline.search.DocumentView;
import org.dateline.search.Hit;
import org.dateline.search.Hits;
import org.dateline.search.SearchBackend;
import org.dateline.search.SearchRequest;
import org.dateline.search.SearchResponse;
import org.dateline.search.SearchService;
import org.dateline.search.SortOrder;
import org.dateline.search.Span;
import org.dateline.search.facet.FacetValue;

/**
 * Searches answered by a SolrCloud collection: the same requests, facets, histogram, KWIC and
 * cursors as the embedded index, counted by Solr across its shards. Facets are JSON Facet terms
 * facets with {@code refine:true} (exact counts from every shard), each filtered dimension counted
 * without its own filter ({@code excludeTags}); paging and export use {@code cursorMark}.
 * Thread-safe.
 */
public final class SolrBackend implements SearchBackend {

  /** Articles per request when exporting. */
  static final int EXPORT_PAGE = 1000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SolrNodes nodes;
  private final String collection;
  private final Limits limits;
  private final int exportPage;

  /** Searches of {@code collection} on {@code nodes}, within {@code limits}. */
  public SolrBackend(SolrNodes nodes, String collection, Limits limits) {
    this(nodes, collection, limits, EXPORT_PAGE);
  }

  /** With {@code exportPage} articles per export request (tests use small pages). */
  public SolrBackend(SolrNodes nodes, String collection, Limits limits, int exportPage) {
    this.nodes = nodes;
    this.collection = collection;
    this.limits = limits;
    this.exportPage = exportPage;
  }

  private static void refuseCollapse(boolean collapseStories) {
    if (collapseStories) {
      throw new BadRequestException(
          "collapse=story is not available on the Solr backend yet; leave it out");
    }
  }

  @Override
  public SearchResponse search(SearchRequest request, boolean collapseStories) throws IOException {
    refuseCollapse(collapseStories);
    long start = System.nanoTime();
    Query parsed = SolrQueries.parse(request.query(), limits);
    ModifiableSolrParams p = SolrQueries.matching(request, parsed);
    p.set("sort", SolrQueries.sort(request.sort()));
    p.set("fl", SolrQueries.fieldList(request.sort()));
    p.set("rows", request.size());
    String mark = null;
    if (request.cursor() != null || request.page() == 1) {
      mark = request.cursor() == null ? CursorMarkParams.CURSOR_MARK_START : request.cursor();
      p.set(CursorMarkParams.CURSOR_MARK_PARAM, mark);
    } else {
      p.set("start", (request.page() - 1) * request.size());
    }
    boolean spanKnown = request.from() != null && request.to() != null;
    p.set("json.facet", json(facets(request, spanKnown)));
    QueryResponse rsp = nodes.ask(node -> node.query(collection, p, SolrRequest.METHOD.POST));
    List<Hit> hits =
        SolrHits.of(
            rsp, new SolrKwic(parsed), request.kwicLines(), request.sort() == SortOrder.RELEVANCE);
    long total = rsp.getResults().getNumFound();
    Map<String, List<FacetValue>> facets = facetValues(request, rsp.getJsonFacetingResponse());
    facets.put(Schema.DATE, histogram(request, parsed, rsp.getJsonFacetingResponse()));
    String next = nextCursor(request, mark, rsp.getNextCursorMark(), hits.size(), total);
    long tookMs = (System.nanoTime() - start) / 1_000_000;
    return new SearchResponse(total, tookMs, hits, facets, next, List.of(), List.of(), null, total);
  }

  private static String nextCursor(
      SearchRequest request, String mark, String nextMark, int returned, long total) {
    if (mark == null || nextMark == null || nextMark.equals(mark) || returned < request.size()) {
      return null;
    }
    return request.cursor() == null && total <= request.size() ? null : nextMark;
  }

  /** Every terms facet, plus the histogram's span (and its buckets when the span is known). */
  private static Map<String, Object> facets(SearchRequest request, boolean spanKnown) {
    Map<String, Object> facets = new LinkedHashMap<>();
    if (request.facetSize() > 0) {
      for (String dim : Schema.FACET_DIMS) {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("type", "terms");
        terms.put("field", SolrFields.facet(dim));
        terms.put("limit", request.facetSize());
        terms.put("mincount", 1);
        terms.put("refine", true);
        List<String> values = request.filters().get(dim);
        if (values != null && !values.isEmpty()) {
          terms.put("domain", Map.of("excludeTags", List.of(dim)));
        }
        facets.put(dim, terms);
      }
    }
    SolrHistogram.addSpan(facets);
    if (spanKnown) {
      facets.put(SolrHistogram.BUCKETS, SolrHistogram.range(request.from(), request.to()));
    }
    return facets;
  }

  private static Map<String, List<FacetValue>> facetValues(
      SearchRequest request, NestableJsonFacet counted) {
    Map<String, List<FacetValue>> out = new LinkedHashMap<>();
    for (String dim : Schema.FACET_DIMS) {
      BucketBasedJsonFacet terms =
          counted == null || request.facetSize() == 0 ? null : counted.getBucketBasedFacets(dim);
      List<FacetValue> values = new ArrayList<>();
      if (terms != null) {
        terms
            .getBuckets()
            .forEach(b -> values.add(new FacetValue((String) b.getVal(), b.getCount())));
      }
      out.put(dim, values);
    }
    return out;
  }

  /**
   * The date buckets: counted in the first request when the request gave both ends of its range,
   * else in a second one over the first and last day the first request found.
   */
  private List<FacetValue> histogram(SearchRequest request, Query parsed, NestableJsonFacet counted)
      throws IOException {
    long undated =
        counted == null || counted.getQueryFacet(SolrHistogram.UNDATED) == null
            ? 0
            : counted.getQueryFacet(SolrHistogram.UNDATED).getCount();
    Object first = counted == null ? null : counted.getStatValue(SolrHistogram.FIRST);
    Object last = counted == null ? null : counted.getStatValue(SolrHistogram.LAST);
    if (first == null || last == null) {
      return List.of(new FacetValue(SolrHistogram.UNDATED, undated));
    }
    LocalDate lo = request.from() != null ? request.from() : SolrHistogram.day(first);
    LocalDate hi = request.to() != null ? request.to() : SolrHistogram.day(last);
    BucketBasedJsonFacet buckets = counted.getBucketBasedFacets(SolrHistogram.BUCKETS);
    if (buckets == null) {
      ModifiableSolrParams p = SolrQueries.matching(request, parsed);
      p.set("rows", 0);
      p.set("json.facet", json(Map.of(SolrHistogram.BUCKETS, SolrHistogram.range(lo, hi))));
      QueryResponse rsp = nodes.ask(node -> node.query(collection, p, SolrRequest.METHOD.POST));
      buckets = rsp.getJsonFacetingResponse().getBucketBasedFacets(SolrHistogram.BUCKETS);
    }
    return SolrHistogram.buckets(
        buckets == null ? List.of() : buckets.getBuckets(), lo, hi, undated);
  }

  @Override
  public long export(SearchRequest request, boolean collapseStories, SearchService.HitSink sink)
      throws IOException {
    refuseCollapse(collapseStories);
    Query parsed = SolrQueries.parse(request.query(), limits);
    SolrKwic kwic = new SolrKwic(parsed);
    ModifiableSolrParams p = SolrQueries.matching(request, parsed);
    p.set("sort", SolrQueries.sort(request.sort()));
    p.set("fl", SolrQueries.fieldList(request.sort()));
    p.set("rows", exportPage);
    boolean scored = request.sort() == SortOrder.RELEVANCE;
    String mark = request.cursor() == null ? CursorMarkParams.CURSOR_MARK_START : request.cursor();
    long written = 0;
    while (true) {
      p.set(CursorMarkParams.CURSOR_MARK_PARAM, mark);
      QueryResponse rsp = nodes.ask(node -> node.query(collection, p, SolrRequest.METHOD.POST));
      for (Hit hit : SolrHits.of(rsp, kwic, request.kwicLines(), scored)) {
        sink.accept(hit);
        written++;
      }
      String next = rsp.getNextCursorMark();
      if (next == null || next.equals(mark) || rsp.getResults().isEmpty()) {
        return written;
      }
      mark = next;
    }
  }

  @Override
  public DocumentView document(String id, String query) throws IOException {
    ModifiableSolrParams p = new ModifiableSolrParams();
    p.set("q", "{!term f=" + Schema.ID + " v=$article}");
    p.set("article", id);
    p.set("fl", SolrQueries.fieldList(SortOrder.NEWEST));
    QueryResponse rsp = nodes.ask(node -> node.query(collection, p, SolrRequest.METHOD.POST));
    if (rsp.getResults().isEmpty()) {
      return null;
    }
    var article = SolrHits.article(rsp.getResults().get(0));
    List<Span> matches = new ArrayList<>();
    if (query != null && !query.isBlank()) {
      for (int[] span : new SolrKwic(SolrQueries.parse(query, limits)).spans(article)) {
        matches.add(new Span(span[0], span[1]));
      }
    }
    return Hits.document(article, matches);
  }

  private static String json(Map<String, Object> facets) {
    try {
      return JSON.writeValueAsString(facets);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("facet request cannot be written", e);
    }
  }
}
