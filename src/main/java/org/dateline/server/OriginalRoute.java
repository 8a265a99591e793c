package org.dateline.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLConnection;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.dateline.search.BadRequestException;
import org.dateline.search.DocumentView;
import org.dateline.search.Original;
import org.dateline.search.OriginalFiles;
import org.dateline.search.SearchService;

/**
 * {@code GET /api/documents/{id}/original}: the file the article came from (or its zip member, its
 * mbox message, its feed item's XML), to whoever may read the article. PDFs and images are shown in
 * the page; anything else is a download, sandboxed, so an indexed page can never run as this site.
 * For an item of a container that cannot be served alone, a JSON answer says so and offers the
 * whole container ({@code ?container=true}).
 */
final class OriginalRoute {

  /** The answer when only the whole container can be served. */
  record ContainerOnly(
      String error, String message, String container, long containerBytes, String url) {}

  private final SearchService search;
  private final OriginalFiles files;

  OriginalRoute(SearchService search) {
    this.search = search;
    this.files = new OriginalFiles(search);
  }

  void register(RoutesConfig routes) {
    routes.get("/api/documents/{id}/original", this::handle);
  }

  private void handle(Context ctx) throws IOException {
    for (String p : ctx.queryParamMap().keySet()) {
      if (!p.equals("container")) {
        throw new BadRequestException("unknown parameter " + p + "; known: container");
      }
    }
    String id = ctx.pathParam("id");
    DocumentView doc = search.document(id);
    ReadScope scope = ApiAccess.scope(ctx);
    Original original;
    try {
      original = doc == null || (scope != null && !scope.allows(doc)) ? null : files.find(id);
    } catch (OriginalFiles.Refused e) {
      ApiServer.error(ctx, HttpStatus.FORBIDDEN, "original_refused", e.getMessage());
      return;
    }
    if (original == null) {
      ApiServer.error(ctx, HttpStatus.NOT_FOUND, "not_found", "no article has id " + id);
      return;
    }
    boolean whole = "true".equalsIgnoreCase(ctx.queryParam("container"));
    if (whole && (original.member() != null || original.content() != null)) {
      // the whole container asked for, not the item cut out of it
      original =
          new Original(
              original.file(),
              null,
              original.file().getFileName().toString(),
              false,
              Files.size(original.file()));
    }
    if (original.containerOnly() && !whole) {
      ctx.status(HttpStatus.CONFLICT)
          .json(
              new ContainerOnly(
                  "container_only",
                  "this article is"
                      + " one item of "
                      + original.name()
                      + ", whose items cannot be served one by one;"
                      + " only the whole file can be served",
                  original.name(),
                  original.sizeBytes(),
                  "/api/documents/" + id + "/original?container=true"));
      return;
    }
    serve(
        ctx,
        original,
        original.content() != null
            ? new java.io.ByteArrayInputStream(original.content())
            : original.member() == null
                ? Files.newInputStream(original.file())
                : OriginalFiles.openMember(original));
  }

  private static void serve(Context ctx, Original original, InputStream in) {
    String type = contentType(original.name());
    boolean inline = type.equals("application/pdf") || type.startsWith("image/");
    ctx.contentType(type);
    // Byte for byte, with its length: compressing would break that length (Jetty then refuses to
    // finish the response), and PDFs and images are compressed already.
    ctx.disableCompression();
    ctx.header("Content-Length", Long.toString(original.sizeBytes()));
    ctx.header(
        "Content-Disposition",
        (inline ? "inline" : "attachment")
            + "; filename=\""
            + asciiName(original.name())
            + "\"; filename*=UTF-8''"
            + URLEncoder.encode(original.name(), StandardCharsets.UTF_8).replace("+", "%20"));
    ctx.header("Content-Security-Policy", policy(type));
    if (inline) {
      ctx.header("X-Frame-Options", "SAMEORIGIN"); // the document view previews it in a frame
    }
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.result(in);
  }

  /**
   * The content security policy of an original of {@code type}: sandboxed, so that an indexed page
   * can never run as this site; PDFs and images may be framed by Dateline's own page (its preview).
   * A PDF goes unsandboxed, as Chromium's PDF viewer does not start in a sandboxed document; the
   * viewer runs the file's own scripts, if any, in its own isolated process, never as this site.
   */
  static String policy(String type) {
    if (type.equals("application/pdf")) {
      return "frame-ancestors 'self'";
    }
    return type.startsWith("image/") ? "sandbox; frame-ancestors 'self'" : "sandbox";
  }

  /** The type the name's extension says; unknown types are plain bytes. */
  static String contentType(String name) {
    if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".eml")) {
      return "message/rfc822"; // the JDK's own table does not know it (an mbox message cut out)
    }
    String guessed = URLConnection.guessContentTypeFromName(name);
    return guessed == null ? "application/octet-stream" : guessed;
  }

  /**
   * A download name any client takes as given: letters, digits, dot, dash and underscore kept,
   * anything else (quotes, slashes, control characters) an underscore, no leading dot.
   */
  static String asciiName(String name) {
    String safe = name.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "_");
    return safe.isEmpty() ? "original" : safe.length() > 120 ? safe.substring(0, 120) : safe;
  }
}
