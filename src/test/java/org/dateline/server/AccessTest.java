package org.dateline.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dateline.TestIndexes;
import org.dateline.config.AccessConfig;
import org.dateline.config.Config;
import org.dateline.search.SearchService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys, scopes, CORS, security headers and uploads, through a real server on the seeds. */
class AccessTest {

  static final String WRITE_KEY = "write-key-0123456789abcdef";
  static final String MEM_KEY = "mem-2019-key-0123456789";
  static final String PARTNER_ORIGIN = "http://partner.example:8080";

  @TempDir static Path root;
  static Path index;
  static Path uploadIndex;
  static SearchService search;
  static SearchService uploadSearch;
  static Config config;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() throws IOException {
    index = root.resolve("index");
    TestIndexes.index(index, false, TestIndexes.SEEDS);
    search = SearchService.readOnly(index);
    // Uploads go to an index of their own, so the counts above stay golden in any test order.
    uploadIndex = root.resolve("upload-index");
    Path nothing = Files.createDirectories(root.resolve("empty-folder"));
    TestIndexes.index(uploadIndex, false, nothing);
    uploadSearch = SearchService.readOnly(uploadIndex);
    Path keys = root.resolve("keys.json");
    Files.writeString(
        keys,
        """
        {"keys": [{"name": "mem-feb", "key": "%s", "outlet": ["Middle East Monitor"],
                   "from": "2019-02-01", "to": "2019-02-28"}]}
        """
            .formatted(MEM_KEY));
    config =
        TestIndexes.config(index)
            .withWebDir(Path.of("web"))
            .withAccess(
                AccessConfig.defaults()
                    .withCorsOrigins(List.of(PARTNER_ORIGIN + "/"))
                    .withWriteKeys(List.of(WRITE_KEY))
                    .withReadKeysFile(keys));
  }

  @AfterAll
  static void stop() throws IOException {
    search.close();
    uploadSearch.close();
  }

  private static Javalin app(Config c) {
    return ApiServer.create(search, c, Ingest.NONE);
  }

  private static Javalin uploadApp(Config c) {
    return ApiServer.create(
        uploadSearch,
        c.withIndexDir(uploadIndex),
        files -> TestIndexes.index(uploadIndex, false, files.toArray(Path[]::new)));
  }

  /** One HTTP exchange, with headers as name/value pairs. */
  record Response(int code, String body, java.net.http.HttpHeaders headers) {
    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static Response send(
      Javalin server, String method, String path, HttpRequest.BodyPublisher body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
            .method(method, body);
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Response(r.statusCode(), r.body(), r.headers());
  }

