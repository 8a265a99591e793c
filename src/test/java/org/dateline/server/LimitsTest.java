package org.dateline.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.dateline.TestIndexes;
import org.dateline.config.Config;
import org.dateline.config.Limits;
import org.dateline.search.SearchService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expensive requests are refused with a 400 that names the limit they hit (limits from Config). */
class LimitsTest {

  @TempDir static Path dir;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void index() throws IOException {
    TestIndexes.index(dir, false, TestIndexes.SEEDS);
  }

  /** Runs {@code path} against a server with {@code limits} and returns status and JSON body. */
  private static JsonNode get(Limits limits, String path, int expectedStatus) throws IOException {
    Config config = TestIndexes.config(dir).withLimits(limits);
    JsonNode[] out = new JsonNode[1];
    try (SearchService search = SearchService.readOnly(dir, config.limits())) {
      JavalinTest.test(
          ApiServer.create(search, config),
          (server, client) -> {
            Response r = client.get(path);
            String body = r.body().string();
            assertEquals(expectedStatus, r.code(), path + " -> " + body);
            out[0] = JSON.readTree(body);
          });
    }
    return out[0];
  }

  private static String q(String s) {
    return "/api/search?q=" + URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void wildcardExpansionIsCappedAndTheErrorNamesTheLimit() throws IOException {
    Limits few = Limits.defaults().withSearch(3, 5_000, 10_000, 1 << 20);
    JsonNode body = get(few, q("s*"), 400);
    assertEquals("limit_exceeded", body.get("error").asText());
    assertTrue(
        body.get("message")
            .asText()
            .startsWith(
                "a wildcard, prefix, fuzzy, regexp or range in the query matches more than 3"
                    + " different words: make it more specific"),
        body.toString());
    // the page shows the message; the limit's name is for whoever runs the server
    assertEquals("max_query_terms", body.get("setting").asText());
    assertEquals("--max-query-terms", body.get("flag").asText());
    assertEquals("limit_exceeded", get(few, q("*a*"), 400).get("error").asText());
    assertEquals("limit_exceeded", get(few, q("/.*/"), 400).get("error").asText());
    assertEquals("limit_exceeded", get(few, q("title:[a TO z]"), 400).get("error").asText());
    // The same queries within the default limit work, KWIC lines included.
    JsonNode ok = get(Limits.defaults(), q("Bagh*") + "&kwic=50&size=100", 200);
    assertEquals(5, ok.get("total").asInt());
    assertTrue(ok.get("hits").get(0).get("kwic").size() > 0);
  }

  @Test
  void leadingWildcardsAndFuzzyQueriesWithKwicStayWithinTheirLimits() throws IOException {
    for (String query : new String[] {"*a*", "*ou*", "Baghuz~2", "*z~2", "Bali~2 OR *ria"}) {
      JsonNode body = get(Limits.defaults(), q(query) + "&kwic=50&size=100", 200);
      assertTrue(body.get("took_ms").asLong() < Limits.DEFAULT_SEARCH_TIMEOUT_MS, query);
    }
  }

  @Test
  void aSearchOverItsTimeLimitIsAnsweredBusyNotBlamedOnTheQuery() throws IOException {
    // 1 ms cannot hold a search that expands every word with a vowel and builds 50 KWIC lines.
    Limits instant = Limits.defaults().withSearch(100_000, 1, 10_000, 1 << 20);
    JsonNode body = get(instant, q("*a* OR *e* OR *i* OR *o* OR *u*") + "&kwic=50&size=100", 503);
    // A first search on a cold server, or one on a loaded server, is no fault of the query.
    assertEquals("busy", body.get("error").asText());
    assertTrue(
        body.get("message")
            .asText()
            .startsWith(
                "the search took longer than its time limit of 1 ms: the server may be busy, or"
                    + " still warming up after a start. Try again in a moment"),
        body.toString());
    assertEquals("search_timeout_ms", body.get("setting").asText());
  }

  @Test
  void sizeFacetSizeAndKwicAreCapped() throws IOException {
    assertEquals(
        "size must be between 1 and 100, got 101",
        get(Limits.defaults(), "/api/search?size=101", 400).get("message").asText());
    assertEquals(
        "facet_size must be between 0 and 1000",
        get(Limits.defaults(), "/api/search?facet_size=1001", 400).get("message").asText());
    assertEquals(
        "kwic must be between 0 and 50",
        get(Limits.defaults(), "/api/search?kwic=51", 400).get("message").asText());
  }
}
