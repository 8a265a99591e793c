package org.dateline.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.dateline.TestIndexes;
import org.dateline.config.Config;
import org.dateline.search.SearchService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the API with generated malformed requests (unbalanced quotes and parentheses, huge and
 * negative numbers, invalid dates, unicode junk, leading wildcards, regexps, 100 KB queries,
 * unknown parameters, broken percent-encoding): every answer must be a 2xx or a 4xx whose JSON body
 * says what was wrong, never a 5xx and never a stack trace. {@code -Ddateline.fuzz.requests=N} sets
 * how many (3,000 by default; RELIABILITY.md has the long run), {@code -Ddateline.fuzz.seed} the
 * seed.
 */
class ApiFuzzTest {

  private static final int REQUESTS = Integer.getInteger("dateline.fuzz.requests", 3000);
  private static final long SEED = Long.getLong("dateline.fuzz.seed", 20190323L);

  private static final String[] QUERY_PARTS = {
    "\"",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "*",
    "?",
    "~",
    "~2",
    "~0.5",
    "^",
    "^999999",
    ":",
    "\\",
    "/",
    "AND",
    "OR",
    "NOT",
    "&&",
    "||",
    "!",
    "-",
    "+",
    "TO",
    "date:",
    "title:",
    "body:",
    "outlet:",
    "nosuch:",
    "*a*",
    "?x",
    "*",
    "ba*",
    "Baghuz~2",
    "\"Mustafa Bali\"~5",
    "Daesh",
    "Syria",
    "date:[2019-01-01 TO 2019-02-28]",
    "date:[* TO *]",
    "date:2019-02-30",
    "date:[x TO y]",
    "/[a-z]+/",
    "/(a|b)*c{1,100}{1,100}/",
    "/.*/",
    "/[/",
    "title:[a TO z]",
    "99999999999999999999",
    "-1",
    "1e309",
    "NaN",
    "\u0000",
    "\u202e",
    "\ud83d",
    "\ud83d\ude00",
    "\uffff",
    "\u00e9\u0301",
    "\u0627\u0644\u0628\u0627\u063a\u0648\u0632",
    "%",
    "%zz",
    "&",
    "=",
    "#",
    ";",
    "\n",
    "\t",
    " ",
    "  ",
    "'",
    "`",
    "<script>",
    "${jndi:x}"
  };
  private static final String[] NUMBERS = {
    "-1",
    "0",
    "1",
    "10",
    "100",
    "101",
    "1000",
    "1001",
    "2147483647",
    "2147483648",
    "-2147483649",
    "99999999999999999999",
    "1e9",
    "NaN",
    "",
    " ",
    "0x10",
    "\u0661\u0662",
    "-0",
    "+5",
    "1.5",
    "abc"
  };
  private static final String[] DATES = {
    "2019-02-30",
    "2019-13",
    "99999-01-01",
    "-2019",
    "2019-02-23T10:00",
    "yesterday",
    "",
    "2019",
    "2019-02",
    "0000-00-00",
    "1969-12-31",
    "2019-02-23",
    "+10000-01-01",
    "\u0662\u0660\u0661\u0669"
  };
  private static final String[] PARAMS = {
    "q",
    "size",
    "page",
    "kwic",
    "facet_size",
    "from",
    "to",
    "sort",
    "cursor",
    "outlet",
    "person",
    "place",
    "type",
    "language",
    "format",
    "colour",
    "q[]",
    "",
    "__proto__",
    "size\u0000"
  };

  @TempDir static Path dir;
  static SearchService search;
  static Javalin app;
  static String base;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() throws IOException {
    TestIndexes.index(dir, false, TestIndexes.SEEDS);
    search = SearchService.readOnly(dir);
    Config config = TestIndexes.config(dir);
    app = ApiServer.create(search, config).start(0);
    base = "http://localhost:" + app.port();
  }

