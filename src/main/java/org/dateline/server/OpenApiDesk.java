package org.dateline.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The desk's part of the OpenAPI description (batch search, originals, tags, stars, notes), kept in
 * its own resource and merged into the whole: its paths beside the others, its schemas among the
 * components, and the desk's filters (tag, starred) on the routes that read a search.
 */
final class OpenApiDesk {

  static final String RESOURCE = "openapi-desk.json";

  private OpenApiDesk() {}

  /** {@code document} with the desk's paths and schemas added. */
  static byte[] merge(byte[] document) {
    ObjectMapper json = new ObjectMapper();
    try (InputStream in = OpenApiDesk.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the build");
      }
      ObjectNode whole = (ObjectNode) json.readTree(document);
      ObjectNode desk = (ObjectNode) json.readTree(in);
      ((ObjectNode) whole.get("paths")).setAll((ObjectNode) desk.get("paths"));
      ((ObjectNode) whole.get("components").get("schemas"))
          .setAll((ObjectNode) desk.get("schemas"));
      // tag= and starred= on every route that reads a search
      for (String path : List.of("/api/search", "/api/export", "/api/concordance")) {
        JsonNode get = whole.get("paths").get(path).get("get");
        ((ArrayNode) get.get("parameters")).addAll((ArrayNode) desk.get("searchParameters"));
      }
      return json.writeValueAsBytes(whole);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
