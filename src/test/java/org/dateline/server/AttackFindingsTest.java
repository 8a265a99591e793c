package org.dateline.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.dateline.TestIndexes;
import org.dateline.alert.Alerts;
import org.dateline.config.AccessConfig;
import org.dateline.config.Config;
import org.dateline.pipeline.LiveIndex;
import org.dateline.search.SearchService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What tools we did not write found by attacking a running server from outside (session 14, {@code
 * bench/attack.sh}), each on a real index: a request with more filter values than a query may have
 * clauses is refused in words about filters (it was blamed on a wildcard the request did not have);
 * an alert's name or query with control characters or a broken surrogate is refused (its Atom feed
 * was not well-formed XML); a batch stops at its own time limit and answers the lines it did not
 * reach as not searched (a batch of slow regexps kept a core busy for minutes per 1,000 lines).
 */
@org.junit.jupiter.api.Timeout(120)
class AttackFindingsTest {

  static final String KEY = "attack-key-0123456789";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path work;

  private Config config() {
    return TestIndexes.config(work.resolve("index"))
        .withEntities(false)
        .withAccess(AccessConfig.defaults().withWriteKeys(List.of(KEY)));
  }

  private static String[] key() {
    return new String[] {ApiAccess.KEY_HEADER, KEY};
  }

  private static String values(String name, int n) {
    return IntStream.range(0, n).mapToObj(i -> name + "=o" + i).collect(Collectors.joining("&"));
  }

  @Test
  void tooManyFilterValuesAreRefusedAsFiltersNotAsAWildcard() throws Exception {
    Config config = config();
    try (LiveIndex live = LiveIndex.open(config, new PrintWriter(new StringWriter()));
        SearchService search = SearchService.nearRealTime(live.index().writer(), config.limits());
        Alerts alerts = Alerts.open(config.indexDir(), config.limits())) {
      int over = config.limits().maxQueryTerms() + 1;
      JavalinTest.test(
          ApiServer.create(search, config, live::add, alerts),
          (server, client) -> {
            for (String path :
                List.of(
                    "/api/search?q=quay&" + values("outlet", over),
                    "/api/export?q=quay&" + values("place", over),
                    "/api/concordance?q=quay&" + values("person", over))) {
              Http.Response r = Http.send(server, "GET", path, null);
              assertEquals(400, r.code(), r.body());
              JsonNode body = JSON.readTree(r.body());
              assertEquals("limit_exceeded", body.get("error").asText());
              assertEquals("max_query_terms", body.get("setting").asText());
              String message = body.get("message").asText();
              assertTrue(message.startsWith("the filters name " + over + " values"), message);
              assertTrue(!message.contains("wildcard"), message);
            }
            StringBuilder outlets = new StringBuilder("[");
            for (int i = 0; i < over; i++) {
              outlets.append(i == 0 ? "" : ",").append("\"o").append(i).append('"');
            }
            Http.Response alert =
                Http.send(
                    server,
                    "POST",
                    "/api/alerts",
                    "{\"q\": \"quay\", \"filters\": {\"outlet\": " + outlets + "]}}",
                    key());
            assertEquals(400, alert.code(), alert.body());
            assertTrue(
                JSON.readTree(alert.body())
                    .get("message")
                    .asText()
                    .startsWith("the filters name " + over + " values"),
                alert.body());
            // a few hundred values still search
            Http.Response ok =
                Http.send(server, "GET", "/api/search?q=quay&" + values("outlet", 300), null);
            assertEquals(200, ok.code(), ok.body());
          });
    }
  }

