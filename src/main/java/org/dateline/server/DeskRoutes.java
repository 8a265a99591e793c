package org.dateline.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.dateline.index.DeskStore;
import org.dateline.index.Schema;
import org.dateline.search.BadRequestException;
import org.dateline.search.DocumentView;
import org.dateline.search.HitIds;
import org.dateline.search.SearchRequest;
import org.dateline.search.SearchService;
import org.dateline.search.facet.FacetValue;

/**
 * Tags, stars and notes on articles, written with a write key and read by whoever may read the
 * article: {@code PUT/DELETE /api/documents/{id}/tags/{tag}}, {@code PUT/DELETE
 * /api/documents/{id}/star} (a star per key), {@code PUT/DELETE /api/documents/{id}/note} ({@code
 * {"text": ...}}, signed with the key's name) and {@code GET /api/documents/{id}/desk}. Kept in a
 * {@link DeskStore} beside the index. Searches and exports take {@code tag=} (any of several) and
 * {@code starred=true} (starred by the request's key) as filters.
 */
final class DeskRoutes {

  static final int MAX_NOTE_CHARS = 10_000;
  private static final String TAG_SYNTAX = "[\\p{L}\\p{N}][\\p{L}\\p{N} _.-]{0,63}";

  private final SearchService search;
  private final DeskStore desk;
  private final ObjectMapper mapper = ApiServer.jsonMapper();

  DeskRoutes(SearchService search, Path indexDir) {
    this.search = search;
    try {
      this.desk = DeskStore.open(indexDir);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read " + indexDir.resolve(DeskStore.FILE_NAME) + ": " + e.getMessage(), e);
    }
  }

  void register(RoutesConfig routes) {
    routes.get(
        "/api/documents/{id}/desk",
        ctx -> {
          if (visible(ctx)) {
            ctx.json(desk.of(ctx.pathParam("id")));
          }
        });
    routes.put("/api/documents/{id}/tags/{tag}", ctx -> tag(ctx, true));
    routes.delete("/api/documents/{id}/tags/{tag}", ctx -> tag(ctx, false));
    routes.put("/api/documents/{id}/star", ctx -> star(ctx, true));
    routes.delete("/api/documents/{id}/star", ctx -> star(ctx, false));
    routes.put("/api/documents/{id}/note", ctx -> note(ctx, true));
    routes.delete("/api/documents/{id}/note", ctx -> note(ctx, false));
  }

  private void tag(Context ctx, boolean on) throws IOException {
    ApiAccess.requireWrite(ctx);
    String tag = tagOf(ctx);
    if (visible(ctx)) {
      ctx.json(desk.tag(ctx.pathParam("id"), tag, on));
    }
  }

  /** The request's {@code {tag}}, checked. */
  static String tagOf(Context ctx) {
    String tag = ctx.pathParam("tag").strip();
    if (!tag.matches(TAG_SYNTAX)) {
      throw new BadRequestException(
          "a tag is 1 to 64 letters, digits, spaces, dots, dashes or"
              + " underscores, starting with a letter or digit; got '"
              + SearchParams.abbreviate(tag)
              + "'");
    }
    return tag;
  }

  /** The store these routes write to (bulk tagging, the tag facet and exports read it too). */
  DeskStore store() {
    return desk;
  }

  private void star(Context ctx, boolean on) throws IOException {
    ApiAccess.requireWrite(ctx);
    if (visible(ctx)) {
      ctx.json(desk.star(ctx.pathParam("id"), ApiAccess.keyName(ctx), on));
    }
  }

  private void note(Context ctx, boolean set) throws IOException {
    ApiAccess.requireWrite(ctx);
    DeskStore.Note note = null;
    if (set) {
      JsonNode body;
      try {
        body = mapper.readTree(ctx.body());
      } catch (IOException e) {
        body = null;
      }
      JsonNode text = body == null ? null : body.get("text");
      if (text == null || !text.isTextual() || text.asText().isBlank()) {
        throw new BadRequestException("send the note as JSON: {\"text\": \"...\"}");
      }
      if (text.asText().length() > MAX_NOTE_CHARS) {
        throw new BadRequestException("a note has at most " + MAX_NOTE_CHARS + " characters");
      }
      note = new DeskStore.Note(text.asText().strip(), ApiAccess.keyName(ctx), Instant.now());
    }
    if (visible(ctx)) {
      ctx.json(desk.note(ctx.pathParam("id"), note));
    }
  }

  /**
   * The request narrowed to the articles tagged {@code tag} (any of the tags given) and, with
   * {@code starred=true}, starred by the request's key.
   */
  SearchRequest restrict(Context ctx, SearchRequest request) {
    return restrict(ctx, request, true);
  }

  /**
   * The {@code tag} facet of a search: how many of its hits carry each tag, counted without the
   * request's own tag filter (so the other tags keep their counts, as with every facet).
   */
  List<FacetValue> tagFacet(Context ctx, SearchRequest restricted) throws IOException {
    Map<String, List<String>> filters = new HashMap<>(restricted.filters());
    filters.remove(Schema.ID);
    SearchRequest base = restrict(ctx, restricted.withFilters(filters), false);
    return HitIds.count(search, base, desk.tags(), restricted.facetSize());
  }

  private SearchRequest restrict(Context ctx, SearchRequest request, boolean byTags) {
    List<String> tags =
        byTags
            ? ctx.queryParams("tag").stream().filter(t -> !t.isBlank()).toList()
            : List.<String>of();
    String starred = ctx.queryParam("starred");
    boolean stars = starred != null && !starred.isBlank() && !starred.equalsIgnoreCase("false");
    if (stars && !starred.equalsIgnoreCase("true")) {
      throw new BadRequestException("starred must be true or false, got " + starred);
    }
    if (tags.isEmpty() && !stars) {
      return request;
    }
    Set<String> ids = null;
    if (!tags.isEmpty()) {
      ids = new TreeSet<>();
      for (String tag : tags) {
        ids.addAll(desk.tagged(tag.strip()));
      }
    }
    if (stars) {
      String key = ApiAccess.keyName(ctx);
      if (key == null) {
        throw new BadRequestException(
            "starred=true means starred by your key: send a key in " + ApiAccess.KEY_HEADER);
      }
      Set<String> mine = new TreeSet<>(desk.starredBy(key));
      if (ids != null) {
        mine.retainAll(ids);
      }
      ids = mine;
    }
    Map<String, List<String>> filters = new HashMap<>(request.filters());
    filters.put(Schema.ID, List.copyOf(ids));
    return request.withFilters(filters);
  }

  /** Whether the article exists and the key may read it; if not, answers 404. */
  private boolean visible(Context ctx) throws IOException {
    DocumentView doc = search.document(ctx.pathParam("id"));
    ReadScope scope = ApiAccess.scope(ctx);
    if (doc == null || (scope != null && !scope.allows(doc))) {
      ApiServer.error(
          ctx, HttpStatus.NOT_FOUND, "not_found", "no article has id " + ctx.pathParam("id"));
      return false;
    }
    return true;
  }
}
