package org.dateline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.dateline.TestIndexes;
import org.dateline.bench.cli.BenchMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench nrt --http} in small, so the end-to-end path cannot rot: a real {@code dateline
 * serve --watch} in its own JVM on the seeds index, 10 files a second dropped into its folder for 5
 * seconds while 10 searches a second run, and every file must become searchable. The bound on
 * visibility is generous (a loaded CI machine), but far below the 60 s commit interval, so a server
 * that showed new articles only at its commits would fail it.
 */
class NrtHttpIT {

  private static final int RATE = 10;
  private static final int SECONDS = 5;
  private static final double BOUND_MS = 15_000;

  @TempDir Path tmp;

  @Test
  void everyDroppedFileBecomesSearchableOverHttp() throws Exception {
    Path corpus = TestIndexes.sharedCorpus("reuters21578");
    assumeTrue(corpus != null, "../shared/corpus is absent: skipped");
    Path index = tmp.resolve("index");
    TestIndexes.index(index, false, TestIndexes.SEEDS);
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Path json = tmp.resolve("nrt.json");
    StringWriter printed = new StringWriter();
    var cl = BenchMain.commandLine();
    cl.setOut(new PrintWriter(printed));
    int rc =
        cl.execute(
            "nrt",
            "--http",
            "--index",
            index.toString(),
            "--port",
            Integer.toString(port),
            "--rate",
            Integer.toString(RATE),
            "--qps",
            "10",
            "--seconds",
            Integer.toString(SECONDS),
            "--no-entities",
            "--heap",
            "512m",
            "--corpus",
            corpus.getParent().toString(),
            "--json",
            json.toString());
    assertEquals(0, rc, printed.toString());
    JsonNode r = new ObjectMapper().readTree(json.toFile());
    assertEquals(RATE * SECONDS, r.get("files_written").asLong(), printed.toString());
    assertEquals(RATE * SECONDS, r.get("articles_seen").asLong(), printed.toString());
    assertEquals(0, r.get("query_errors").asLong(), printed.toString());
    double max = r.get("visible_max_ms").asDouble();
    assertTrue(
        max > 0 && max < BOUND_MS, "slowest file searchable after " + max + " ms: " + printed);
    assertTrue(r.get("visible_p50_ms").asDouble() <= max);
    assertTrue(printed.toString().contains("server: Watch: committed"), printed.toString());
  }
}
