package org.dateline.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dateline.TestIndexes;
import org.dateline.search.SearchService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No answer shows where the server keeps its files: the seeds are served from a temp folder and
 * that folder's absolute path appears in no body of the main routes, while each hit names its file
 * as the indexed folder's name and the path under it.
 */
class ShownPathApiTest {

  static final String SEED = "004_2935b12a5db641dd.txt";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path work;
  static Path seeds;
  static Path index;
  static SearchService search;

  @BeforeAll
  static void indexCopiedSeeds() throws IOException {
    seeds = Files.createDirectories(work.resolve("archive").resolve("seeds"));
    try (Stream<Path> files = Files.list(TestIndexes.SEEDS)) {
      for (Path f : files.toList()) {
        Files.copy(f, seeds.resolve(f.getFileName()));
      }
    }
    index = work.resolve("index");
    TestIndexes.index(index, false, seeds);
    search = SearchService.readOnly(index);
  }

  @AfterAll
  static void close() throws IOException {
    search.close();
  }

  @Test
  void noAnswerShowsTheServersAbsolutePath() {
    String secret = work.toAbsolutePath().toString();
    JavalinTest.test(
        ApiServer.create(search, TestIndexes.config(index)),
        (server, client) -> {
          JsonNode hits =
              JSON.readTree(body(client.get("/api/search?q=Baghuz&size=20"))).get("hits");
          JsonNode hit = hits.get(0);
          assertEquals("seeds/" + SEED, hit.get("path").asText(), hit.toString());
          String id = hit.get("id").asText();
          List<String> bodies = new ArrayList<>();
          bodies.add(hits.toString());
          bodies.add(body(client.get("/api/search?q=Bali&collapse=story")));
          String document = body(client.get("/api/documents/" + id + "?q=Baghuz"));
          assertEquals("seeds/" + SEED, JSON.readTree(document).get("path").asText());
          bodies.add(document);
          bodies.add(body(client.get("/api/export?format=csv&q=Bali")));
          bodies.add(body(client.get("/api/export?format=jsonl&q=Bali")));
          bodies.add(body(client.get("/api/concordance?q=Baghouz")));
          bodies.add(body(client.get("/api/concordance?q=Baghouz&format=csv")));
          String story = hit.get("story").get("id").asText();
          bodies.add(body(client.get("/api/stories/" + story)));
          Http.Response batch =
              Http.send(server, "POST", "/api/batch?format=jsonl&hits=10", "Bali\nBaghuz\n");
          assertEquals(200, batch.code(), batch.body());
          bodies.add(batch.body());
          bodies.add(body(client.get("/api/batch/" + batch.header("X-Dateline-Batch"))));
          for (String b : bodies) {
            assertFalse(b.contains(secret), b);
            assertFalse(b.contains(seeds.toString()), b);
          }
          assertTrue(bodies.get(3).contains("seeds/" + SEED), bodies.get(3));
          Response original = client.get("/api/documents/" + id + "/original");
          assertEquals(200, original.code());
          assertEquals(
              Files.readString(seeds.resolve(SEED)), original.body().string(), "the original");
        });
  }

  private static String body(Response r) throws IOException {
    String text = r.body().string();
    assertEquals(200, r.code(), text);
    return text;
  }
}
