package org.dateline.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dateline.TestIndexes;
import org.dateline.bench.cli.BenchMain;
import org.dateline.config.Config;
import org.dateline.enrich.Article;
import org.dateline.search.SearchService;
import org.dateline.server.ApiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scale benchmark in small, so it cannot rot: {@code bench generate} 3,000 synthetic articles,
 * {@code bench load} them, serve them over HTTP and run {@code bench http} with the committed mix
 * at 1 and 4 clients. Asserts on what the answers hold, never on timings.
 */
class ScaleSmokeIT {

  private static final int ARTICLES = 3_000;

  @TempDir Path tmp;

  @Test
  void generateLoadServeAndBench() throws Exception {
    Path corpus = TestIndexes.sharedCorpus("reuters21578");
    assumeTrue(corpus != null, "../shared/corpus is absent: skipped");
    Path shared = corpus.getParent();
    Path jsonl = tmp.resolve("synthetic.jsonl");
    Path index = tmp.resolve("index");
    assertEquals(
        0,
        BenchMain.commandLine()
            .execute(
                "generate",
                "--articles",
                Integer.toString(ARTICLES),
                "--seed",
                "42",
                "--corpus",
                shared.toString(),
                "--out",
                jsonl.toString()));

    ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    List<String> lines = Files.readAllLines(jsonl);
    assertEquals(ARTICLES, lines.size());
    Article first = json.readValue(lines.get(0), Article.class);
    assertEquals("syn-0000000", first.id());
    // Seed 42's first article leads with a real Reuters story (golden, from the corpus itself).
    assertEquals("SUDANESE MINISTER PREDICTS DEBT DIFFICULTIES", first.title());
    assertEquals(List.of("sudan"), first.entities().get("place"));
    Map<String, Integer> perOutlet = new HashMap<>();
    for (String line : lines) {
      Article a = json.readValue(line, Article.class);
      perOutlet.merge(a.outlet(), 1, Integer::sum);
      int year = a.date().instant().atZone(java.time.ZoneOffset.UTC).getYear();
      assertTrue(year >= 2000 && year <= 2026, "date " + a.date());
    }
    assertTrue(perOutlet.size() > 40, "outlets used: " + perOutlet.size());

    assertEquals(
        0,
        BenchMain.commandLine()
            .execute("load", jsonl.toString(), "--index", index.toString(), "--threads", "2"));

    try (SearchService search = SearchService.readOnly(index)) {
      Javalin app =
          ApiServer.create(search, Config.defaults().withWebDir(tmp.resolve("none"))).start(0);
      try {
        Path out = tmp.resolve("http.json");
        StringWriter printed = new StringWriter();
        var cl = BenchMain.commandLine();
        cl.setOut(new java.io.PrintWriter(printed));
        assertEquals(
            0,
            cl.execute(
                "http",
                "--url",
                "http://127.0.0.1:" + app.port(),
                "--queries",
                "bench/http-queries.txt",
                "--clients",
                "1,4",
                "--warmup",
                "0",
                "--passes",
                "1",
                "--json",
                out.toString()));
        JsonNode figures = new ObjectMapper().readTree(out.toFile());
        assertEquals(ARTICLES, figures.get("articles").asLong());
        assertTrue(figures.get("requests_per_pass").asInt() >= 200);
        for (JsonNode level : figures.get("levels")) {
          assertEquals(0, level.get("errors").asLong(), "errors at " + level.get("clients"));
        }
        Map<String, Long> hits = new HashMap<>();
        for (JsonNode r : figures.get("per_request")) {
          hits.put(r.get("request").asText(), r.get("hits").asLong());
        }
        assertEquals(ARTICLES, hits.get("*"));
        assertEquals(
            perOutlet.get("Northgate Herald").longValue(), hits.get("* | outlet=Northgate Herald"));
        assertTrue(hits.get("said") > ARTICLES / 3, "said: " + hits.get("said"));
        assertTrue(printed.toString().contains("| 4 |"), printed.toString());
      } finally {
        app.stop();
      }
    }
    // The same seed writes the same bytes, whatever the count.
    Path again = tmp.resolve("again.jsonl");
    assertEquals(
        0,
        BenchMain.commandLine()
            .execute(
                "generate",
                "--articles",
                "50",
                "--corpus",
                shared.toString(),
                "--out",
                again.toString()));
    List<String> prefix = Files.readAllLines(again);
    assertArrayEquals(
        lines.subList(0, 50).stream().map(l -> l.replace(jsonl.toString(), "")).toArray(),
        prefix.stream().map(l -> l.replace(again.toString(), "")).toArray());
  }
}
