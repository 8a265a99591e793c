package org.dateline.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.dateline.TestIndexes;
import org.dateline.config.AccessConfig;
import org.dateline.config.Config;
import org.dateline.search.SearchService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tags, stars and notes through the API: written with a write key, refused to a read key, read
 * within the key's scope, still there after the file is indexed again.
 */
class DeskApiTest {

  static final String WRITE_KEY = "desk-write-key-0123456789";
  static final String READ_KEY = "desk-read-key-0123456789";
  static final String MEM_KEY = "desk-mem-key-0123456789";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path work;

  private Config config(Path index) throws IOException {
    Path keys = work.resolve("keys.json");
    Files.writeString(
        keys,
        """
        {"keys": [{"name": "reader", "key": "%s"},
                  {"name": "mem", "key": "%s", "outlet": ["Middle East Monitor"]}]}
        """
            .formatted(READ_KEY, MEM_KEY));
    return TestIndexes.config(index)
        .withAccess(
            AccessConfig.defaults().withWriteKeys(List.of(WRITE_KEY)).withReadKeysFile(keys));
  }

  private static String idOf(Path index, String file) throws IOException {
    return TestIndexes.storedArticles(index).stream()
        .filter(a -> a.path().endsWith(file))
        .findFirst()
        .orElseThrow()
        .id();
  }

  @Test
  void writeWithAWriteKeyReadInScopeKeepAcrossReindexing() throws IOException {
    Path sources = Files.createDirectories(work.resolve("sources"));
    Path guardian =
        Files.copy(
            TestIndexes.SEEDS.resolve("004_2935b12a5db641dd.txt"), sources.resolve("guardian.txt"));
    Path index = work.resolve("index");
    TestIndexes.index(index, false, sources);
    String id = idOf(index, "guardian.txt");
    String base = "/api/documents/" + id;
    try (SearchService search = SearchService.readOnly(index)) {
      JavalinTest.test(
          ApiServer.create(search, config(index)),
          (server, client) -> {
            String[] w = {ApiAccess.KEY_HEADER, WRITE_KEY};
            assertEquals(200, Http.send(server, "PUT", base + "/tags/baghouz", null, w).code());
            assertEquals(
                200, Http.send(server, "PUT", base + "/tags/sdf%20sources", null, w).code());
            assertEquals(200, Http.send(server, "PUT", base + "/tags/to-check", null, w).code());
            Http.Response del = Http.send(server, "DELETE", base + "/tags/to-check", null, w);
            assertEquals(
                "[\"baghouz\",\"sdf sources\"]", JSON.readTree(del.body()).get("tags").toString());
            assertEquals(200, Http.send(server, "PUT", base + "/star", null, w).code());
            Http.Response note =
                Http.send(
                    server,
                    "PUT",
                    base + "/note",
                    "{\"text\": \"Quote Bali from the second paragraph.\"}",
                    w);
            assertEquals(200, note.code(), note.body());
            // tag and starred filter searches, exports and batches
            String[] r = {ApiAccess.KEY_HEADER, READ_KEY};
            JsonNode tagged =
                JSON.readTree(Http.send(server, "GET", "/api/search?tag=baghouz", null, r).body());
            assertEquals(1, tagged.get("total").asInt());
            assertEquals(id, tagged.get("hits").get(0).get("id").asText());
            assertEquals(
                0,
                JSON.readTree(
                        Http.send(server, "GET", "/api/search?q=Bali&tag=other", null, r).body())
                    .get("total")
                    .asInt());
            assertEquals(
                1,
                JSON.readTree(
                        Http.send(server, "GET", "/api/search?q=Bali&starred=true", null, w).body())
                    .get("total")
                    .asInt());
            assertEquals(
                0,
                JSON.readTree(Http.send(server, "GET", "/api/search?starred=true", null, r).body())
                    .get("total")
                    .asInt(),
                "the read key starred nothing");
            assertEquals(
                2,
                Http.send(server, "GET", "/api/export?tag=sdf%20sources", null, r)
                    .body()
                    .split("\r\n")
                    .length,
                "header and the one tagged article");
            assertTrue(
                Http.send(server, "POST", "/api/batch?format=jsonl&tag=other", "Bali\n", r)
                    .body()
                    .contains("\"articles\":0,"));
            // a read key may read them, not write them; no key at all may not write either
            Http.Response refused =
                Http.send(server, "PUT", base + "/tags/x", null, ApiAccess.KEY_HEADER, READ_KEY);
            assertEquals(403, refused.code());
            assertEquals(
                "this key may read but not write",
                JSON.readTree(refused.body()).get("message").asText());
            assertEquals(
                403,
                Http.send(server, "PUT", base + "/star", null, ApiAccess.KEY_HEADER, READ_KEY)
                    .code());
            assertEquals(
                403,
                Http.send(
                        server,
                        "PUT",
                        base + "/note",
                        "{\"text\": \"x\"}",
                        ApiAccess.KEY_HEADER,
                        READ_KEY)
                    .code());
            assertEquals(401, Http.send(server, "DELETE", base + "/tags/baghouz", null).code());
            assertEquals(400, Http.send(server, "PUT", base + "/tags/%2Fetc", null, w).code());
            assertEquals(400, Http.send(server, "PUT", base + "/note", "not json", w).code());
            // the Guardian is outside the Middle East Monitor key's scope
            assertEquals(
                404,
                Http.send(server, "GET", base + "/desk", null, ApiAccess.KEY_HEADER, MEM_KEY)
                    .code());
            assertEquals(
                404,
                Http.send(server, "GET", base + "/original", null, ApiAccess.KEY_HEADER, MEM_KEY)
                    .code());
          });
    }
    // The file changes and is indexed again: its article keeps its id, the desk keeps its marks.
    Files.writeString(guardian, Files.readString(guardian) + "\nUpdated.\n");
    Files.setLastModifiedTime(guardian, FileTime.from(Instant.parse("2026-12-01T00:00:00Z")));
    assertEquals(1, TestIndexes.index(index, false, sources).filesIndexed());
    try (SearchService search = SearchService.readOnly(index)) {
      JavalinTest.test(
          ApiServer.create(search, config(index)),
          (server, client) -> {
            Http.Response r =
                Http.send(server, "GET", base + "/desk", null, ApiAccess.KEY_HEADER, READ_KEY);
            assertEquals(200, r.code(), r.body());
            JsonNode desk = JSON.readTree(r.body());
            assertEquals("[\"baghouz\",\"sdf sources\"]", desk.get("tags").toString());
            assertEquals("[\"write key 1\"]", desk.get("starred_by").toString());
            assertEquals(
                "Quote Bali from the second paragraph.", desk.get("note").get("text").asText());
            assertEquals("write key 1", desk.get("note").get("author").asText());
            assertTrue(
                Instant.parse(desk.get("note").get("time").asText())
                    .isAfter(Instant.now().minusSeconds(600)));
          });
    }
  }

