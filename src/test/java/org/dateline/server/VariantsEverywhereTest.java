package org.dateline.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.dateline.TestIndexes;
import org.dateline.search.SearchService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * variants=true means the same search on every route that takes one: the export has as many rows as
 * the search's total, the concordance walks as many hits, and the document marks every spelling.
 */
class VariantsEverywhereTest {

  @TempDir static Path dir;
  static SearchService search;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void open() throws IOException {
    search = TestIndexes.entitySeedsSearch(dir);
  }

  @AfterAll
  static void close() throws IOException {
    search.close();
  }

  @Test
  void exportConcordanceAndDocumentFollowTheSwitch() {
    String q = "q=" + URLEncoder.encode("\"Mostafa Bali\"", StandardCharsets.UTF_8);
    JavalinTest.test(
        ApiServer.create(search, TestIndexes.config(dir)),
        (server, client) -> {
          JsonNode exact = JSON.readTree(client.get("/api/search?" + q).body().string());
          JsonNode all =
              JSON.readTree(client.get("/api/search?" + q + "&variants=true").body().string());
          long total = all.get("total").asLong();
          assertTrue(total > exact.get("total").asLong(), "variants find more: " + total);
          String csv = client.get("/api/export?format=csv&" + q + "&variants=true").body().string();
          assertEquals(total + 1, csv.split("\r\n").length, "header and one row per hit");
          JsonNode conc =
              JSON.readTree(client.get("/api/concordance?" + q + "&variants=true").body().string());
          assertEquals(total, conc.get("hits").asLong());
          // A hit found only through a variant has that variant marked in its text.
          String id = null;
          for (JsonNode hit : all.get("hits")) {
            boolean inExact = false;
            for (JsonNode e : exact.get("hits")) {
              inExact |= e.get("id").asText().equals(hit.get("id").asText());
            }
            if (!inExact) {
              id = hit.get("id").asText();
            }
          }
          JsonNode plain =
              JSON.readTree(client.get("/api/documents/" + id + "?" + q).body().string());
          assertEquals(0, plain.get("matches").size());
          JsonNode marked =
              JSON.readTree(
                  client.get("/api/documents/" + id + "?" + q + "&variants=true").body().string());
          assertTrue(marked.get("matches").size() > 0, marked.get("matches").toString());
          String text = marked.get("text").asText();
          JsonNode first = marked.get("matches").get(0);
          assertTrue(
              text.substring(first.get("start").asInt(), first.get("end").asInt()).contains("Bali"),
              "a spelling of the name is marked");
        });
  }
}