  @AfterAll
  static void stop() throws IOException {
    app.stop();
    search.close();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String pick(Random r, String[] from) {
    return from[r.nextInt(from.length)];
  }

  /** A random query string: parts of query syntax, numbers, dates, junk and real words. */
  static String query(Random r) {
    StringBuilder q = new StringBuilder();
    int parts = 1 + r.nextInt(8);
    for (int i = 0; i < parts; i++) {
      q.append(pick(r, QUERY_PARTS));
      if (r.nextBoolean()) {
        q.append(' ');
      }
    }
    if (r.nextInt(200) == 0) {
      q.append("x".repeat(100_000)); // a 100 KB query
    }
    return q.toString();
  }

  /** A random request: a search or export with random parameters, or a document id. */
  static String request(Random r) {
    int kind = r.nextInt(10);
    if (kind == 0) {
      return "/api/documents/" + enc(query(r)).replace("+", "%20");
    }
    StringBuilder url = new StringBuilder(kind == 1 ? "/api/export?" : "/api/search?");
    int params = r.nextInt(6);
    for (int i = 0; i < params; i++) {
      String name = pick(r, PARAMS);
      String value =
          switch (name) {
            case "size", "page", "kwic", "facet_size" -> pick(r, NUMBERS);
            case "from", "to" -> pick(r, DATES);
            case "format" -> r.nextBoolean() ? "csv" : pick(r, QUERY_PARTS);
            case "outlet" -> r.nextBoolean() ? "The Guardian" : query(r); // drill sideways too
            default -> query(r);
          };
      url.append(enc(name)).append('=').append(enc(value)).append('&');
    }
    return url.toString();
  }

  @Test
  void thousandsOfMalformedRequestsGetA4xxWithAMessageAndNever5xx() throws Exception {
    Random r = new Random(SEED);
    Map<Integer, Integer> byStatus = new TreeMap<>();
    Map<String, Integer> byError = new TreeMap<>();
    for (int i = 0; i < REQUESTS; i++) {
      String path = request(r);
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(base + path)).build(),
              HttpResponse.BodyHandlers.ofString());
      int status = response.statusCode();
      byStatus.merge(status, 1, Integer::sum);
      String body = response.body();
      String where = "#" + i + " " + abbreviate(path) + " -> " + status + " " + abbreviate(body);
      assertTrue(status < 500, where);
      assertFalse(body.contains("at org.") || body.contains("Exception"), "stack trace: " + where);
      if (status >= 400) {
        assertTrue(body.startsWith("{"), "a JSON error body: " + where);
        JsonNode json = JSON.readTree(body);
        assertFalse(json.path("message").asText().isBlank(), where);
        byError.merge(status + " " + json.path("error").asText(), 1, Integer::sum);
      }
    }
    System.out.printf(
        "API fuzz: %d requests (seed %d): by status %s; errors %s%n",
        REQUESTS, SEED, byStatus, byError);
    assertTrue(byStatus.getOrDefault(400, 0) > REQUESTS / 4, "most requests are malformed");
    assertTrue(byStatus.getOrDefault(200, 0) > 0, "some requests are fine");
  }

  @Test
  void brokenPercentEncodingAndRawBytesAreNever5xx() throws IOException {
    List<String> lines =
        new ArrayList<>(
            List.of(
                "/api/search?q=%zz",
                "/api/search?q=%",
                "/api/search?q=%C3%28",
                "/api/search?size=%FF%FE",
                "/api/search?q=a%00b",
                "/api/documents/%zz",
                "/api/search?%=1",
                "/api/search?q=\u00ff"));
    for (String target : lines) {
      // Jetty decodes leniently (%zz stays as written) or refuses with 400: never a 5xx.
      int status = rawStatus(target);
      assertTrue(status < 500, target + " -> " + status);
    }
  }

  /** Sends one request line as raw bytes (no client re-encoding) and returns the status code. */
  private static int rawStatus(String target) throws IOException {
    try (Socket socket = new Socket("localhost", app.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      String status = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
      return Integer.parseInt(status.substring(9, 12));
    }
  }

  @Test
  void aQueryOver100KbIsRefusedNamingTheLimit() throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/api/search?q=" + "a".repeat(100_000)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(400, r.statusCode());
    JsonNode json = JSON.readTree(r.body());
    assertEquals("limit_exceeded", json.get("error").asText());
    assertEquals(
        "the query has 100000 characters; the limit is 10000", json.get("message").asText());
    assertEquals("max_query_chars", json.get("setting").asText());
    assertEquals("--max-query-chars", json.get("flag").asText());
  }

  private static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }
}
