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

  private static final byte[] DOCUMENT = load();

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
      return json.writeValueAsBytes(whole);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
