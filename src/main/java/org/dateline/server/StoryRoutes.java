package org.dateline.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.Set;
import org.dateline.search.BadRequestException;
import org.dateline.search.SearchBackend;
import org.dateline.search.SearchService;
import org.dateline.search.StoryDetail;

/**
 * Stories over HTTP: {@code GET /api/search} with its {@code collapse=story} switch (one hit per
 * story) and {@code GET /api/stories/{id}} (the copies of a story, each measured against the
 * earliest). Translation only; the work is in {@link SearchService}.
 */
final class StoryRoutes {

  private final SearchService search;
  private final SearchBackend backend;
  private final RequestReader reader;

  StoryRoutes(SearchService search, SearchBackend backend, RequestReader reader) {
    this.search = search;
    this.backend = backend;
    this.reader = reader;
  }

  void register(RoutesConfig routes) {
    routes.get("/api/search", this::search);
    routes.get("/api/stories/{id}", this::story);
  }

  private void search(Context ctx) throws IOException {
    ctx.json(backend.search(reader.read(ctx, Set.of("collapse")), collapse(ctx)));
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
    if (ApiAccess.scope(ctx) != null) {
      // A story's copies span outlets and dates; a scoped key sees none rather than too many.
      throw ReadScope.forbidden(
          "stories are not available to a key limited to some outlets or" + " dates");
    }
    StoryDetail story = search.story(ctx.pathParam("id"));
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