  private static Response get(Javalin server, String path, String key, String... headers)
      throws IOException, InterruptedException {
    String[] all = key == null ? headers : concat(headers, ApiAccess.KEY_HEADER, key);
    return send(server, "GET", path, HttpRequest.BodyPublishers.noBody(), all);
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** The id of some article of the index. */
  private static String anyId(Javalin server) throws IOException, InterruptedException {
    return json(get(server, "/api/search?size=1", null)).get("hits").get(0).get("id").asText();
  }

  private static JsonNode json(Response r) throws IOException {
    return JSON.readTree(r.body());
  }

  @Test
  void scopedKeyPinsOutletAndDates() {
    JavalinTest.test(
        app(config),
        (server, client) -> {
          assertEquals(5, json(get(server, "/api/search", null)).get("total").asInt());
          JsonNode scoped = json(get(server, "/api/search?q=Daesh", MEM_KEY));
          // Of the two Middle East Monitor articles only 003 (23 Feb) is in February.
          assertEquals(1, scoped.get("total").asInt());
          assertEquals("Middle East Monitor", scoped.get("hits").get(0).get("outlet").asText());
          assertEquals("2019-02-23T10:27:00Z", scoped.get("hits").get(0).get("date").asText());
          // Asking for another outlet, or widening the dates, does not escape the scope.
          Response other = get(server, "/api/search?outlet=The%20Guardian", MEM_KEY);
          assertEquals(403, other.code());
          assertEquals("forbidden", json(other).get("error").asText());
          assertEquals(
              1, json(get(server, "/api/search?from=2000&to=2030", MEM_KEY)).get("total").asInt());
          assertEquals(403, get(server, "/api/search?from=2019-03", MEM_KEY).code());
          String csv = get(server, "/api/export?format=csv", MEM_KEY).body();
          assertEquals(2, csv.split("\r\n").length, "header and the one article in scope");
          assertEquals(403, get(server, "/api/stats", MEM_KEY).code());
          // A document outside the scope does not exist for this key.
          String outside =
              json(get(server, "/api/search?outlet=The%20Guardian", null))
                  .get("hits")
                  .get(0)
                  .get("id")
                  .asText();
          assertEquals(200, get(server, "/api/documents/" + outside, null).code());
          assertEquals(404, get(server, "/api/documents/" + outside, MEM_KEY).code());
        });
  }

  @Test
  void unknownKeysAreRefusedWithoutEchoingThem() {
    JavalinTest.test(
        app(config),
        (server, client) -> {
          Response r = get(server, "/api/search", "not-a-key-of-this-server");
          String body = r.body();
          assertEquals(401, r.code());
          assertFalse(body.contains("not-a-key"), body);
          Response bearer = get(server, "/api/search", null, "Authorization", "Bearer " + MEM_KEY);
          assertEquals(1, json(bearer).get("total").asInt());
        });
  }

  @Test
  void readAccessKeyNeedsAKeyEvenLocally() {
    Config keyOnly = config.withAccess(config.access().withReadAccess(AccessConfig.ReadAccess.KEY));
    JavalinTest.test(
        app(keyOnly),
        (server, client) -> {
          Response r = get(server, "/api/search", null);
          assertEquals(401, r.code());
          assertEquals("unauthorized", json(r).get("error").asText());
          assertEquals(200, get(server, "/api/search", MEM_KEY).code());
          assertEquals(200, get(server, "/api/search", WRITE_KEY).code());
          assertEquals(401, get(server, "/api/stats", null).code());
          assertEquals(200, get(server, "/api/health", null).code(), "monitoring needs no key");
          assertEquals(200, get(server, "/api/openapi.json", null).code());
        });
  }

  @Test
  void corsAnswersOnlyTheAllowedOrigins() {
    JavalinTest.test(
        app(config),
        (server, client) -> {
          Response allowed = get(server, "/api/search?q=Baghouz", null, "Origin", PARTNER_ORIGIN);
          assertEquals(PARTNER_ORIGIN, allowed.header("Access-Control-Allow-Origin"));
          Response other =
              get(server, "/api/search?q=Baghouz", null, "Origin", "http://evil.example");
          assertNull(other.header("Access-Control-Allow-Origin"));
          Response preflight =
              send(
                  server,
                  "OPTIONS",
                  "/api/search",
                  HttpRequest.BodyPublishers.noBody(),
                  "Origin",
                  PARTNER_ORIGIN,
                  "Access-Control-Request-Method",
                  "GET",
                  "Access-Control-Request-Headers",
                  "x-dateline-key");
          assertEquals(200, preflight.code());
          assertEquals(PARTNER_ORIGIN, preflight.header("Access-Control-Allow-Origin"));
          assertTrue(
              preflight
                  .header("Access-Control-Allow-Headers")
                  .toLowerCase()
                  .contains("x-dateline-key"),
              preflight.headers().toString());
        });
    // Dateline's own page sends its origin with every write; that is not a cross-origin request.
    JavalinTest.test(
        app(config),
        (server, client) -> {
          String self = "http://localhost:" + server.port();
          Response own =
              send(
                  server,
                  "PUT",
                  "/api/documents/" + anyId(server) + "/tags/own-page",
                  HttpRequest.BodyPublishers.noBody(),
                  "Origin",
                  self,
                  ApiAccess.KEY_HEADER,
                  WRITE_KEY);
          assertEquals(200, own.code(), own.body());
          assertTrue(own.body().contains("own-page"), own.body());
          assertEquals(
              400, get(server, "/api/health", null, "Origin", "http://evil.example").code());
        });
    // The default: no origin but Dateline's own page.
    Config none = config.withAccess(config.access().withCorsOrigins(List.of()));
    JavalinTest.test(
        app(none),
        (server, client) ->
            assertNull(
                get(server, "/api/search", null, "Origin", PARTNER_ORIGIN)
                    .header("Access-Control-Allow-Origin")));
  }

  @Test
  void pageAndApiCarrySecurityHeaders() {
    JavalinTest.test(
        app(config),
        (server, client) -> {
          for (String path : List.of("/", "/api/search")) {
            Response r = get(server, path, null);
            assertEquals(200, r.code(), path);
            assertEquals(
                SecurityHeaders.CONTENT_SECURITY_POLICY, r.header("Content-Security-Policy"), path);
            assertTrue(r.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
            assertEquals("nosniff", r.header("X-Content-Type-Options"), path);
            assertEquals("no-referrer", r.header("Referrer-Policy"), path);
            assertEquals(
                "deny", r.header("X-Frame-Options").toLowerCase(java.util.Locale.ROOT), path);
          }
        });
  }

  @Test
  void theFilesOfThePageSayTheyAreUtf8() {
    JavalinTest.test(
        app(config),
        (server, client) -> {
          Map<String, String> types =
              Map.of(
                  "/", "text/html",
                  "/index.html", "text/html",
                  "/css/dateline.css", "text/css",
                  "/js/alerts.js", "text/javascript",
                  "/widget.js", "text/javascript");
          for (Map.Entry<String, String> type : types.entrySet()) {
            Response r = get(server, type.getKey(), null);
            assertEquals(200, r.code(), type.getKey());
            // a classic script is decoded in the charset of the page that loads it (Windows-1252
            // on a partner's page that declares none) unless the answer names its own
            assertEquals(
                type.getValue() + "; charset=utf-8",
                r.header("Content-Type")
                    .toLowerCase(java.util.Locale.ROOT)
                    .replace(";charset", "; charset"),
                type.getKey());
          }
          assertTrue(
              get(server, "/api/openapi.json", null).header("Content-Type").contains("utf-8"),
              "the API's JSON too");
        });
  }

  @Test
  void uploadNeedsAWriteKeyAndIsSearchableAtOnce() throws IOException {
    Path file = root.resolve("upload-note.txt");
    Files.writeString(
        file,
        "Quetzalcoatl sighting reported\n\nReporters saw a Quetzalcoatl"
            + " kite over the river on Tuesday, witnesses said.\n");
    JavalinTest.test(
        uploadApp(config),
        (server, client) -> {
          assertEquals(401, upload(server, file, null).code());
          Response readKey = upload(server, file, MEM_KEY);
          assertEquals(403, readKey.code());
          assertEquals(
              0, json(get(server, "/api/search?q=Quetzalcoatl", null)).get("total").asInt());
          Response ok = upload(server, file, WRITE_KEY);
          JsonNode body = json(ok);
          assertEquals(201, ok.code(), body.toString());
          assertEquals(1, body.get("articles").asInt());
          assertTrue(
              body.get("path")
                  .asText()
                  .startsWith(config.withIndexDir(uploadIndex).uploadsDir().getFileName() + "/"),
              body.get("path").asText());
          assertTrue(body.get("path").asText().endsWith("/upload-note.txt"), body.toString());
          JsonNode found = json(get(server, "/api/search?q=Quetzalcoatl", null));
          assertEquals(1, found.get("total").asInt());
          assertEquals(
              body.get("ids").get(0).asText(), found.get("hits").get(0).get("id").asText());
          Response again = upload(server, file, WRITE_KEY);
          assertEquals(200, again.code());
          assertTrue(json(again).get("unchanged").asBoolean());
          // Uploading the same bytes again leaves the kept file alone: its original still serves.
          String id = body.get("ids").get(0).asText();
          Response original = get(server, "/api/documents/" + id + "/original", WRITE_KEY);
          assertEquals(200, original.code(), original.body());
        });
  }

  @Test
  void uploadsRespectTheMaxFileSizeAndReportFailures() throws IOException {
    Path big = root.resolve("big.txt");
    Files.writeString(big, "word ".repeat(400));
    Path empty = root.resolve("empty.txt");
    Files.writeString(empty, "");
    Config small = config.withLimits(1000, config.parseTimeout());
    JavalinTest.test(
        uploadApp(small),
        (server, client) -> {
          Response r = upload(server, big, WRITE_KEY);
          assertEquals(413, r.code());
          assertEquals("too_large", json(r).get("error").asText());
          Response e = upload(server, empty, WRITE_KEY);
          JsonNode body = json(e);
          assertEquals(422, e.code(), body.toString());
          assertEquals("empty", body.get("failures").get(0).get("kind").asText());
          Response noFile =
              send(
                  server,
                  "POST",
                  "/api/documents",
                  HttpRequest.BodyPublishers.noBody(),
                  ApiAccess.KEY_HEADER,
                  WRITE_KEY);
          assertEquals(400, noFile.code());
        });
  }

  @Test
  void badKeyConfigurationFailsAtStart() throws IOException {
    assertThrows(
        IllegalArgumentException.class,
        () -> AccessConfig.defaults().withWriteKeys(List.of("short")));
    assertThrows(
        IllegalArgumentException.class,
        () -> AccessConfig.defaults().withCorsOrigins(List.of("partner.example")));
    Path bad = root.resolve("bad-keys.json");
    Files.writeString(
        bad,
        "{\"keys\": [{\"name\": \"x\", \"key\": \"0123456789abcdef0\"," + " \"outlets\": []}]}");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ApiAccess.load(AccessConfig.defaults().withReadKeysFile(bad)));
    assertTrue(e.getMessage().contains("outlets"), e.getMessage());
  }

  /** A multipart/form-data POST of {@code file} as field "file", as a browser form sends it. */
  private static Response upload(Javalin server, Path file, String key)
      throws IOException, InterruptedException {
    String boundary = "dateline-test-boundary";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName()
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(Files.readAllBytes(file));
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    String[] headers = {"Content-Type", "multipart/form-data; boundary=" + boundary};
    return send(
        server,
        "POST",
        "/api/documents",
        HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()),
        key == null ? headers : concat(headers, ApiAccess.KEY_HEADER, key));
  }
}
