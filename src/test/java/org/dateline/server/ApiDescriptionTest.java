package org.dateline.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.router.ParsedEndpoint;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.dateline.TestIndexes;
import org.dateline.search.SearchService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAPI description against the routes the server really has; documents and concordance. */
class ApiDescriptionTest {

  @TempDir static Path dir;
  static SearchService search;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void open() throws IOException {
    search = TestIndexes.seedsSearch(dir);
  }

  @AfterAll
  static void close() throws IOException {
    search.close();
  }

  private static Javalin app() {
    return ApiServer.create(search, TestIndexes.config(dir).withWebDir(Path.of("web")));
  }

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void everyOperationIsInOneListedGroup() throws IOException {
    JsonNode spec = JSON.readTree(OpenApi.document());
    java.util.List<String> groups = new java.util.ArrayList<>();
    spec.get("tags").forEach(t -> groups.add(t.get("name").asText()));
    assertEquals(
        java.util.List.of("search", "documents", "desk", "entities", "stories", "alerts", "server"),
        groups);
    java.util.Map<String, String> groupByOperation = new java.util.TreeMap<>();
    spec.get("paths")
        .properties()
        .forEach(
            p ->
                p.getValue()
                    .properties()
                    .forEach(
                        op -> {
                          JsonNode tags = op.getValue().get("tags");
                          assertEquals(1, tags.size(), op.getKey() + " " + p.getKey());
                          groupByOperation.put(
                              op.getKey() + " " + p.getKey(), tags.get(0).asText());
                        }));
    assertTrue(groups.containsAll(groupByOperation.values()), groupByOperation.toString());
    assertEquals("search", groupByOperation.get("post /api/batch"));
    assertEquals("documents", groupByOperation.get("get /api/documents/{id}"));
    assertEquals("desk", groupByOperation.get("get /api/documents/{id}/original"));
    assertEquals("desk", groupByOperation.get("put /api/documents/{id}/tags/{tag}"));
    assertEquals("alerts", groupByOperation.get("get /api/alerts/{id}/feed"));
    assertEquals("server", groupByOperation.get("get /api/openapi.json"));
    assertEquals("documents", OpenApi.groupOf("/api/documents"));
    assertEquals("documents", OpenApi.groupOf("/api/documents/{id}/words"), "a new sub-route");
    assertEquals(
        "no group for the route /api/elsewhere in OpenApi.GROUPS",
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalStateException.class, () -> OpenApi.groupOf("/api/elsewhere"))
            .getMessage());
  }

  @Test
  void openApiDescribesEveryRouteAndNoOther() {
    Javalin app = app();
    Set<String> routes = new TreeSet<>();
    for (ParsedEndpoint e : app.unsafe.internalRouter.allHttpHandlers()) {
      if (e.endpoint.method.isHttpMethod() && e.endpoint.path.startsWith("/api/")) {
        routes.add(e.endpoint.method.name().toLowerCase(Locale.ROOT) + " " + e.endpoint.path);
      }
    }
    JavalinTest.test(
        app,
        (server, client) -> {
          var r = client.get("/api/openapi.json");
          assertEquals(200, r.code());
          JsonNode spec = JSON.readTree(r.body().string());
          assertEquals("3.1.0", spec.get("openapi").asText());
          Set<String> described = new TreeSet<>();
          spec.get("paths")
              .properties()
              .forEach(
                  p ->
                      p.getValue()
                          .fieldNames()
                          .forEachRemaining(method -> described.add(method + " " + p.getKey())));
          assertEquals(routes, described);
          assertTrue(routes.contains("post /api/documents"), routes.toString());
          // Every $ref points at something that exists.
          String text = spec.toString();
          java.util.regex.Matcher m =
              java.util.regex.Pattern.compile("\"#/components/(\\w+)/(\\w+)\"").matcher(text);
          while (m.find()) {
            assertTrue(spec.get("components").get(m.group(1)).has(m.group(2)), m.group());
          }
        });
  }

  @Test
  void documentMarksTheQueryMatchesAndCitesAPassage() {
    JavalinTest.test(
        app(),
        (server, client) -> {
          String id =
              JSON.readTree(client.get("/api/search?q=" + q("\"Mustafa Bali\"")).body().string())
                  .get("hits")
                  .get(0)
                  .get("id")
                  .asText();
          JsonNode doc =
              JSON.readTree(
                  client
                      .get("/api/documents/" + id + "?q=" + q("\"Mustafa Bali\" OR Baghouz"))
                      .body()
                      .string());
          String text = doc.get("text").asText();
          assertFalse(doc.get("matches").isEmpty());
          int phrases = 0;
          for (JsonNode span : doc.get("matches")) {
            String matched = text.substring(span.get("start").asInt(), span.get("end").asInt());
            assertTrue(matched.equals("Mustafa Bali") || matched.equals("Baghouz"), matched);
            phrases += matched.equals("Mustafa Bali") ? 1 : 0;
          }
          assertTrue(phrases >= 1);
          JsonNode first = doc.get("matches").get(0);
          int start = first.get("start").asInt();
          JsonNode cited =
              JSON.readTree(
                  client
                      .get("/api/documents/" + id + "?start=" + start + "&end=" + (start + 40))
                      .body()
                      .string());
          assertEquals(
              text.substring(start, start + 40), cited.get("passage").get("text").asText());
          assertEquals(0, cited.get("matches").size(), "no q, no matches");
          var bad = client.get("/api/documents/" + id + "?start=10&end=" + (text.length() + 1));
          assertEquals(400, bad.code());
          assertTrue(bad.body().string().contains("end <= " + text.length()));
        });
  }

  @Test
  void concordanceAsJsonAndCsv() {
    JavalinTest.test(
        app(),
        (server, client) -> {
          JsonNode c =
              JSON.readTree(client.get("/api/concordance?q=Baghouz&order=left").body().string());
          assertEquals(4, c.get("hits").asInt());
          assertEquals(17, c.get("line_count").asInt());
          assertEquals(17, c.get("lines").size());
          assertFalse(c.get("truncated").asBoolean());
          assertEquals("left", c.get("order").asText());
          assertEquals(
              "en",
              c.get("lines").get(0).get("language").asText(),
              "each line names its article's language, for its direction");
          String body =
              client.get("/api/concordance?q=Baghouz&format=csv&order=right").body().string();
          assertEquals(
              '\uFEFF', body.charAt(0), "a byte-order mark, so Excel reads the UTF-8 as such");
          String[] rows = body.substring(1).split("\r\n");
          assertEquals(18, rows.length, "header and 17 lines");
          assertEquals("left,match,right,title,outlet,date,id,offset,language", rows[0]);
          JsonNode narrowed =
              JSON.readTree(
                  client
                      .get("/api/concordance?q=Baghouz&outlet=" + q("Middle East Monitor"))
                      .body()
                      .string());
          assertEquals(2, narrowed.get("hits").asInt());
          assertEquals(12, narrowed.get("line_count").asInt(), "7 in 002 and 5 in 003");
          assertEquals(400, client.get("/api/concordance?q=Baghouz&order=up").code());
          assertEquals(400, client.get("/api/concordance?q=Baghouz&limit=0").code());
          assertEquals(
              400,
              client.get("/api/search?q=Baghouz&order=left").code(),
              "order belongs to the concordance only");
        });
  }
}
