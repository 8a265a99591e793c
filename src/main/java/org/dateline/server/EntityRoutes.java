package org.dateline.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.Locale;
import org.dateline.enrich.entities.EntityType;
import org.dateline.search.BadRequestException;
import org.dateline.search.EntityService;
import org.dateline.search.SearchRequest;

/**
 * The entity endpoints: {@code GET /api/entities?type=&prefix=&limit=} (autocomplete with document
 * counts), {@code GET /api/entities/{id}} (variants, co-occurring entities, first and last dates),
 * and the {@code variants=true} switch of {@code /api/search}. Translation only; the work is in
 * {@link EntityService}.
 */
final class EntityRoutes {

  private final EntityService entities;

  EntityRoutes(EntityService entities) {
    this.entities = entities;
  }

  void register(RoutesConfig routes) {
    routes.get("/api/entities", this::list);
    routes.get("/api/entities/{id}", this::detail);
  }

  private void list(Context ctx) throws IOException {
    for (String p : ctx.queryParamMap().keySet()) {
      if (!p.equals("type") && !p.equals("prefix") && !p.equals("limit")) {
        throw new BadRequestException("unknown parameter " + p + "; known: type, prefix, limit");
      }
    }
    ctx.json(
        entities.list(
            type(ctx.queryParam("type")),
            ctx.queryParam("prefix"),
            limit(ctx.queryParam("limit"))));
  }

  private void detail(Context ctx) throws IOException {
    QueryString.onlyKnown(ctx, java.util.Set.of());
    EntityService.EntityDetail d = entities.detail(ctx.pathParam("id"));
    if (d == null) {
      ApiServer.error(
          ctx, HttpStatus.NOT_FOUND, "not_found", "no entity has id " + ctx.pathParam("id"));
      return;
    }
    ctx.json(d);
  }

  /** With {@code variants=true}, a name in the query also finds its other spellings. */
  SearchRequest withVariants(Context ctx, SearchRequest r) throws IOException {
    String v = ctx.queryParam("variants");
    if (v == null || v.isBlank() || v.equalsIgnoreCase("false")) {
      return r;
    }
    if (!v.equalsIgnoreCase("true")) {
      throw new BadRequestException("variants must be true or false, got " + v);
    }
    return new SearchRequest(
        entities.expand(r.query()),
        r.filters(),
        r.from(),
        r.to(),
        r.sort(),
        r.page(),
        r.size(),
        r.cursor(),
        r.kwicLines(),
        r.facetSize());
  }

  private static EntityType type(String t) {
    if (t == null || t.isBlank()) {
      return null;
    }
    try {
      return EntityType.valueOf(t.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("type must be person, organization or place, got " + t);
    }
  }

  private static int limit(String l) {
    return SearchParams.integer(l, "limit", EntityService.DEFAULT_LIMIT);
  }
}