  @Test
  void alertTextWithControlCharactersIsRefusedAndEveryFeedIsWellFormedXml() throws Exception {
    Config config = config();
    try (LiveIndex live = LiveIndex.open(config, new PrintWriter(new StringWriter()));
        SearchService search = SearchService.nearRealTime(live.index().writer(), config.limits());
        Alerts alerts = Alerts.open(config.indexDir(), config.limits())) {
      JavalinTest.test(
          ApiServer.create(search, config, live::add, alerts),
          (server, client) -> {
            // JSON escapes of a control character, NUL, a noncharacter, a lone surrogate
            for (String name : List.of("ctl\\u0001", "nul\\u0000", "non\\uFFFE", "half\\uD800x")) {
              for (String field : List.of("name", "q")) {
                String body = "{\"q\": \"quay\", \"" + field + "\": \"" + name + "\"}";
                Http.Response r = Http.send(server, "POST", "/api/alerts", body, key());
                assertEquals(400, r.code(), body + " -> " + r.body());
                String message = JSON.readTree(r.body()).get("message").asText();
                assertTrue(message.startsWith(field + " has a character that"), message);
              }
            }
            Http.Response made =
                Http.send(
                    server,
                    "POST",
                    "/api/alerts",
                    "{\"q\": \"quay\", \"name\": \"Quay \\u00e9t\\u00e9 \\uD83D\\uDCF0\"}",
                    key());
            assertEquals(201, made.code(), made.body());
            String id = JSON.readTree(made.body()).get("id").asText();
            Http.Response patched =
                Http.send(server, "PATCH", "/api/alerts/" + id, "{\"name\": \"x\\u0002\"}", key());
            assertEquals(400, patched.code(), patched.body());
            Http.Response feed =
                Http.send(server, "GET", "/api/alerts/" + id + "/feed", null, key());
            assertEquals(200, feed.code());
            var doc =
                DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(new ByteArrayInputStream(feed.bytes()));
            assertEquals(
                "Dateline alert: Quay \u00e9t\u00e9 \uD83D\uDCF0",
                doc.getElementsByTagName("title").item(0).getTextContent());
          });
    }
  }

  @Test
  void aBatchStopsAtItsTimeLimitAndAnswersTheRestAsNotSearched() throws Exception {
    Path dir = work.resolve("seeds");
    TestIndexes.index(dir, false, TestIndexes.SEEDS);
    // 1 ms: the first line ends past it, so every other line is answered as not searched
    Config config = TestIndexes.config(dir);
    config = config.withLimits(config.limits().withBatchTimeout(1));
    String lines = String.join("\n", java.util.Collections.nCopies(40, "/.{0,60}z/"));
    try (SearchService search = SearchService.readOnly(dir, config.limits())) {
      Config c = config;
      JavalinTest.test(
          ApiServer.create(search, c),
          (server, client) -> {
            Http.Response r =
                Http.send(
                    server, "POST", "/api/batch?format=jsonl", lines, "Content-Type", "text/plain");
            assertEquals(200, r.code(), r.body());
            List<String> rows = r.body().lines().toList();
            assertEquals(40, rows.size(), r.body());
            JsonNode first = JSON.readTree(rows.get(0));
            assertTrue(first.get("error").isNull(), rows.get(0));
            for (String row : rows.subList(1, rows.size())) {
              JsonNode n = JSON.readTree(row);
              assertTrue(
                  n.get("error").asText().startsWith("not searched: the batch ran past its time"),
                  row);
            }
            // the line numbers stay those of the input
            assertEquals(40, JSON.readTree(rows.get(39)).get("line").asInt());
            String status =
                Http.send(
                        server,
                        "GET",
                        "/api/batch/" + r.headers().firstValue(BatchRoutes.ID_HEADER).orElseThrow(),
                        null)
                    .body();
            assertTrue(status.contains("\"errors\":39"), status);
          });
      // within the default limit every line is searched
      JavalinTest.test(
          ApiServer.create(search, TestIndexes.config(dir)),
          (server, client) -> {
            Http.Response r =
                Http.send(
                    server, "POST", "/api/batch?format=jsonl", lines, "Content-Type", "text/plain");
            for (String row : r.body().lines().toList()) {
              assertTrue(JSON.readTree(row).get("error").isNull(), row);
            }
          });
    }
  }
}
