package org.dateline.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dateline.StoryFixtures;
import org.dateline.TestIndexes;
import org.dateline.search.SearchService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stories over HTTP: each hit's story, {@code collapse=story} and {@code /api/stories/{id}}, on
 * three dated copies of one wire story in three outlets and one other story.
 */
class StoryApiTest {

  @TempDir static Path dir;
  static SearchService search;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() throws IOException {
    Path src = dir.resolve("src");
    StoryFixtures.write(
        src, "wire.txt", "Northern quay to close", StoryFixtures.WIRE + "\n\nReuter");
    StoryFixtures.sidecar(src, "wire.txt", "Reuters", "2026-03-02T09:00:00Z");
    StoryFixtures.write(
        src,
        "gazette.txt",
        "Quay closed",
        StoryFixtures.paragraph(0)
            + "\n\n"
            + StoryFixtures.paragraph(1)
            + "\n\n"
            + StoryFixtures.paragraph(2));
    StoryFixtures.sidecar(src, "gazette.txt", "Harbour Gazette", "2026-03-03T07:00:00Z");
    StoryFixtures.write(
        src, "times.txt", "Storm shuts quay", StoryFixtures.WIRE + "\n\n" + StoryFixtures.LOCAL);
    StoryFixtures.sidecar(src, "times.txt", "Island Times", "2026-03-02T15:00:00Z");
    StoryFixtures.write(src, "court.txt", "Bankers jailed", StoryFixtures.OTHER);
    StoryFixtures.sidecar(src, "court.txt", "Island Times", "2026-03-02T16:00:00Z");
    TestIndexes.index(dir.resolve("index"), false, src);
    search = SearchService.readOnly(dir.resolve("index"));
  }

  @AfterAll
  static void stop() throws IOException {
    search.close();
  }

  private static Javalin app() {
    return ApiServer.create(search, TestIndexes.config(dir.resolve("index")));
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
  void everyHitCarriesItsStoryAndCollapseKeepsOneCopyPerStory() {
    JavalinTest.test(
        app(),
        (server, client) -> {
          JsonNode all = json(client.get("/api/search?q=quay&sort=oldest"));
          assertEquals(3, all.get("total").asInt());
          assertEquals(3, all.get("total_articles").asInt());
          assertEquals(
              List.of("Reuters", "Island Times", "Harbour Gazette"),
              texts(all.get("hits"), "outlet"));
          for (JsonNode hit : all.get("hits")) {
            JsonNode story = hit.get("story");
            assertEquals(3, story.get("copies").asInt());
            assertEquals(3, story.get("outlets").asInt());
            assertEquals("Reuters", story.get("first").get("outlet").asText());
            assertEquals("2026-03-02T09:00:00Z", story.get("first").get("date").asText());
            assertEquals(
                all.get("hits").get(0).get("id").asText(), story.get("first").get("id").asText());
          }
          JsonNode collapsed = json(client.get("/api/search?q=quay&collapse=story&sort=newest"));
          assertEquals(1, collapsed.get("total").asInt());
          assertEquals(3, collapsed.get("total_articles").asInt());
          // By date, the story is shown by its newest copy.
          assertEquals(List.of("Harbour Gazette"), texts(collapsed.get("hits"), "outlet"));

          JsonNode everything = json(client.get("/api/search?collapse=story&sort=oldest"));
          assertEquals(2, everything.get("total").asInt());
          assertEquals(4, everything.get("total_articles").asInt());
          assertEquals(
              List.of("Northern quay to close", "Bankers jailed"),
              texts(everything.get("hits"), "title"));
          assertEquals(
              List.of(3, 1),
              List.of(
                  everything.get("hits").get(0).get("story").get("copies").asInt(),
                  everything.get("hits").get(1).get("story").get("copies").asInt()));

          assertEquals(400, client.get("/api/search?q=quay&collapse=stories").code());
        });
  }

  @Test
  void aStoryListsItsCopiesWithWhatEachKeptAddedAndRemoved() {
    JavalinTest.test(
        app(),
        (server, client) -> {
          JsonNode hit = json(client.get("/api/search?q=quay&sort=oldest")).get("hits").get(0);
          String id = hit.get("story").get("id").asText();
          assertEquals(16, id.length());
          JsonNode story = json(client.get("/api/stories/" + id));
          assertEquals(id, story.get("id").asText());
          assertEquals(3, story.get("copies").asInt());
          JsonNode copies = story.get("articles");
          assertEquals(
              List.of("Reuters", "Island Times", "Harbour Gazette"), texts(copies, "outlet"));
          // A plain-text article's text opens with its title line, so the first copy has 4 + 109
          // words. The Times retitled it ("northern", "to", "close" out; "storm", "shuts" in) and
          // added the 19-word local paragraph: 110 of 113 kept. The Gazette retitled it ("closed"
          // in) and cut the 25-word last paragraph: 85 of 113 kept.
          assertEquals(List.of("1.0", "0.973", "0.752"), texts(copies, "kept"));
          assertEquals(List.of("0", "21", "1"), texts(copies, "words_added"));
          assertEquals(List.of("0", "3", "28"), texts(copies, "words_removed"));

          assertEquals(404, client.get("/api/stories/0123456789abcdef").code());
          assertEquals(404, client.get("/api/stories/not-a-story").code());
        });
  }
}
