package org.dateline.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.dateline.config.Config;
import org.dateline.config.Limits;
import org.dateline.index.Schema;
import org.dateline.search.facet.FacetSearcher;
import org.dateline.search.facet.FacetSearcherFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Faceted keyword search with KWIC over one index, through a {@link SearcherManager}: every request
 * acquires the current searcher and releases it when done; a background thread refreshes it so new
 * articles become searchable within a second. Thread-safe.
 */
public final class SearchService implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(SearchService.class);

  private final Searchers manager;
  private final Directory directory;
  private final ScheduledExecutorService refresher;
  private final Limits limits;
  private final SearchRuntime runtime;

  private final RefreshTimes refreshTimes = new RefreshTimes();

  /** The archive's named entities: filters on names and "did you mean" ask them for spellings. */
  private final EntityService entities = new EntityService(this);

  private SearchService(
      Searchers manager,
      Directory directory,
      Limits limits,
      SearchRuntime runtime,
      long refreshMs) {
    this.manager = manager;
    this.directory = directory;
    this.limits = limits;
    this.runtime = runtime;
    manager.addListener(refreshTimes);
    this.refresher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "dateline-refresh");
              t.setDaemon(true);
              return t;
            });
    refresher.scheduleWithFixedDelay(
        this::refreshQuietly, refreshMs, refreshMs, TimeUnit.MILLISECONDS);
  }

  /**
   * Near-real-time search over what {@code writer} has written, committed or not, looking for new
   * articles every {@code refreshMs}.
   */
  public static SearchService nearRealTime(IndexWriter writer, Limits limits, long refreshMs)
      throws IOException {
    SearchRuntime runtime = new SearchRuntime(limits);
    return new SearchService(
        Searchers.of(
            new SearcherManager(writer, true, false, new FacetSearcherFactory(runtime.slices()))),
        writer.getDirectory(),
        limits,
        runtime,
        refreshMs);
  }

  /** {@link #nearRealTime(IndexWriter, Limits, long)} at the default refresh interval. */
  public static SearchService nearRealTime(IndexWriter writer, Limits limits) throws IOException {
    return nearRealTime(writer, limits, Config.DEFAULT_REFRESH_MS);
  }

  /**
   * Search over the last commit of the index in {@code dir}, looking for later commits every {@code
   * refreshMs}.
   */
  public static SearchService readOnly(Path dir, Limits limits, long refreshMs) throws IOException {
    return readOnly(dir, limits, refreshMs, false);
  }

  /**
   * {@link #readOnly(Path, Limits, long)} that returns at once: the index opens on a thread of its
   * own while the caller goes on (a server starts listening); every search waits for it, and {@link
   * #awaitOpen()} says whether it opened.
   */
  public static SearchService openingReadOnly(Path dir, Limits limits, long refreshMs)
      throws IOException {
    return readOnly(dir, limits, refreshMs, true);
  }

  private static SearchService readOnly(Path dir, Limits limits, long refreshMs, boolean background)
      throws IOException {
    Directory directory = FSDirectory.open(dir);
    SearchRuntime runtime = new SearchRuntime(limits);
    Searchers.Opener opener =
        () -> new SearcherManager(directory, new FacetSearcherFactory(runtime.slices()));
    return new SearchService(
        background ? Searchers.opening(opener) : Searchers.of(opener.open()),
        directory,
        limits,
        runtime,
        refreshMs);
  }

  /** Returns once the index is open; throws what kept it from opening. */
  public void awaitOpen() throws IOException {
    manager.manager();
  }

  /** {@link #readOnly(Path, Limits, long)} at the default refresh interval. */
  public static SearchService readOnly(Path dir, Limits limits) throws IOException {
    return readOnly(dir, limits, Config.DEFAULT_REFRESH_MS);
  }

  /** {@link #readOnly(Path, Limits)} with the default limits. */
  public static SearchService readOnly(Path dir) throws IOException {
    return readOnly(dir, Limits.defaults());
  }

  /** The entities of this service's archive (the catalog its index holds). */
  public EntityService entities() {
    return entities;
  }

  /** How long the refreshes that opened a new searcher took (for benchmarks). */
  public RefreshTimes.Summary refreshTimes() {
    return refreshTimes.summary();
  }

  private void refreshQuietly() {
    try {
      manager.maybeRefresh();
    } catch (IOException | RuntimeException e) {
      LOG.warn("index refresh failed: {}", e.getMessage());
    }
  }

  /** Makes everything written so far visible now (tests and the CLI call it after ingest). */
  public void refresh() throws IOException {
    manager.maybeRefreshBlocking();
  }

  /** One page of hits, the total, every facet and the date histogram of {@code request}. */
  public SearchResponse search(SearchRequest asked) throws IOException {
    return search(asked, false);
  }

  /**
   * {@link #search(SearchRequest)}; with {@code collapseStories}, one hit per story ({@link
   * StoryCollapse}), paged by page number only.
   */
  public SearchResponse search(SearchRequest asked, boolean collapseStories) throws IOException {
    if (collapseStories && asked.cursor() != null) {
      throw new BadRequestException("collapse=story pages by page number: leave out cursor");
    }
    long start = System.nanoTime();
    Deadline deadline = deadline();
    Query query = parse(asked);
    StageClock.lap("parse");
    FacetSearcher searcher = (FacetSearcher) manager.acquire();
    try {
      Query rewritten = rewrite(searcher, query, deadline);
      StageClock.lap("rewrite");
      FilterMatch.Result filters = FilterMatch.resolve(searcher, asked.filters(), entities);
      StageClock.lap("filters");
      SearchRequest request = asked.withFilters(filters.filters());
      FieldDoc after =
          request.cursor() == null ? null : Cursor.decode(request.sort(), request.cursor());
      int offset = after == null ? (request.page() - 1) * request.size() : 0;
      // One more than the page, to know whether a next page exists.
      int wanted = offset + request.size() + 1;
      SearchPlan.Answer answer =
          new SearchPlan(searcher, request, rewritten, deadline, after, wanted).run();
      StageClock.lap("plan_rest");
      deadline.check();
      EntityService.EntitySummary named = entities.named(request.query());
      StageClock.lap("entity");
      HitBuilder builder =
          new HitBuilder(
              searcher,
              rewritten,
              nameQuery(searcher, named, request, deadline),
              request.kwicLines(),
              deadline);
      HitPage page =
          collapseStories
              ? HitPage.ofStories(searcher, request, rewritten, offset, builder, deadline, answer)
              : HitPage.of(answer.top().scoreDocs, answer.total(), request, offset, builder);
      StageClock.lap("hits");
      List<Suggestion> didYouMean =
          answer.total() <= Suggestions.FEW_HITS && !(query instanceof MatchAllDocsQuery)
              ? suggestions(searcher, request, answer.total(), deadline)
              : List.of();
      StageClock.lap("suggest");
      long tookMs = (System.nanoTime() - start) / 1_000_000;
      return new SearchResponse(
          page.total(),
          tookMs,
          page.hits(),
          answer.facets(),
          page.next(),
          filters.unmatched(),
          didYouMean,
          named,
          answer.total());
    } catch (IndexSearcher.TooManyClauses e) {
      throw tooManyTerms();
    } finally {
      manager.release(searcher);
    }
  }

  /** The query's words as one phrase when they form the name {@code named}; else null. */
  Query nameQuery(
      IndexSearcher searcher,
      EntityService.EntitySummary named,
      SearchRequest request,
      Deadline deadline)
      throws IOException {
    return named == null
        ? null
        : rewrite(
            searcher, QueryFactory.parse("\"" + request.query().strip() + "\"", limits), deadline);
  }

  /** "Did you mean" for {@code request}, which found {@code hits} articles. */
  private List<Suggestion> suggestions(
      IndexSearcher searcher, SearchRequest request, long hits, Deadline deadline)
      throws IOException {
    Suggestions.Counter counter =
        text -> {
          try {
            return searcher.count(
                SearchPlan.drillDown(
                    rewrite(searcher, QueryFactory.parse(text, limits), deadline), request));
          } catch (BadRequestException e) {
            return 0; // a respelling that no longer parses finds nothing
          }
        };
    return Suggestions.of(
        searcher,
        request.query(),
        hits,
        entities.expandFromCatalog(request.query()),
        counter,
        deadline);
  }

  /** The limits this service answers within. */
  Limits limits() {
    return limits;
  }

  /** A new request's time limit (search_timeout_ms), started now. */
  Deadline deadline() {
    return Deadline.in(limits.searchTimeoutMs());
  }

  Query parse(SearchRequest request) {
    if (request.query().length() > limits.maxQueryChars()) {
      throw new LimitExceededException(
          "the query has "
              + request.query().length()
              + " characters; the limit is "
              + limits.maxQueryChars(),
          "max_query_chars",
          "--max-query-chars");
    }
    return QueryFactory.parse(request.query(), limits);
  }

  /**
   * {@code query} rewritten once for every pass of a request (a wildcard or fuzzy term walks the
   * term dictionary to find its words), within the request's time limit.
   */
  Query rewrite(IndexSearcher searcher, Query query, Deadline deadline) throws IOException {
    try {
      return BoundedRewrite.rewrite(searcher, query, deadline);
    } catch (IndexSearcher.TooManyClauses e) {
      throw tooManyTerms();
    }
  }

  private LimitExceededException tooManyTerms() {
    return new LimitExceededException(
        "a wildcard, prefix, fuzzy, regexp or range in the query"
            + " matches more than "
            + limits.maxQueryTerms()
            + " different words: make it more specific, e.g. a longer prefix before the *",
        "max_query_terms",
        "--max-query-terms");
  }

  /** Streams every hit of {@code request} in its sort order, however many, page by page. */
  public long export(SearchRequest request, HitSink sink) throws IOException {
    return export(request, false, sink);
  }

  /** {@link #export(SearchRequest, HitSink)}; with {@code collapseStories}, one hit per story. */
  public long export(SearchRequest request, boolean collapseStories, HitSink sink)
      throws IOException {
    long[] written = {0};
    forEachHit(
        request,
        collapseStories,
        request.kwicLines(),
        hit -> {
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
   * Walks the hits of {@code request} in its sort order with search-after, each with up to {@code
   * kwicLines} KWIC lines, until they run out or the visitor says stop.
   */
  void forEachHit(SearchRequest request, int kwicLines, HitVisitor visitor) throws IOException {
    new HitStream(this, entities).forEach(request, kwicLines, visitor);
  }

  /** {@link #forEachHit}; with {@code collapseStories}, one hit per story. */
  void forEachHit(SearchRequest request, boolean collapseStories, int kwicLines, HitVisitor visitor)
      throws IOException {
    new HitStream(this, entities).forEach(request, collapseStories, kwicLines, visitor);
  }

  /**
   * {@link #forEachHit(SearchRequest, boolean, int, HitVisitor)} within the search time limit: past
   * it the walk ends with {@link SearchTimeoutException}.
   */
  void forEachHitInTime(
      SearchRequest request, boolean collapseStories, int kwicLines, HitVisitor visitor)
      throws IOException {
    new HitStream(this, entities).forEach(request, collapseStories, kwicLines, deadline(), visitor);
  }

  /** The article with this id, or null. */
  public DocumentView document(String id) throws IOException {
    return document(id, null);
  }

  /**
   * The article with this id, or null, with the spans of its text that {@code query} matches (none
   * when the query is blank or matches every article).
   */
  public DocumentView document(String id, String query) throws IOException {
    return withSearcher(searcher -> DocumentReader.read(this, searcher, id, query));
  }

  /** The story {@code id} (16 hex digits) with its copies measured, or null when none has it. */
  public StoryDetail story(String id) throws IOException {
    Long story = org.dateline.index.StoryStamp.parse(id);
    if (story == null) {
      return null;
    }
    IndexSearcher searcher = manager.acquire();
    try {
      return StoryDiff.detail(searcher, story);
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
    T apply(IndexSearcher searcher) throws IOException;
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
    return withSearcher(searcher -> IndexStats.of((FacetSearcher) searcher, directory));
  }

  @Override
  public void close() throws IOException {
    refresher.shutdownNow();
    try {
      manager.close();
    } finally {
      runtime.close();
    }
  }
}
