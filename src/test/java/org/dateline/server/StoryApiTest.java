package org.dateline.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dateline.StoryFixtures;
import org.dateline.TestIndexes;
import org.dateline.config.AccessConfig;
import org.dateline.config.Config;
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
    Path keys = dir.resolve("keys.json");
    Files.writeString(
        keys,
        """
        {"keys": [{"name": "times", "key": "%s", "outlet": ["Island Times"]},
                  {"name": "march-3", "key": "%s", "from": "2026-03-03", "to": "2026-03-03"}]}
        """
            .formatted(TIMES_KEY, MARCH_3_KEY));
    keyed =
        TestIndexes.config(dir.resolve("index"))
            .withAccess(AccessConfig.defaults().withReadKeysFile(keys));
  }

  static final String TIMES_KEY = "times-key-0123456789abcdef";
  static final String MARCH_3_KEY = "march-3-key-0123456789abcdef";
  static Config keyed;

  @AfterAll
  static void stop() throws IOException {
    search.close();
  }

  private static Javalin app() {
    return ApiServer.create(search, TestIndexes.config(dir.resolve("index")));
  }

  private static JsonNode json(Http.Response r) throws IOException {
    assertEquals(200, r.code(), r.body());
    return JSON.readTree(r.body());
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

  @Test
  void exportAndConcordanceCollapseToOneCopyPerStory() {
    JavalinTest.test(
        app(),
        (server, client) -> {
          String all = client.get("/api/export?q=quay&sort=newest&format=jsonl").body().string();
          assertEquals(3, all.lines().count());
          String one =
              client
                  .get("/api/export?q=quay&sort=newest&format=jsonl&collapse=story")
                  .body()
                  .string();
          assertEquals(1, one.lines().count());
          JsonNode hit = JSON.readTree(one.lines().findFirst().orElseThrow());
          // As on search: by date, the story is shown by its newest copy.
          assertEquals("Harbour Gazette", hit.get("outlet").asText());
          assertEquals(3, hit.get("story").get("copies").asInt());
          String csv = client.get("/api/export?collapse=story&sort=oldest").body().string();
          assertEquals(3, csv.split("\r\n").length, "header and one row per story");

          JsonNode lines = json(client.get("/api/concordance?q=quay&sort=oldest"));
          assertEquals(3, lines.get("hits").asInt());
          JsonNode collapsed =
              json(client.get("/api/concordance?q=quay&sort=oldest&collapse=story"));
          assertEquals(1, collapsed.get("hits").asInt());
          String first =
              json(client.get("/api/search?q=quay&sort=oldest"))
                  .get("hits")
                  .get(0)
                  .get("id")
                  .asText();
          int kwicTotal =
              json(client.get("/api/search?q=quay&sort=oldest&kwic=50"))
                  .get("hits")
                  .get(0)
                  .get("kwic_total")
                  .asInt();
          assertEquals(kwicTotal, collapsed.get("line_count").asInt());
          for (JsonNode line : collapsed.get("lines")) {
            assertEquals(first, line.get("id").asText(), "only the earliest copy's lines");
          }
          assertEquals(400, client.get("/api/concordance?q=quay&collapse=yes").code());
        });
  }

  @Test
  void facetValuesCountStoriesOnRequest() {
    JavalinTest.test(
        app(),
        (server, client) -> {
          JsonNode articles = json(client.get("/api/search?q=quay")).get("facets");
          assertEquals("text 3", first(articles.get("type")));
          JsonNode stories = json(client.get("/api/search?q=quay&count=stories")).get("facets");
          assertEquals("text 1", first(stories.get("type")));
          JsonNode everything = json(client.get("/api/search?count=stories")).get("facets");
          assertEquals("text 2", first(everything.get("type")));
          // A filtered dimension counts without its own filter (multi-select): Island Times
          // printed two stories, Reuters and the Gazette one each.
          JsonNode reuters =
              json(client.get("/api/search?count=stories&outlet=Reuters")).get("facets");
          assertEquals(
              List.of("Island Times 2", "Harbour Gazette 1", "Reuters 1"),
              values(reuters.get("outlet")));
          assertEquals("text 1", first(reuters.get("type")));
          assertEquals(400, client.get("/api/search?count=copies").code());
        });
  }

  @Test
  void aScopedKeySeesAStoryOnlyThroughItsOwnCopies() {
    JavalinTest.test(
        ApiServer.create(search, keyed),
        (server, client) -> {
          JsonNode hits =
              json(Http.send(
                      server, "GET", "/api/search?q=quay", null, ApiAccess.KEY_HEADER, TIMES_KEY))
                  .get("hits");
          assertEquals(1, hits.size());
          JsonNode story = hits.get(0).get("story");
          assertEquals(1, story.get("copies").asInt());
          assertEquals(1, story.get("outlets").asInt());
          // Not the Reuters copy, which this key may not read: its own copy is the first it sees.
          assertEquals("Island Times", story.get("first").get("outlet").asText());
          assertEquals(hits.get(0).get("id").asText(), story.get("first").get("id").asText());

          String id = story.get("id").asText();
          JsonNode detail =
              json(
                  Http.send(
                      server, "GET", "/api/stories/" + id, null, ApiAccess.KEY_HEADER, TIMES_KEY));
          assertEquals(1, detail.get("copies").asInt());
          assertEquals(List.of("Island Times"), texts(detail.get("articles"), "outlet"));
          assertEquals("Island Times", detail.get("first").get("outlet").asText());

          String export =
              Http.send(
                      server,
                      "GET",
                      "/api/export?q=quay&format=jsonl",
                      null,
                      ApiAccess.KEY_HEADER,
                      TIMES_KEY)
                  .body();
          assertEquals(1, export.lines().count());
          assertEquals(1, JSON.readTree(export.strip()).get("story").get("copies").asInt());

          // A key for one day sees the Gazette's copy of 3 March alone, measured as the first.
          JsonNode day =
              json(
                  Http.send(
                      server,
                      "GET",
                      "/api/stories/" + id,
                      null,
                      ApiAccess.KEY_HEADER,
                      MARCH_3_KEY));
          assertEquals(List.of("Harbour Gazette"), texts(day.get("articles"), "outlet"));
          assertEquals(List.of("1.0"), texts(day.get("articles"), "kept"));
          // A story with no copy in scope does not exist for the key.
          String court =
              json(Http.send(
                      server,
                      "GET",
                      "/api/search?q=bankers",
                      null,
                      ApiAccess.KEY_HEADER,
                      TIMES_KEY))
                  .get("hits")
                  .get(0)
                  .get("story")
                  .get("id")
                  .asText();
          assertEquals(
              404,
              Http.send(
                      server,
                      "GET",
                      "/api/stories/" + court,
                      null,
                      ApiAccess.KEY_HEADER,
                      MARCH_3_KEY)
                  .code());
          // Unscoped, the story is whole.
          assertEquals(3, json(client.get("/api/stories/" + id)).get("copies").asInt());
        });
  }

  private static String first(JsonNode values) {
    return values.get(0).get("value").asText() + " " + values.get(0).get("count").asInt();
  }

  private static List<String> values(JsonNode values) {
    List<String> out = new ArrayList<>();
    values.forEach(v -> out.add(v.get("value").asText() + " " + v.get("count").asInt()));
    return out;
  }
}
