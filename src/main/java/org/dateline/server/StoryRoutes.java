package org.dateline.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dateline.config.StartupTrace;
import org.dateline.search.BadRequestException;
import org.dateline.search.ScopedStories;
import org.dateline.search.SearchBackend;
import org.dateline.search.SearchRequest;
import org.dateline.search.SearchResponse;
import org.dateline.search.SearchService;
import org.dateline.search.StageClock;
import org.dateline.search.StoryDetail;
import org.dateline.search.StoryFacets;
import org.dateline.search.facet.FacetValue;

/**
 * Stories over HTTP: {@code GET /api/search} with its {@code collapse=story} switch (one hit per
 * story, {@code count=stories} to count facet values in stories) and {@code GET /api/stories/{id}}
 * (the copies of a story, each measured against the earliest). A key limited to some outlets or
 * dates sees every story as the copies in its scope make it. Translation only; the work is in
 * {@link SearchService}.
 */
final class StoryRoutes {

  /** The request header that asks for {@code Server-Timing}. */
  static final String TIMING_HEADER = "Dateline-Timing";

  /**
   * The response header that carries, with {@code Server-Timing}, the CPU milliseconds the
   * request's thread spent on it.
   */
  static final String CPU_HEADER = "Dateline-Thread-Cpu";

  private final SearchService search;
  private final SearchBackend backend;
  private final RequestReader reader;
  private final DeskRoutes desk;

  StoryRoutes(SearchService search, SearchBackend backend, RequestReader reader, DeskRoutes desk) {
    this.search = search;
    this.backend = backend;
    this.reader = reader;
    this.desk = desk;
  }

  void register(RoutesConfig routes) {
    routes.get("/api/search", this::search);
    routes.get("/api/stories/{id}", this::story);
  }

  /**
   * A client that sends the request header {@value #TIMING_HEADER} gets the server time of each
   * stage back in a {@code Server-Timing} header (benchmarks: {@code bench peer --stages}), and the
   * CPU its thread spent in {@value #CPU_HEADER}.
   */
  private void search(Context ctx) throws IOException {
    if (ctx.header(TIMING_HEADER) == null) {
      answer(ctx);
      StartupTrace.markOnce("first search answered");
      return;
    }
    StageClock clock = StageClock.start();
    try {
      answer(ctx);
      ctx.header(CPU_HEADER, clock.cpuMillis());
      ctx.header("Server-Timing", clock.stop("json"));
    } finally {
      StageClock.clear();
    }
  }

  private void answer(Context ctx) throws IOException {
    SearchRequest request = reader.read(ctx, Set.of("collapse", "count"));
    StageClock.lap("request");
    SearchResponse answer = backend.search(request, collapse(ctx));
    StageClock.lap("respond");
    if (countStories(ctx)) {
      answer = StoryFacets.count(search, request, answer);
    }
    // the desk's tags, counted as a facet of their own
    Map<String, List<FacetValue>> facets = new LinkedHashMap<>(answer.facets());
    facets.put("tag", desk.tagFacet(ctx, request));
    answer = answer.withFacets(facets);
    ReadScope scope = ApiAccess.scope(ctx);
    StageClock.lap("tags");
    ctx.json(scope == null ? answer : new ScopedStories(search, scope.copies()).narrow(answer));
  }

  /** {@code count=stories} counts facet values in stories; absent or {@code articles} does not. */
  static boolean countStories(Context ctx) {
    String c = ctx.queryParam("count");
    if (c == null || c.isBlank() || c.equals("articles")) {
      return false;
    }
    if (!c.equals("stories")) {
      throw new BadRequestException(
          "count must be articles or stories, got '" + SearchParams.abbreviate(c) + "'");
    }
    return true;
  }

  /** {@code collapse=story} collapses; absent, blank or {@code none} does not. */
  static boolean collapse(Context ctx) {
    String c = ctx.queryParam("collapse");
    if (c == null || c.isBlank() || c.equals("none")) {
      return false;
    }
    if (!c.equals("story")) {
      throw new BadRequestException("collapse must be story or none, got '" + c + "'");
    }
    return true;
  }

  private void story(Context ctx) throws IOException {
    // A key limited to some outlets or dates sees the story as the copies it may read make it.
    ReadScope scope = ApiAccess.scope(ctx);
    StoryDetail story =
        scope == null
            ? search.story(ctx.pathParam("id"))
            : new ScopedStories(search, scope.copies()).detail(ctx.pathParam("id"));
    if (story == null) {
      ApiServer.error(
          ctx,
          HttpStatus.NOT_FOUND,
          "not_found",
          "no story has id " + ctx.pathParam("id") + " (a story id is 16 hex digits)");
      return;
    }
    ctx.json(story);
  }
}
