package org.dateline.search;

import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.lucene.search.MatchAllDocsQuery;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.MultiFacets;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.dateline.config.Config;
import org.dateline.config.Limits;
import org.dateline.enrich.Article;
import org.dateline.index.Schema;
import org.dateline.search.FacetSearcherFactory.FacetSearcher;

/**
 * Faceted keyword search with KWIC over one index, through a {@link SearcherManager}: every request
 * acquires the current searcher and releases it when done; a background thread refreshes it so new
 * articles become searchable within a second. Thread-safe.
 */
public final class SearchService implements Closeable {

  /** Hits counted exactly before the top-hits pass may start skipping (Lucene's default). */
  private static final int TOTAL_HITS_THRESHOLD = 1000;

  /**
   * Searches segment slices in parallel (one thread per core, shared by every SearchService of
   * the JVM): on a large index a single request then uses both cores of a small machine.
   */
  /**
   * Runs the drill-down and sideways searches of a request filtered on several dimensions side
   * by side; kept apart from {@link #SLICES}, whose threads those searches use in turn.
   */
  private static final ExecutorService SIDEWAYS = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "dateline-search-sideways");
    t.setDaemon(true);
    return t;
  });

  private static final ExecutorService SLICES = Executors.newFixedThreadPool(
      Runtime.getRuntime().availableProcessors(), r -> {
        Thread t = new Thread(r, "dateline-search-slice");
        t.setDaemon(true);
        return t;
      });

  private final SearcherManager manager;
  private final Directory directory;
  private final ScheduledExecutorService refresher;
  private final Limits limits;

  private final RefreshTimes refreshTimes = new RefreshTimes();

  private SearchService(SearcherManager manager, Directory directory, Limits limits,
      long refreshMs) {
    this.manager = manager;
    this.directory = directory;
    this.limits = limits;
    manager.addListener(refreshTimes);
    // Lucene keeps this limit per process: it caps how many terms a wildcard may expand to.
    IndexSearcher.setMaxClauseCount(limits.maxQueryTerms());
    this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "dateline-refresh");
      t.setDaemon(true);
      return t;
    });
    refresher.scheduleWithFixedDelay(this::refreshQuietly, refreshMs, refreshMs,
        TimeUnit.MILLISECONDS);
  }

  /**
   * Near-real-time search over what {@code writer} has written, committed or not, looking for new
   * articles every {@code refreshMs}.
   */
  public static SearchService nearRealTime(IndexWriter writer, Limits limits, long refreshMs)
      throws IOException {
    return new SearchService(
        new SearcherManager(writer, true, false, new FacetSearcherFactory(SLICES)),
        writer.getDirectory(), limits, refreshMs);
  }

  /** {@link #nearRealTime(IndexWriter, Limits, long)} at the default refresh interval. */
  public static SearchService nearRealTime(IndexWriter writer, Limits limits) throws IOException {
    return nearRealTime(writer, limits, Config.DEFAULT_REFRESH_MS);
  }

  /**
   * Search over the last commit of the index in {@code dir}, looking for later commits every
   * {@code refreshMs}.
   */
  public static SearchService readOnly(java.nio.file.Path dir, Limits limits, long refreshMs)
      throws IOException {
    Directory directory = FSDirectory.open(dir);
    return new SearchService(new SearcherManager(directory, new FacetSearcherFactory(SLICES)),
        directory, limits, refreshMs);
  }

  /** {@link #readOnly(java.nio.file.Path, Limits, long)} at the default refresh interval. */
  public static SearchService readOnly(java.nio.file.Path dir, Limits limits) throws IOException {
    return readOnly(dir, limits, Config.DEFAULT_REFRESH_MS);
  }

  /** How long the refreshes that opened a new searcher took (for benchmarks). */
  public RefreshTimes.Summary refreshTimes() {
    return refreshTimes.summary();
  }

  /** {@link #readOnly(java.nio.file.Path, Limits)} with the default limits. */
  public static SearchService readOnly(java.nio.file.Path dir) throws IOException {
    return readOnly(dir, Limits.defaults());
  }

  private void refreshQuietly() {
    try {
      manager.maybeRefresh();
    } catch (IOException | RuntimeException e) {
      System.err.println("dateline: index refresh failed: " + e.getMessage());
    }
  }

  /** Makes everything written so far visible now (tests and the CLI call it after ingest). */
  public void refresh() throws IOException {
    manager.maybeRefreshBlocking();
  }

  public SearchResponse search(SearchRequest request) throws IOException {
    long start = System.nanoTime();
    QueryBudget.start(limits.searchTimeoutMs());
    try {
      Query userQuery = parse(request);
      return search(request, userQuery, start);
    } catch (IndexSearcher.TooManyClauses e) {
      throw tooManyTerms();
    } finally {
      QueryBudget.end();
    }
  }

  private Query parse(SearchRequest request) {
    if (request.query().length() > limits.maxQueryChars()) {
      throw new LimitExceededException("the query has " + request.query().length()
          + " characters; the limit is " + limits.maxQueryChars()
          + " (max_query_chars, --max-query-chars)");
    }
    return QueryFactory.parse(request.query(), limits);
  }

  private LimitExceededException tooManyTerms() {
    return new LimitExceededException("a wildcard, prefix, fuzzy, regexp or range in the query"
        + " matches more than " + limits.maxQueryTerms() + " different words (max_query_terms,"
        + " --max-query-terms): make it more specific, e.g. a longer prefix before the *");
  }

  private SearchResponse search(SearchRequest request, Query userQuery, long start)
      throws IOException {
    FacetSearcher searcher = (FacetSearcher) manager.acquire();
    try {
      // Rewritten once: a wildcard or fuzzy term walks the term dictionary to find its words, and
      // every pass below (top hits, counts, sideways counts, KWIC) would otherwise walk it again.
      Query rewritten = BoundedRewrite.rewrite(searcher, userQuery, limits.searchTimeoutMs());
      DrillDownQuery ddq = drillDown(rewritten, request);
      FieldDoc after = request.cursor() == null ? null : Cursor.decode(request.sort(), request.cursor());
      int offset = after == null ? (request.page() - 1) * request.size() : 0;
      // One more than the page, to know whether a next page exists.
      int wanted = offset + request.size() + 1;
      TopFieldDocs top;
      Facets facets = null;
      // The one filtered dimension whose counts come from `sideways` (multi-select: its counts
      // ignore its own filter), or null.
      String sidewaysDim = null;
      Facets sideways = null;
      FacetsCollector matching = null;
      List<FacetValue> dates = null;
      long total;
      boolean countFacets = request.facetSize() > 0;
      boolean everything = userQuery instanceof MatchAllDocsQuery && request.from() == null
          && request.to() == null;
      Set<String> filtered = new LinkedHashSet<>();
      request.filters().forEach((dim, values) -> {
        if (!values.isEmpty()) {
          filtered.add(dim);
        }
      });
      if (searcher.facetState == null || filtered.size() <= 1) {
        // Nothing or one dimension to count sideways: facets and the histogram come from a pass
        // that does not score, and the top hits from one that may skip documents that cannot
        // compete (block-max WAND), instead of scoring every match of a frequent term. Both
        // passes search segment slices in parallel.
        top = searcher.search(ddq, QueryBudget.bounded(new TopFieldCollectorManager(
            luceneSort(request.sort()), wanted, after, TOTAL_HITS_THRESHOLD)));
        if (everything && filtered.isEmpty()) {
          // Browsing the whole archive: counts and histogram are the searcher's own, counted once.
          facets = searcher.everyArticle();
          dates = searcher.everyDate();
          total = searcher.getIndexReader().numDocs();
        } else {
          matching = searcher.search(ddq, QueryBudget.bounded(new FacetsCollectorManager()));
          total = totalOf(matching);
          // A query that matches most of the archive is counted from the articles it leaves out.
          FacetsCollector outside = ComplementFacets.worthIt(searcher, total)
              ? ComplementFacets.outside(searcher, matching) : null;
          if (!countFacets) {
            facets = null; // facet_size=0 (the widget): no dimension is counted
          } else if (outside != null) {
            facets = ComplementFacets.of(searcher, outside);
          } else if (searcher.facetState != null) {
            facets = searcher.counts(matching);
          }
          dates = searcher.histogram(matching, outside, request.from(), request.to());
        }
        if (countFacets && !filtered.isEmpty() && searcher.facetState != null) {
          // The filtered dimension counts the query without its own filter (as DrillSideways
          // would); for a match-all query those are the searcher's counts of every article.
          sidewaysDim = filtered.iterator().next();
          sideways = everything ? searcher.everyArticle() : sidewaysCounts(searcher,
              drillDown(rewritten, request.withoutFilters()), sidewaysDim);
        }
      } else {
        TopFieldCollectorManager hitsManager = new TopFieldCollectorManager(
            luceneSort(request.sort()), wanted, after, Integer.MAX_VALUE);
        FacetSearcher counting = searcher; // DrillSideways has a field of that name
        DrillSideways ds = new DrillSideways(searcher, Schema.facetsConfig(), null,
            searcher.facetState, SIDEWAYS) {
          // Counted as every other request is (FacetOrdinals), each sideways dimension alone.
          @Override
          protected Facets buildFacetsResult(FacetsCollector drillDowns,
              FacetsCollector[] drillSideways, String[] drillSidewaysDims) throws IOException {
            Facets main = drillDowns == null ? null : counting.counts(drillDowns);
            Map<String, Facets> byDim = new java.util.HashMap<>();
            for (int i = 0; drillSideways != null && i < drillSideways.length; i++) {
              byDim.put(drillSidewaysDims[i], counting.counts(drillSideways[i],
                  drillSidewaysDims[i]));
            }
            return byDim.isEmpty() ? main : new MultiFacets(byDim, main);
          }
        };
        DrillSideways.ConcurrentDrillSidewaysResult<TopFieldDocs> result = ds.search(ddq,
            QueryBudget.bounded(hitsManager));
        top = result.collectorResult;
        facets = result.facets;
        matching = result.drillDownFacetsCollector != null
            ? result.drillDownFacetsCollector
            : searcher.search(ddq, QueryBudget.bounded(new FacetsCollectorManager()));
        total = top.totalHits.value();
      }
      QueryBudget.check();
      HitBuilder builder = new HitBuilder(searcher, rewritten, request.kwicLines());
      List<Hit> hits = new ArrayList<>();
      int end = Math.min(top.scoreDocs.length, offset + request.size());
      for (int i = offset; i < end; i++) {
        QueryBudget.check();
        hits.add(builder.build((FieldDoc) top.scoreDocs[i], request.sort()));
      }
      String next = top.scoreDocs.length > offset + request.size()
          ? Cursor.encode(request.sort(), (FieldDoc) top.scoreDocs[end - 1])
          : null;
      Map<String, List<FacetValue>> facetMap =
          facetValues(facets, sidewaysDim, sideways, request.facetSize());
      facetMap.put(Schema.DATE, dates != null ? dates
          : searcher.histogram(matching, null, request.from(), request.to()));
      long tookMs = (System.nanoTime() - start) / 1_000_000;
      return new SearchResponse(total, tookMs, hits, facetMap, next);
    } finally {
      manager.release(searcher);
    }
  }

  /** Counts of dimension {@code dim} alone over the matches of {@code base}. */
  private static Facets sidewaysCounts(FacetSearcher searcher, Query base, String dim)
      throws IOException {
    FacetsCollector hits = searcher.search(base, QueryBudget.bounded(new FacetsCollectorManager()));
    return ComplementFacets.count(searcher, hits, totalOf(hits), dim);
  }

  private static long totalOf(FacetsCollector hits) {
    long total = 0;
    for (FacetsCollector.MatchingDocs md : hits.getMatchingDocs()) {
      total += md.totalHits();
    }
    return total;
  }

  /** Streams every hit of {@code request} in its sort order, however many, page by page. */
  public long export(SearchRequest request, HitSink sink) throws IOException {
    long[] written = {0};
    forEachHit(request, request.kwicLines(), hit -> {
      sink.accept(hit);
      written[0]++;
      return true;
    });
    return written[0];
  }

  /** Receives exported hits one at a time. */
  @FunctionalInterface
  public interface HitSink {
    void accept(Hit hit) throws IOException;
  }

  /** Visits hits in order until it returns false. */
  @FunctionalInterface
  interface HitVisitor {
    boolean visit(Hit hit) throws IOException;
  }

  /**
   * Walks the hits of {@code request} in its sort order with search-after, each with up to
   * {@code kwicLines} KWIC lines, until they run out or the visitor says stop.
   */
  void forEachHit(SearchRequest request, int kwicLines, HitVisitor visitor) throws IOException {
    Query userQuery = parse(request);
    FacetSearcher searcher = (FacetSearcher) manager.acquire();
    try {
      Query rewritten;
      try {
        rewritten = BoundedRewrite.rewrite(searcher, userQuery, limits.searchTimeoutMs());
      } catch (IndexSearcher.TooManyClauses e) {
        throw tooManyTerms();
      }
      // Built on the rewritten query, so that each page of 1,000 does not expand wildcards anew.
      DrillDownQuery ddq = drillDown(rewritten, request);
      HitBuilder builder = new HitBuilder(searcher, rewritten, kwicLines);
      org.apache.lucene.search.Sort sort = luceneSort(request.sort());
      FieldDoc after = request.cursor() == null ? null : Cursor.decode(request.sort(), request.cursor());
      while (true) {
        TopDocs page = searcher.search(ddq, new TopFieldCollectorManager(sort, 1000, after, 1));
        if (page.scoreDocs.length == 0) {
          return;
        }
        for (var sd : page.scoreDocs) {
          if (!visitor.visit(builder.build((FieldDoc) sd, request.sort()))) {
            return;
          }
        }
        after = (FieldDoc) page.scoreDocs[page.scoreDocs.length - 1];
      }
    } finally {
      manager.release(searcher);
    }
  }

  private static DrillDownQuery drillDown(Query userQuery, SearchRequest request) {
    Query base = userQuery;
    if (request.from() != null || request.to() != null) {
      LocalDate from = request.from() == null ? LocalDate.of(1, 1, 1) : request.from();
      LocalDate to = request.to() == null ? LocalDate.of(9999, 12, 31) : request.to();
      base = new BooleanQuery.Builder()
          .add(userQuery, BooleanClause.Occur.MUST)
          .add(QueryFactory.dayRange(from, to), BooleanClause.Occur.FILTER)
          .build();
    }
    DrillDownQuery ddq = new DrillDownQuery(Schema.facetsConfig(), base);
    for (Map.Entry<String, List<String>> filter : request.filters().entrySet()) {
      if (!Schema.FACET_DIMS.contains(filter.getKey())) {
        throw new BadRequestException("unknown filter '" + filter.getKey() + "'; filters are "
            + String.join(", ", Schema.FACET_DIMS));
      }
      for (String value : filter.getValue()) {
        ddq.add(filter.getKey(), value);
      }
    }
    return ddq;
  }

  private static org.apache.lucene.search.Sort luceneSort(Sort sort) {
    SortField id = new SortField(Schema.ID, SortField.Type.STRING);
    return switch (sort) {
      case RELEVANCE -> new org.apache.lucene.search.Sort(SortField.FIELD_SCORE, id);
      case NEWEST -> new org.apache.lucene.search.Sort(dateSort(true), id);
      case OLDEST -> new org.apache.lucene.search.Sort(dateSort(false), id);
    };
  }

  /** Undated articles sort last in both directions. */
  private static SortField dateSort(boolean newestFirst) {
    SortField field = new SortField(Schema.DATE, SortField.Type.LONG, newestFirst);
    field.setMissingValue(newestFirst ? Long.MIN_VALUE : Long.MAX_VALUE);
    return field;
  }

  private static Map<String, List<FacetValue>> facetValues(Facets facets, String sidewaysDim,
      Facets sideways, int size) throws IOException {
    Map<String, List<FacetValue>> out = new LinkedHashMap<>();
    for (String dim : Schema.FACET_DIMS) {
      out.put(dim, topValues(dim.equals(sidewaysDim) ? sideways : facets, dim, size));
    }
    return out;
  }

  static List<FacetValue> topValues(Facets facets, String dim, int size)
      throws IOException {
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

  /** The article with this id, or null. */
  public DocumentView document(String id) throws IOException {
    return document(id, null);
  }

  /**
   * The article with this id, or null, with the spans of its text that {@code query} matches
   * (none when the query is blank or matches every article).
   */
  public DocumentView document(String id, String query) throws IOException {
    FacetSearcher searcher = (FacetSearcher) manager.acquire();
    try {
      TopDocs top = searcher.search(new TermQuery(new Term(Schema.ID, id)), 1);
      if (top.scoreDocs.length == 0) {
        return null;
      }
      int doc = top.scoreDocs[0].doc;
      Article a = Schema.toArticle(searcher.storedFields().document(doc));
      List<Span> matches = new ArrayList<>();
      if (query != null && !query.isBlank()) {
        Weight weight = searcher.createWeight(BoundedRewrite.rewrite(searcher,
            QueryFactory.parse(query, limits), limits.searchTimeoutMs()),
            ScoreMode.COMPLETE_NO_SCORES, 1f);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        for (int[] span : Kwic.spans(weight, leaf, doc - leaf.docBase)) {
          matches.add(new Span(span[0], span[1]));
        }
      }
      return new DocumentView(HitBuilder.hit(a, List.of(), 0, null), a.contentType(),
          a.contentHash(), a.mentions(), a.provenance(), matches, null, a.text());
    } finally {
      manager.release(searcher);
    }
  }

  /** Ids of the articles that came from the source file {@code path}, in index order. */
  public List<String> idsOfSource(String path) throws IOException {
    FacetSearcher searcher = (FacetSearcher) manager.acquire();
    try {
      TopDocs top = searcher.search(new TermQuery(new Term(Schema.PATH, path)), 10_000);
      List<String> ids = new ArrayList<>(top.scoreDocs.length);
      for (var sd : top.scoreDocs) {
        ids.add(searcher.storedFields().document(sd.doc).get(Schema.ID));
      }
      return ids;
    } finally {
      manager.release(searcher);
    }
  }

  /** Work done on the current searcher (acquired and released around {@code work}). */
  public interface SearcherWork<T> {
    T apply(org.apache.lucene.search.IndexSearcher searcher) throws IOException;
  }

  /** Runs {@code work} on the current searcher; for services built beside search (entities). */
  public <T> T withSearcher(SearcherWork<T> work) throws IOException {
    FacetSearcher searcher = (FacetSearcher) manager.acquire();
    try {
      return work.apply(searcher);
    } finally {
      manager.release(searcher);
    }
  }

  /** Counts and sizes of the whole archive. */
  public IndexStats stats() throws IOException {
    FacetSearcher searcher = (FacetSearcher) manager.acquire();
    try {
      long total = searcher.getIndexReader().numDocs();
      long dated = searcher.count(new FieldExistsQuery(Schema.DATE));
      List<FacetValue> outlets = List.of();
      if (searcher.facetState != null) {
        outlets = topValues(searcher.everyArticle(), Schema.OUTLET,
            1000);
      }
      long bytes = 0;
      for (String file : directory.listAll()) {
        bytes += directory.fileLength(file);
      }
      String lastIngest = null;
      if (SegmentInfos.getLastCommitGeneration(directory) >= 0) {
        lastIngest = SegmentInfos.readLatestCommit(directory).getUserData()
            .get(org.dateline.index.ArticleIndex.LAST_INGEST_KEY);
      }
      return new IndexStats(total, total - dated, outlets, bytes, lastIngest);
    } finally {
      manager.release(searcher);
    }
  }

  @Override
  public void close() throws IOException {
    refresher.shutdownNow();
    manager.close();
  }

  /** Turns stored documents into hits with KWIC lines, for one request on one searcher. */
  static final class HitBuilder {
    private final FacetSearcher searcher;
    private final Weight weight;
    private final List<LeafReaderContext> leaves;
    private final int kwicLines;
    /** The query's body terms when they alone decide its matches (Kwic.flatBodyTerms), or null. */
    private final Set<org.apache.lucene.util.BytesRef> bodyTerms;

    /** {@code rewritten}: the request's query after {@link IndexSearcher#rewrite(Query)}. */
    HitBuilder(FacetSearcher searcher, Query rewritten, int kwicLines) throws IOException {
      this.searcher = searcher;
      this.weight = searcher.createWeight(rewritten, ScoreMode.COMPLETE_NO_SCORES, 1f);
      this.bodyTerms = Kwic.flatBodyTerms(rewritten);
      this.leaves = searcher.getIndexReader().leaves();
      this.kwicLines = kwicLines;
    }

    Hit build(FieldDoc fd, Sort sort) throws IOException {
      Document doc = searcher.storedFields().document(fd.doc);
      Article a = Schema.toArticle(doc);
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(fd.doc, leaves));
      Kwic.Result kwic = Kwic.forHit(weight, bodyTerms, leaf, fd.doc - leaf.docBase, a.text(),
          kwicLines);
      Float score = sort == Sort.RELEVANCE ? (Float) fd.fields[0] : null;
      return hit(a, kwic.lines(), kwic.total(), score);
    }

    static Hit hit(Article a, List<KwicLine> kwic, int kwicTotal, Float score) {
      return new Hit(a.id(), a.title(), a.outlet(), isoDate(a), precision(a), a.url(), a.path(),
          a.agencies(), a.authors(), a.language(), entities(a), WrittenName.of(a.mentions()), kwic,
          kwicTotal, score);
    }

    public static String isoDate(Article a) {
      if (a.date() == null) {
        return null;
      }
      Instant instant = a.date().instant();
      return a.date().precision() == org.dateline.enrich.PubDate.Precision.DAY
          ? instant.atZone(ZoneOffset.UTC).toLocalDate().toString()
          : instant.toString();
    }

    static String precision(Article a) {
      return a.date() == null ? null : a.date().precision().jsonName();
    }

    static Map<String, List<String>> entities(Article a) {
      Map<String, List<String>> out = new LinkedHashMap<>();
      for (String dim : Schema.ENTITY_DIMS) {
        out.put(dim, a.entities().getOrDefault(dim, List.of()));
      }
      return out;
    }
  }
}
