package org.dateline.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.ArrayList;
import java.util.List;
import org.dateline.TestIndexes;
import org.dateline.search.SearchService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The entity endpoints and the variants switch, over HTTP, on the seeds with real recognition. */
class EntityApiTest {

  @TempDir static Path dir;
  static SearchService search;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() throws IOException {
    TestIndexes.indexWithEntities(dir, TestIndexes.SEEDS);
    search = SearchService.readOnly(dir);
  }

  @AfterAll
  static void stop() throws IOException {
    search.close();
  }

  private static Javalin app() {
    return ApiServer.create(search, TestIndexes.config(dir).withWebDir(Path.of("web")));
  }

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static JsonNode json(Response r) throws IOException {
    return JSON.readTree(r.body().string());
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.get(field).asText()));
    return out;
  }

  @Test
  void autocompleteFindsTheEntityByAnyWordWithDocumentCounts() {
    JavalinTest.test(
        app(),
        (server, client) -> {
          JsonNode list = json(client.get("/api/entities?type=person&prefix=bal"));
          assertEquals(1, list.size(), list.toString());
          assertEquals("Mustafa Bali", list.get(0).get("canonical").asText());
          assertEquals("person", list.get(0).get("type").asText());
          assertEquals(4, list.get(0).get("documents").asInt());

          JsonNode orgs = json(client.get("/api/entities?type=organization&prefix=syrian"));
          assertEquals(
              List.of("Syrian Democratic Forces", "Syrian Observatory for Human Rights"),
              texts(orgs, "canonical"));
          assertEquals(5, orgs.get(0).get("documents").asInt());
          assertEquals(3, orgs.get(1).get("documents").asInt());
        });
  }

  @Test
  void anEntityHasItsVariantsCooccurringEntitiesAndDates() {
    JavalinTest.test(
        app(),
        (server, client) -> {
          String id =
              json(client.get("/api/entities?type=person&prefix=mustafa"))
                  .get(0)
                  .get("id")
                  .asText();
          Response r = client.get("/api/entities/" + id);
          assertEquals(200, r.code());
          JsonNode d = json(r);
          assertEquals("Mustafa Bali", d.get("canonical").asText());
          List<String> variants = texts(d.get("variants"), "text");
          assertTrue(
              variants.containsAll(List.of("Mustafa Bali", "Mostafa Bali", "Mostefa Bali", "Bali")),
              variants.toString());
          JsonNode first = d.get("cooccurring").get(0);
          assertEquals(4, first.get("documents").asInt(), d.get("cooccurring").toString());
          assertTrue(
              texts(d.get("cooccurring"), "canonical")
                  .containsAll(List.of("Syrian Democratic Forces", "Islamic State", "Baghouz")));
          // the day the Guardian printed ("Sat 16 Feb 2019 23.39 EST"), not the 17th of UTC
          assertEquals("2019-02-16", d.get("first_seen").asText(), d.toString());
          assertEquals("2019-03-05", d.get("last_seen").asText(), d.toString());
          assertEquals(404, client.get("/api/entities/nosuchentity").code());
          assertEquals(400, client.get("/api/entities?type=thing").code());
        });
  }

  @Test
  void variantsTrueFindsEverySpellingAndExactOtherwise() {
    JavalinTest.test(
        app(),
        (server, client) -> {
          JsonNode exact = json(client.get("/api/search?q=" + q("\"Mostafa Bali\"")));
          assertEquals(1, exact.get("total").asInt());
          JsonNode all =
              json(client.get("/api/search?q=" + q("\"Mostafa Bali\"") + "&variants=true"));
          assertEquals(4, all.get("total").asInt(), all.toString());
          JsonNode names = all.get("hits").get(0).get("names");
          boolean writtenAndCanonical = false;
          for (JsonNode n : names) {
            writtenAndCanonical |=
                n.get("canonical").asText().equals("Mustafa Bali")
                    && n.get("text").asText().contains("Bali");
          }
          assertTrue(writtenAndCanonical, names.toString());
          assertEquals(400, client.get("/api/search?q=x&variants=maybe").code());
        });
  }

  @Test
  void aDocumentListsItsMentionsWithOffsets() {
    JavalinTest.test(
        app(),
        (server, client) -> {
          String id =
              json(client.get("/api/search?q=Mostefa")).get("hits").get(0).get("id").asText();
          JsonNode doc = json(client.get("/api/documents/" + id));
          String text = doc.get("text").asText();
          int checked = 0;
          for (JsonNode m : doc.get("mentions")) {
            assertEquals(
                m.get("text").asText(),
                text.substring(m.get("start").asInt(), m.get("end").asInt()));
            checked++;
          }
          assertTrue(checked > 20, "mentions: " + checked);
        });
  }
}
