package org.dateline.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The stories part of the OpenAPI description ({@code openapi-stories.json}), added to the main
 * document: the stories route, the {@code collapse} parameter of search, a hit's story and the
 * response's {@code total_articles}.
 */
final class StoriesOpenApi {

  private static final String RESOURCE = "openapi-stories.json";

  private StoriesOpenApi() {}

  /** {@code document} (the OpenAPI JSON) with the stories part added. */
  static byte[] addTo(byte[] document) {
    ObjectMapper json = new ObjectMapper();
    try (InputStream in = StoriesOpenApi.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the build");
      }
      ObjectNode spec = (ObjectNode) json.readTree(document);
      JsonNode part = json.readTree(in);
      ((ObjectNode) spec.get("paths")).setAll((ObjectNode) part.get("paths"));
      ObjectNode schemas = (ObjectNode) spec.get("components").get("schemas");
      schemas.setAll((ObjectNode) part.get("schemas"));
      ((ArrayNode) spec.get("paths").get("/api/search").get("get").get("parameters"))
          .addAll((ArrayNode) part.get("searchParameters"));
      ((ObjectNode) schemas.get("SearchResponse").get("properties"))
          .setAll((ObjectNode) part.get("searchResponseProperties"));
      ((ObjectNode) schemas.get("Hit").get("properties"))
          .setAll((ObjectNode) part.get("hitProperties"));
      return json.writeValueAsBytes(spec);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
