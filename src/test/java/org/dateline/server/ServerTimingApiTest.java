package org.dateline.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dateline.TestIndexes;
import org.dateline.search.SearchService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search sent with the Dateline-Timing header is answered with a Server-Timing header naming
 * every stage the request passed, and with the same body as without it; without the header there is
 * no Server-Timing.
 */
class ServerTimingApiTest {

  static final ObjectMapper JSON = new ObjectMapper();

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

  private static List<String> stages(String header) {
    List<String> out = new ArrayList<>();
    for (String part : header.split(", ")) {
      String[] f = part.split(";dur=");
      assertTrue(Double.parseDouble(f[1]) >= 0, part);
      out.add(f[0]);
    }
    return out;
  }

  /** The body without took_ms, the one field that differs from one answer to the next. */
  private static String withoutTook(Response r) throws IOException {
    ObjectNode body = (ObjectNode) JSON.readTree(r.body().string());
    body.remove("took_ms");
    return body.toString();
  }

  @Test
  void stagesOnRequestAndTheSameBody() {
    JavalinTest.test(
        ApiServer.create(search, TestIndexes.config(index)),
        (server, client) -> {
          String path = "/api/search?q=Bali&size=5&kwic=2";
          Response plain = client.get(path);
          Response timed = client.get(path, req -> req.header("Dateline-Timing", "on"));
          assertEquals(200, timed.code());
          assertNull(plain.headers().get("Server-Timing"));
          assertNull(plain.headers().get(StoryRoutes.CPU_HEADER));
          String cpu = timed.headers().get(StoryRoutes.CPU_HEADER).get(0);
          assertTrue(cpu.matches("\\d+\\.\\d{3}") && Double.parseDouble(cpu) > 0, cpu);
          List<String> header = timed.headers().get("Server-Timing");
          assertEquals(1, header.size(), header.toString());
          List<String> names = stages(header.get(0));
          for (String stage :
              List.of(
                  "request",
                  "parse",
                  "rewrite",
                  "filters",
                  "top",
                  "match",
                  "facets",
                  "histogram",
                  "hit_stored",
                  "hit_article",
                  "hit_kwic",
                  "hit_story",
                  "tags",
                  "json")) {
            assertTrue(names.contains(stage), stage + " missing from " + header);
          }
          assertEquals("json", names.get(names.size() - 1));
          assertEquals(names.size(), names.stream().distinct().count(), header.toString());
          assertEquals(withoutTook(plain), withoutTook(timed));
        });
  }
}
