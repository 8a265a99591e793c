package org.dateline.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.dateline.TestIndexes;
import org.dateline.search.SearchService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP contract other newsroom tools embed, through a real server on the seeds index. */
class ApiTest {

  @TempDir static Path dir;
  static SearchService search;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() throws IOException {
    TestIndexes.index(dir, false, TestIndexes.SEEDS);
    search = SearchService.readOnly(dir);
  }

  /** A fresh server per test: JavalinTest starts and stops the one it is given. */
  private static Javalin app() {
    return ApiServer.create(search, TestIndexes.config(dir).withWebDir(Path.of("web")));
  }

  @AfterAll
  static void stop() throws IOException {
    search.close();
  }

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static JsonNode json(Response r) throws IOException {
    return JSON.readTree(r.body().string());
  }

  @Test
  void searchAnswersTheDocumentedShape() {
    JavalinTest.test(
        app(),
        (server, client) -> {
          Response r = client.get("/api/search?q=" + q("\"Mustafa Bali\"") + "&size=5");
          assertEquals(200, r.code());
          JsonNode body = json(r);
          assertEquals(2, body.get("total").asInt());
          assertTrue(body.has("took_ms"));
          assertTrue(body.has("next_cursor"));
          JsonNode hit = body.get("hits").get(0);
          for (String field :
              List.of(
                  "id",
                  "title",
                  "outlet",
                  "date",
                  "date_precision",
                  "url",
                  "path",
                  "agencies",
                  "authors",
                  "language",
                  "entities",
                  "kwic",
                  "kwic_total",
                  "score")) {
            assertTrue(hit.has(field), "hit lacks " + field + ": " + hit);
          }
          assertEquals("Mustafa Bali", hit.get("kwic").get(0).get("match").asText());
          assertEquals(
              List.of(
                  "outlet",
                  "person",
                  "organization",
                  "place",
                  "agency",
                  "language",
                  "type",
                  "date",
                  "tag"),
              iterable(body.get("facets").fieldNames()));
        });
  }

  @Test
  void filtersRepeatAndCombine() {
    JavalinTest.test(
        app(),
        (server, client) -> {
          JsonNode both =
              json(
                  client.get(
                      "/api/search?outlet="
                          + q("The Guardian")
                          + "&outlet="
                          + q("Middle East Monitor")));
          assertEquals(3, both.get("total").asInt());
          JsonNode narrowed =
              json(
                  client.get(
                      "/api/search?outlet="
                          + q("Middle East Monitor")
                          + "&from=2019-03&to=2019-03"));
          assertEquals(1, narrowed.get("total").asInt());
        });
  }

  @Test
  void aQueryThatCannotBeReadComesWithWhereAndAFix() {
    JavalinTest.test(
        app(),
        (server, client) -> {
          Response r = client.get("/api/search?q=" + q("Deir ez\"Zor"));
          JsonNode json = JSON.readTree(r.body().string());
          assertEquals(400, r.code());
          assertEquals("bad_request", json.get("error").asText());
          assertEquals(7, json.get("position").asInt());
          assertEquals("Deir ez\\\"Zor", json.get("suggestion").asText());
          Response fixed = client.get("/api/search?q=" + q(json.get("suggestion").asText()));
          assertEquals(200, fixed.code());
        });
  }

  @Test
  void badInputGets400WithAMessageAndNoStackTrace() {
    JavalinTest.test(
        app(),
        (server, client) -> {
          for (String query :
              List.of(
                  "q=" + q("(Baghouz"),
                  "size=0",
                  "size=101",
                  "page=-1",
                  "from=yesterday",
                  "sort=sideways",
                  "colour=red",
                  "outlet_x=1",
                  "cursor=not-a-cursor",
                  "kwic=x",
                  "q=" + q("nosuch:field"))) {
            Response r = client.get("/api/search?" + query);
            String body = r.body().string();
            assertEquals(400, r.code(), query + " -> " + body);
            JsonNode json = JSON.readTree(body);
            assertEquals("bad_request", json.get("error").asText());
            assertFalse(json.get("message").asText().isBlank());
            assertFalse(body.contains("at org."), "no stack trace: " + body);
          }
        });
  }

