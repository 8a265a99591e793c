package org.dateline.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/openapi.json}: the OpenAPI 3.1 description of the whole API, kept as a resource
 * beside this class (ApiDescriptionTest checks that it names every route the server has), with the
 * parts of the stories and the desk each in a fragment of its own, merged in once at start-up.
 */
final class OpenApi {

  static final String RESOURCE = "openapi.json";

  /** Search routes that take the desk's filters (tag, starred) as well as the search's. */
  private static final List<String> DESK_SEARCH_ROUTES =
      List.of("/api/search", "/api/export", "/api/concordance");

  private OpenApi() {}

  /** The whole description as served (the base resource with every fragment added). */
  static byte[] document() {
    return DOCUMENT.clone();
  }

  static void handle(Context ctx) {
    ctx.contentType("application/json; charset=utf-8").result(DOCUMENT);
  }

  private static byte[] load() {
    ObjectMapper json = new ObjectMapper();
    try {
      ObjectNode whole = (ObjectNode) read(json, RESOURCE);
      // stories: the route, collapse on search, export and concordance, count on search, a hit's
      // story, the response's total_articles
      addFragment(
          whole,
          read(json, "openapi-stories.json"),
          List.of("/api/search", "/api/export", "/api/concordance"));
      // the desk: batch, originals, tags, stars, notes, and its filters on every search route
      addFragment(whole, read(json, "openapi-desk.json"), DESK_SEARCH_ROUTES);
      // alerts: saved searches, their event streams, feeds and webhooks
      addFragment(whole, read(json, "openapi-alerts.json"), List.of());
      tag(whole);
      return json.writeValueAsBytes(whole);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The groups a reader of the description (Swagger UI, Redoc, a client generator) finds the
   * operations under, each with what it holds; a route belongs to the group of the longest route it
   * starts with.
   */
  private static final List<Map.Entry<String, String>> GROUPS =
      List.of(
          Map.entry(
              "search",
              "Searching: one page of hits, every hit exported, a concordance, batch searches"),
          Map.entry("documents", "One article whole, and uploads of files to index"),
          Map.entry(
              "desk",
              "The investigation desk: tags, stars and notes on articles, the original file"),
          Map.entry("entities", "People, organisations and places, with their spellings"),
          Map.entry("stories", "Story clusters: an article's copies across outlets"),
          Map.entry("alerts", "Saved searches that tell of each new story"),
          Map.entry("server", "The server: figures of the index, health, this description"));

  private static final Map<String, String> GROUP_OF_ROUTE =
      Map.ofEntries(
          Map.entry("/api/search", "search"),
          Map.entry("/api/export", "search"),
          Map.entry("/api/concordance", "search"),
          Map.entry("/api/batch", "search"),
          Map.entry("/api/documents", "documents"),
          Map.entry("/api/documents/{id}/original", "desk"),
          Map.entry("/api/documents/{id}/desk", "desk"),
          Map.entry("/api/documents/{id}/tags", "desk"),
          Map.entry("/api/documents/{id}/star", "desk"),
          Map.entry("/api/documents/{id}/note", "desk"),
          Map.entry("/api/tags", "desk"),
          Map.entry("/api/entities", "entities"),
          Map.entry("/api/stories", "stories"),
          Map.entry("/api/alerts", "alerts"),
          Map.entry("/api/stats", "server"),
          Map.entry("/api/health", "server"),
          Map.entry("/api/openapi.json", "server"));

  private static final java.util.Set<String> METHODS =
      java.util.Set.of("get", "put", "post", "delete", "patch", "head", "options");

  /** Built last: it reads the groups above. */
  private static final byte[] DOCUMENT = load();

  /** Gives every operation its group's tag, and the description the list of groups. */
  private static void tag(ObjectNode whole) {
    ArrayNode tags = whole.putArray("tags");
    GROUPS.forEach(g -> tags.addObject().put("name", g.getKey()).put("description", g.getValue()));
    whole
        .get("paths")
        .properties()
        .forEach(
            route -> {
              String group = groupOf(route.getKey());
              route
                  .getValue()
                  .properties()
                  .forEach(
                      op -> {
                        if (METHODS.contains(op.getKey())) {
                          ((ObjectNode) op.getValue()).putArray("tags").add(group);
                        }
                      });
            });
  }

  static String groupOf(String route) {
    String best = null;
    for (String prefix : GROUP_OF_ROUTE.keySet()) {
      boolean under = route.equals(prefix) || route.startsWith(prefix + "/");
      if (under && (best == null || prefix.length() > best.length())) {
        best = prefix;
      }
    }
    if (best == null) {
      throw new IllegalStateException("no group for the route " + route + " in OpenApi.GROUPS");
    }
    return GROUP_OF_ROUTE.get(best);
  }

  private static JsonNode read(ObjectMapper json, String resource) throws IOException {
    try (InputStream in = OpenApi.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the build");
      }
      return json.readTree(in);
    }
  }

  /**
   * Adds a fragment's {@code paths} and {@code schemas}, its {@code searchParameters} to the GET of
   * each of {@code searchRoutes}, its {@code routeParameters} to the GET of the route each names,
   * and, when it has them, its {@code searchResponseProperties} and {@code hitProperties} to those
   * schemas.
   */
  private static void addFragment(ObjectNode whole, JsonNode part, List<String> searchRoutes) {
    ((ObjectNode) whole.get("paths")).setAll((ObjectNode) part.get("paths"));
    ObjectNode schemas = (ObjectNode) whole.get("components").get("schemas");
    schemas.setAll((ObjectNode) part.get("schemas"));
    for (String route : searchRoutes) {
      ((ArrayNode) whole.get("paths").get(route).get("get").get("parameters"))
          .addAll((ArrayNode) part.get("searchParameters"));
    }
    JsonNode routeParameters = part.get("routeParameters"); // parameters of one route only
    if (routeParameters != null) {
      routeParameters
          .properties()
          .forEach(
              e ->
                  ((ArrayNode) whole.get("paths").get(e.getKey()).get("get").get("parameters"))
                      .addAll((ArrayNode) e.getValue()));
    }
    addProperties(schemas, "SearchResponse", part.get("searchResponseProperties"));
    addProperties(schemas, "Hit", part.get("hitProperties"));
  }

  private static void addProperties(ObjectNode schemas, String schema, JsonNode properties) {
    if (properties != null) {
      ((ObjectNode) schemas.get(schema).get("properties")).setAll((ObjectNode) properties);
    }
  }
}