  @Test
  void aReadKeyChangesNothingWhateverItTries() throws IOException {
    Path index = work.resolve("index");
    TestIndexes.index(index, false, TestIndexes.SEEDS);
    String id = idOf(index, "004_2935b12a5db641dd.txt");
    String base = "/api/documents/" + id;
    try (SearchService search = SearchService.readOnly(index)) {
      JavalinTest.test(
          ApiServer.create(search, config(index)),
          (server, client) -> {
            String[] w = {ApiAccess.KEY_HEADER, WRITE_KEY};
            assertEquals(200, Http.send(server, "PUT", base + "/tags/baghouz", null, w).code());
            assertEquals(200, Http.send(server, "PUT", base + "/star", null, w).code());
            assertEquals(
                200, Http.send(server, "PUT", base + "/note", "{\"text\": \"Keep.\"}", w).code());
            String before = Http.send(server, "GET", base + "/desk", null, w).body();
            for (String[] key : List.of(new String[] {READ_KEY}, new String[] {MEM_KEY})) {
              String[] r = {ApiAccess.KEY_HEADER, key[0]};
              for (String[] call :
                  List.of(
                      new String[] {"DELETE", base + "/tags/baghouz"},
                      new String[] {"PUT", base + "/tags/other"},
                      new String[] {"DELETE", base + "/star"},
                      new String[] {"PUT", base + "/star"},
                      new String[] {"DELETE", base + "/note"},
                      new String[] {"POST", "/api/tags/other?q=Baghouz"},
                      new String[] {"DELETE", "/api/tags/baghouz?q=Baghouz"})) {
                Http.Response refused = Http.send(server, call[0], call[1], null, r);
                assertTrue(
                    refused.code() == 403 || (key[0].equals(MEM_KEY) && refused.code() == 404),
                    key[0] + " " + call[0] + " " + call[1] + ": " + refused.code());
              }
              Http.Response note =
                  Http.send(server, "PUT", base + "/note", "{\"text\": \"Overwritten.\"}", r);
              assertTrue(note.code() == 403 || note.code() == 404, note.body());
            }
            assertEquals(before, Http.send(server, "GET", base + "/desk", null, w).body());
            assertTrue(before.contains("\"note\":{\"text\":\"Keep.\""), before);
          });
    }
  }
}
