package org.dateline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.dateline.TestIndexes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI smoke version of the soak test ({@code dateline bench soak}): 16 clients for 20 s against
 * a served index while stories are ingested into it. The full 5-minute run on 100k articles is a
 * documented command (RELIABILITY.md).
 */
class LoadSoakIT {

  @TempDir Path work;

  @Test
  void sixteenClientsWhileIngestingGetNoErrorAndLoseNoStory() throws Exception {
    Path index = work.resolve("index");
    TestIndexes.index(index, false, TestIndexes.SEEDS);
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    LoadSoak.Result r =
        LoadSoak.run(
            new LoadSoak.Plan(
                index,
                port,
                "512m",
                QueryBench.readQueries(Path.of("bench/queries.txt")),
                16,
                Duration.ofSeconds(20),
                Duration.ofSeconds(5),
                100,
                work.resolve("soak")),
            new PrintWriter(System.out, true));
    System.out.printf(
        "soak smoke: %d requests, %d errors, p99 %.1f ms, heap %s, ingested %d%n",
        r.requests(), r.errors(), r.p99Ms(), r.heap(), r.storiesIngested());
    assertEquals(0, r.errors(), r.firstErrors().toString());
    assertTrue(r.requests() > 100, "the clients kept the server busy: " + r.requests());
    assertTrue(r.storiesIngested() >= 100, "at least one ingest round finished");
    assertEquals(r.articlesBefore() + r.storiesIngested(), r.articlesAfter(), "no story lost");
    assertFalse(r.heap().isEmpty());
    assertTrue(r.heap().get(0).liveMb() > 0, "jcmd read the server's heap");
  }
}
