package org.dateline.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dateline.TestIndexes;
import org.dateline.bench.ServerProcess;
import org.dateline.search.SearchService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole set of hostile search-path requests against one {@code dateline serve} process, each
 * sent twice: once by a client that leaves at once, once by one that waits for the answer. Then the
 * server must be idle (its process uses under 1 s of CPU over 10 s) and still answer a search.
 */
class HostileRequestsIT {

  @TempDir Path work;

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void afterEveryHostileRequestTheServerIsIdleAndStillAnswers() throws Exception {
    Path index = work.resolve("index");
    TestIndexes.index(index, false, TestIndexes.SEEDS);
    String docId;
    try (SearchService s = SearchService.readOnly(index)) {
      docId =
          s.idsOfSource(TestIndexes.SEEDS.resolve("000_7208853106593958.txt").toString())
              .getFirst();
    }
    int port = freePort();
    try (ServerProcess server =
        ServerProcess.start(
            index, port, "512m", work.resolve("serve.log"), null, List.of("--no-entities"))) {
      server.awaitFirstAnswer("q=Syria", Duration.ofSeconds(120));
      List<String> wrong = new ArrayList<>();
      for (HostileRequests.Case c : HostileRequests.all(docId)) {
        leaveAtOnce(port, c.method(), c.target());
        RawHttp.Answer a = RawHttp.send(port, c.method(), c.target());
        if (a.status() != c.status()) {
          wrong.add(c.method() + " " + c.target() + " -> " + a.status() + " " + a.body());
        }
      }
      assertEquals(List.of(), wrong);
      Thread.sleep(2_000); // the last answers are written; work left behind would still run
      long before = server.cpuNanos();
      Thread.sleep(10_000);
      long usedMs = (server.cpuNanos() - before) / 1_000_000;
      System.out.printf(
          "after %d hostile requests: %d ms of server CPU over 10 s%n",
          2 * HostileRequests.all(docId).size(), usedMs);
      assertTrue(before >= 0, "the process's CPU time is readable here");
      assertTrue(usedMs < 1_000, usedMs + " ms of CPU over 10 s: work is still running");
      RawHttp.Answer ok = RawHttp.send(port, "GET", "/api/search?q=Baghuz&size=1");
      assertEquals(200, ok.status(), ok.body());
      assertTrue(ok.body().contains("\"total\":"), ok.body());
    }
  }

  /** Sends the request and closes the connection without reading the answer. */
  private static void leaveAtOnce(int port, String method, String target) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          (method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
