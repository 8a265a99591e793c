package org.dateline.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dateline.TestIndexes;
import org.dateline.config.AccessConfig;
import org.dateline.config.Config;
import org.dateline.search.SearchService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tagging every hit of a search in one request (bounded and reported), the {@code tag} facet, and
 * the desk's tags and notes in exports, on the five seed articles.
 */
class BulkTagApiTest {

  static final String WRITE_KEY = "bulk-write-key-0123456789";
  static final String READ_KEY = "bulk-read-key-0123456789";
  static final ObjectMapper JSON = new ObjectMapper();
  static final String[] W = {ApiAccess.KEY_HEADER, WRITE_KEY};

  @TempDir Path work;

  private Config config(Path index) throws IOException {
    Path keys = work.resolve("keys.json");
    Files.writeString(keys, "{\"keys\": [{\"name\": \"reader\", \"key\": \"" + READ_KEY + "\"}]}");
    return TestIndexes.config(index)
        .withAccess(
            AccessConfig.defaults().withWriteKeys(List.of(WRITE_KEY)).withReadKeysFile(keys));
  }

  private static JsonNode json(Http.Response r) throws IOException {
    assertEquals(200, r.code(), r.body());
    return JSON.readTree(r.body());
  }

  private static List<String> facet(JsonNode search) {
    List<String> out = new java.util.ArrayList<>();
    search
        .get("facets")
        .get("tag")
        .forEach(v -> out.add(v.get("value").asText() + " " + v.get("count").asInt()));
    return out;
  }

  @Test
  void tagEveryHitOfASearchBoundedAndReported() throws IOException {
    Path index = work.resolve("index");
    TestIndexes.index(index, false, TestIndexes.SEEDS);
    try (SearchService search = SearchService.readOnly(index)) {
      JavalinTest.test(
          ApiServer.create(search, config(index)),
          (server, client) -> {
            JsonNode first =
                json(Http.send(server, "POST", "/api/tags/baghouz?q=Baghouz", null, W));
            assertEquals(4, first.get("hits").asInt());
            assertEquals(4, first.get("changed").asInt());
            assertEquals(false, first.get("truncated").asBoolean());
            JsonNode again =
                json(Http.send(server, "POST", "/api/tags/baghouz?q=Baghouz", null, W));
            assertEquals(
                List.of(0, 4),
                List.of(again.get("changed").asInt(), again.get("unchanged").asInt()));
            // Bounded: the first two hits by date, and the answer says the rest were left.
            JsonNode two =
                json(Http.send(server, "POST", "/api/tags/early?q=*&sort=oldest&limit=2", null, W));
            assertEquals(2, two.get("changed").asInt());
            assertTrue(two.get("truncated").asBoolean());
            assertTrue(two.get("message").asText().contains("more than 2 hits"), two.toString());

            JsonNode all = json(Http.send(server, "GET", "/api/search", null, W));
            assertEquals(List.of("baghouz 4", "early 2"), facet(all));
            JsonNode oldest =
                json(Http.send(server, "GET", "/api/search?sort=oldest&size=2", null, W));
            JsonNode early =
                json(Http.send(server, "GET", "/api/search?tag=early&sort=oldest", null, W));
            assertEquals(
                List.of(oldest.get("hits").get(0).get("id"), oldest.get("hits").get(1).get("id")),
                List.of(early.get("hits").get(0).get("id"), early.get("hits").get(1).get("id")));
            // The tag facet counts without its own filter: the other tag keeps its count.
            assertEquals(List.of("baghouz 4", "early 2"), facet(early));

            JsonNode removed =
                json(Http.send(server, "DELETE", "/api/tags/baghouz?q=Baghouz", null, W));
            assertEquals(4, removed.get("changed").asInt());
            assertEquals(
                List.of("early 2"), facet(json(Http.send(server, "GET", "/api/search", null, W))));

            String[] r = {ApiAccess.KEY_HEADER, READ_KEY};
            assertEquals(403, Http.send(server, "POST", "/api/tags/x?q=Baghouz", null, r).code());
            assertEquals(400, Http.send(server, "POST", "/api/tags/x", null, W).code());
            assertEquals(400, Http.send(server, "POST", "/api/tags/x?q=a&limit=0", null, W).code());
            assertEquals(400, Http.send(server, "POST", "/api/tags/%2Fx?q=a", null, W).code());
          });
    }
  }

  @Test
  void exportsCarryTheDesksTagsAndNote() throws IOException {
    Path index = work.resolve("index");
    TestIndexes.index(index, false, TestIndexes.SEEDS);
    try (SearchService search = SearchService.readOnly(index)) {
      JavalinTest.test(
          ApiServer.create(search, config(index)),
          (server, client) -> {
            String id =
                json(Http.send(server, "GET", "/api/search?sort=oldest&size=1", null, W))
                    .get("hits")
                    .get(0)
                    .get("id")
                    .asText();
            String doc = "/api/documents/" + id;
            json(Http.send(server, "PUT", doc + "/tags/check", null, W));
            json(Http.send(server, "PUT", doc + "/tags/quote", null, W));
            json(
                Http.send(
                    server,
                    "PUT",
                    doc + "/note",
                    "{\"text\": \"Call the desk, \\\"first\\\".\"}",
                    W));

            String[] csv =
                Http.send(server, "GET", "/api/export?sort=oldest", null, W).body().split("\r\n");
            assertTrue(
                csv[0].endsWith(
                    ",kwic_total,kwic,tags,note,note_author,note_time,date_offset,date_printed"),
                csv[0]);
            assertTrue(
                csv[1].contains(",check; quote,\"Call the desk, \"\"first\"\".\",write key 1,"),
                csv[1]);
            assertTrue(
                csv[2].matches(".*,,,,[^,]*,[^,]*"), "no tags, no note (then the date): " + csv[2]);

            String jsonl =
                Http.send(server, "GET", "/api/export?sort=oldest&format=jsonl", null, W).body();
            JsonNode row = JSON.readTree(jsonl.lines().findFirst().orElseThrow());
            assertEquals(id, row.get("id").asText());
            assertEquals("[\"check\",\"quote\"]", row.get("tags").toString());
            assertEquals("Call the desk, \"first\".", row.get("note").get("text").asText());
            assertEquals("write key 1", row.get("note").get("author").asText());
            JsonNode next = JSON.readTree(jsonl.lines().skip(1).findFirst().orElseThrow());
            assertEquals("[]", next.get("tags").toString());
            assertTrue(next.get("note").isNull());
          });
    }
  }
}
