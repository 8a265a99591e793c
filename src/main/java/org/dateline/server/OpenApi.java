package org.dateline.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /api/openapi.json}: the OpenAPI 3.1 description of the whole API, kept as a resource
 * beside this class (ApiDescriptionTest checks that it names every route the server has).
 */
final class OpenApi {

  static final String RESOURCE = "openapi.json";
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
    try (InputStream in = OpenApi.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the build");
      }
      return OpenApiDesk.merge(StoriesOpenApi.addTo(in.readAllBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