  @Test
  void documentsStatsHealthAndNotFound() {
    JavalinTest.test(
        app(),
        (server, client) -> {
          String id =
              json(client.get("/api/search?q=Baghuz")).get("hits").get(0).get("id").asText();
          JsonNode doc = json(client.get("/api/documents/" + id));
          assertTrue(doc.get("text").asText().contains("Baghuz"));
          assertEquals("text pattern", doc.get("provenance").get("date").asText());
          Response missing = client.get("/api/documents/nope");
          assertEquals(404, missing.code());
          assertEquals("not_found", json(missing).get("error").asText());
          JsonNode stats = json(client.get("/api/stats"));
          assertEquals(5, stats.get("articles").asInt());
          assertEquals(1, stats.get("undated").asInt());
          assertTrue(stats.get("index_bytes").asLong() > 0);
          assertEquals("ok", json(client.get("/api/health")).get("status").asText());
          assertEquals(404, client.get("/api/nothing-here").code());
        });
  }

  @Test
  void exportStreamsEveryHitAsCsvOrJsonLines() {
    JavalinTest.test(
        app(),
        (server, client) -> {
          Response csv = client.get("/api/export?format=csv&q=Daesh");
          assertEquals(200, csv.code());
          String body = csv.body().string();
          assertEquals(
              '\uFEFF', body.charAt(0), "a byte-order mark, so Excel reads the UTF-8 as such");
          String[] rows = body.substring(1).split("\r\n");
          int total = json(client.get("/api/search?q=Daesh")).get("total").asInt();
          assertEquals(total + 1, rows.length, "header plus one row per hit");
          assertTrue(rows[0].startsWith("id,title,outlet,date"));
          String jsonl = client.get("/api/export?format=jsonl&q=Daesh").body().string();
          assertEquals(total, jsonl.strip().split("\n").length);
          assertEquals(400, client.get("/api/export?format=xls").code());
        });
  }

  @Test
  void exportsCarryEachDateWithItsOffsetAsTheApiDoes() {
    JavalinTest.test(
        app(),
        (server, client) -> {
          String csv =
              client.get("/api/export?format=csv&q=" + q("\"Offensive launched\"")).body().string();
          String[] rows = csv.substring(1).split("\r\n");
          // the columns of session 19 keep their places; the new ones come after them
          assertEquals(
              "id,title,outlet,date,date_precision,url,path,agencies,authors,language,person,"
                  + "organization,place,kwic_total,kwic,tags,note,note_author,note_time,"
                  + "date_offset,date_printed",
              rows[0]);
          assertEquals(2, rows.length, csv);
          // the Guardian's "Sat 16 Feb 2019 23.39 EST": 04:39 UTC on the 17th, printed on the 16th
          assertTrue(rows[1].contains(",2019-02-17T04:39:00Z,minute,"), rows[1]);
          assertTrue(rows[1].endsWith(",-300,2019-02-16 23:39"), rows[1]);
          JsonNode line =
              json(client.get("/api/export?format=jsonl&q=" + q("\"Offensive launched\"")));
          assertEquals("2019-02-17T04:39:00Z", line.get("date").asText());
          assertEquals(-300, line.get("date_offset").asInt());

          assertTrue(lastRow(client, "Truckloads").endsWith(",,2019-02-23 10:27"), "no zone: UTC");
          assertTrue(lastRow(client, "\"Scores of civilians\"").endsWith(",,2019-01-28"), "a day");
          assertTrue(lastRow(client, "Hundreds").endsWith(",,"), "undated");
          // a negative offset is a number; any other cell opening with - is still no formula
          assertEquals("-300", Exporter.csvCell("-300"));
          assertEquals("'-2+3", Exporter.csvCell("-2+3"));
          assertEquals("'=1+1", Exporter.csvCell("=1+1"));
        });
  }

  private static String lastRow(io.javalin.testtools.HttpClient client, String query)
      throws IOException {
    String[] rows =
        client.get("/api/export?format=csv&q=" + q(query)).body().string().split("\r\n");
    assertEquals(2, rows.length, query);
    return rows[1];
  }

  private static List<String> iterable(java.util.Iterator<String> it) {
    List<String> out = new java.util.ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
