package org.dateline.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.dateline.TestIndexes;
import org.dateline.search.SearchService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search answer larger than Jetty's default aggregation (8 KB) but within its output buffer goes
 * out whole, with a Content-Length and not chunked; an answer larger than the buffer is still sent
 * complete, streamed without a length known in advance.
 */
class ResponseBufferingTest {

  @TempDir static Path work;
  static Path index;
  static SearchService search;

  @BeforeAll
  static void indexSeeds() throws IOException {
    index = work.resolve("index");
    TestIndexes.index(index, false, TestIndexes.SEEDS);
    search = SearchService.readOnly(index);
  }

  @AfterAll
  static void close() throws IOException {
    search.close();
  }

  @Test
  void anAnswerThatFitsTheBufferHasItsLength() {
    JavalinTest.test(
        ApiServer.create(search, TestIndexes.config(index)),
        (server, client) -> {
          RawHttp.Answer a =
              RawHttp.send(
                  server.port(),
                  "GET",
                  "/api/search?q=the+OR+a+OR+of+OR+and+OR+in&size=100&kwic=20");
          assertEquals(200, a.status(), a.body());
          int bytes = a.body().getBytes(StandardCharsets.UTF_8).length;
          assertTrue(bytes > 8 * 1024 && bytes < 32 * 1024, "answer of " + bytes + " bytes");
          assertFalse(a.chunked(), a.head());
          assertEquals(String.valueOf(bytes), a.header("Content-Length"));
          assertEquals(5, new ObjectMapper().readTree(a.body()).get("hits").size()); // every seed
        });
  }

  @Test
  void aLargerAnswerIsStillSentWhole() {
    JavalinTest.test(
        ApiServer.create(search, TestIndexes.config(index)),
        (server, client) -> {
          RawHttp.Answer a = RawHttp.send(server.port(), "GET", "/api/openapi.json");
          assertEquals(200, a.status());
          assertTrue(a.body().length() > 32 * 1024, "answer of " + a.body().length() + " chars");
          assertNull(a.header("Content-Length"));
          assertTrue(new ObjectMapper().readTree(a.body()).has("paths"));
        });
  }
}
