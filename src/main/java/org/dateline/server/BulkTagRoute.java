package org.dateline.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Set;
import org.dateline.index.DeskStore;
import org.dateline.search.BadRequestException;
import org.dateline.search.HitIds;
import org.dateline.search.SearchRequest;
import org.dateline.search.SearchService;

/**
 * {@code POST /api/tags/{tag}?q=...} tags every hit of a search in one request ({@code DELETE}
 * removes the tag from them), with a write key and within the key's read scope. Bounded: at most
 * {@code limit} hits (default and most {@value #MAX_HITS}) in the search's sort order; the answer
 * says how many it tagged, how many had the tag already and whether the search had more hits.
 */
final class BulkTagRoute {

  /** The most hits one request tags. */
  static final int MAX_HITS = 10_000;

  /** The answer: what was asked, what was done, and whether hits were left untouched. */
  record Report(
      String tag,
      String query,
      boolean tagged,
      int hits,
      int changed,
      int unchanged,
      int limit,
      boolean truncated,
      String message) {}

  private final SearchService search;
  private final DeskStore desk;
  private final RequestReader reader;

  BulkTagRoute(SearchService search, DeskStore desk, RequestReader reader) {
    this.search = search;
    this.desk = desk;
    this.reader = reader;
  }

  void register(RoutesConfig routes) {
    routes.post("/api/tags/{tag}", ctx -> handle(ctx, true));
    routes.delete("/api/tags/{tag}", ctx -> handle(ctx, false));
  }

  private void handle(Context ctx, boolean on) throws IOException {
    ApiAccess.requireWrite(ctx);
    String tag = DeskRoutes.tagOf(ctx);
    SearchRequest request = reader.read(ctx, Set.of("limit"));
    if (request.query().isEmpty()
        && request.filters().isEmpty()
        && request.from() == null
        && request.to() == null) {
      throw new BadRequestException(
          "say which articles to tag: q=... (q=* for all of them), a filter or a date range");
    }
    int limit = SearchParams.integer(ctx.queryParam("limit"), "limit", MAX_HITS);
    if (limit < 1 || limit > MAX_HITS) {
      throw new BadRequestException("limit must be between 1 and " + MAX_HITS + ", got " + limit);
    }
    HitIds.Walk walk = HitIds.first(search, request, limit);
    int changed = desk.tagAll(walk.ids(), tag, on);
    String done = on ? "tagged" : "untagged";
    String message =
        walk.more()
            ? "the search has more than "
                + limit
                + " hits: the first "
                + limit
                + " in its sort order were "
                + done
                + ", the rest were not; narrow the search, or "
                + (on ? "tag" : "untag")
                + " the rest with a filter such as a date range"
            : "every hit of the search was " + done;
    ctx.json(
        new Report(
            tag,
            request.query(),
            on,
            walk.ids().size(),
            changed,
            walk.ids().size() - changed,
            limit,
            walk.more(),
            message));
  }
}
