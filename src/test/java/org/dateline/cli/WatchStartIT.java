package org.dateline.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dateline.DatelineProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --watch} on a new index says what it does at each step that may take a while, and
 * answers before the entity recogniser's model is loaded: it was silent for minutes (at load 18)
 * and served only once the model was in.
 */
class WatchStartIT {

  private static final String SERVING = "Dateline is serving ";
  private static final String LOADING = "Loading the entity recogniser";
  private static final String LOADED = "The entity recogniser is loaded";

  @TempDir Path work;

  @Test
  void saysEachSlowStepAndServesBeforeTheModelIsLoaded() throws Exception {
    Path drop = Files.createDirectories(work.resolve("drop"));
    Path log = work.resolve("serve.log");
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Process serve =
        DatelineProcess.start(
            log,
            "serve",
            "--index",
            work.resolve("index").toString(),
            "--watch",
            drop.toString(),
            "--port",
            Integer.toString(port));
    try {
      String served = waitFor(log, SERVING, serve);
      assertTrue(served.contains("Opening "), "the index opened said first: " + served);
      assertFalse(served.contains(LOADED), "served before the model is loaded: " + served);
      String out = waitFor(log, LOADED, serve);
      int serving = out.indexOf(SERVING);
      int loading = out.indexOf(LOADING);
      assertTrue(serving < loading && loading < out.indexOf(LOADED), "then the model: " + out);
    } finally {
      serve.destroy();
      serve.waitFor();
    }
  }

  /** The log once it holds {@code text}; fails when the server exits or 10 minutes pass first. */
  private static String waitFor(Path log, String text, Process serve)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + 600_000_000_000L;
    while (System.nanoTime() < deadline) {
      String out = Files.exists(log) ? Files.readString(log) : "";
      if (out.contains(text)) {
        return out;
      }
      assertTrue(serve.isAlive(), "the server stopped: " + out);
      Thread.sleep(200);
    }
    throw new AssertionError("no '" + text + "' within 10 minutes: " + Files.readString(log));
  }
}
