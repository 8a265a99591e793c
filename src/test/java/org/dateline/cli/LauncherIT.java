package org.dateline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher ({@code ./dateline}) as a user runs it, after {@code package}: a command prints what
 * its user needs, not the JVM's notice about the incubator module Lucene's vectorised code uses
 * (which the JVM still loads: {@code jvm.properties} is unchanged), and real errors still arrive; a
 * kill sent to the launcher stops the JVM it started.
 */
class LauncherIT {

  @TempDir Path empty;

  private record Run(int exit, String out, String err) {}

  private Run launch(String... args) throws IOException, InterruptedException {
    return launch(java.util.Map.of(), args);
  }

  private Run launch(java.util.Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    Path out = empty.resolveSibling(empty.getFileName() + ".out");
    Path err = empty.resolveSibling(empty.getFileName() + ".err");
    java.util.List<String> command =
        new java.util.ArrayList<>(java.util.List.of("bash", "dateline"));
    command.addAll(java.util.List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().putAll(env);
    Process p = builder.start();
    // The launcher waits for the filter in front of standard error, so all of it is written now.
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the launcher finished");
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void anErrorArrivesAloneWithoutTheJvmsIncubatorNotice() throws Exception {
    Run run = launch("search", "harbour", "--index", empty.toString());
    assertEquals(1, run.exit(), run.err());
    assertTrue(run.err().startsWith("dateline: no index found there"), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
  }

  @Test
  void aTermSentToTheLauncherStopsTheServer() throws Exception {
    Path log = empty.resolveSibling(empty.getFileName() + ".serve.log");
    ProcessBuilder serve =
        new ProcessBuilder(
                "bash",
                "dateline",
                "serve",
                "--port",
                "0",
                "--index",
                empty.toString(),
                "--watch",
                Files.createDirectories(empty.resolveSibling(empty.getFileName() + ".drop"))
                    .toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    // what is tested is the signal, not the start-up cache: a first serve after a build trains the
    // cache before it starts, which on a loaded machine took longer than the deadline below
    serve.environment().put("DATELINE_AOT", "off");
    Process launcher = serve.start();
    try {
      stopsOnTerm(launcher, log);
    } finally {
      // a failed assertion must not leave a server behind
      launcher.descendants().forEach(ProcessHandle::destroyForcibly);
      launcher.destroyForcibly();
    }
  }

  private static void stopsOnTerm(Process launcher, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!Files.readString(log).contains("serving") && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertTrue(Files.readString(log).contains("serving"), Files.readString(log));
    java.util.List<ProcessHandle> jvms =
        launcher.descendants().filter(h -> h.info().command().orElse("").endsWith("java")).toList();
    assertEquals(1, jvms.size(), "one JVM under the launcher");
    launcher.destroy(); // SIGTERM to the launcher's bash
    assertTrue(launcher.waitFor(60, TimeUnit.SECONDS));
    assertEquals(143, launcher.exitValue(), "the JVM's status for SIGTERM");
    assertTrue(jvms.get(0).onExit().get(10, TimeUnit.SECONDS) != null);
    assertTrue(!jvms.get(0).isAlive(), "the JVM stopped with its launcher");
    assertTrue(!Files.readString(log).contains("WARNING: Using incubator"), Files.readString(log));
  }

  @Test
  void helpPrintsOnlyTheHelp() throws Exception {
    Run run = launch("index", "--help");
    assertEquals(new Run(0, run.out(), ""), run);
    assertTrue(run.out().startsWith("Usage: dateline index"), run.out());
  }

  @Test
  void helpDoesNotWaitForTheStartupCachesTraining() throws Exception {
    // As right after a build: no cache (and no failed training). A first `serve` or `bench` then
    // trains one before it starts a server, a minute or more; asking for help starts none.
    Path cache = Path.of("target/dateline.aot");
    Path failed = Path.of("target/dateline.aot.failed");
    Path aside = empty.resolveSibling(empty.getFileName() + ".aot");
    Path failedAside = empty.resolveSibling(empty.getFileName() + ".aot.failed");
    boolean had = Files.exists(cache);
    boolean hadFailed = Files.exists(failed);
    if (had) {
      Files.move(cache, aside);
    }
    if (hadFailed) {
      Files.move(failed, failedAside);
    }
    try {
      for (String[] args : new String[][] {{"serve", "--help"}, {"bench", "startup", "-h"}}) {
        Run run = launch(args);
        String what = String.join(" ", args) + ": " + run.err();
        assertEquals(0, run.exit(), what);
        assertTrue(run.out().startsWith("Usage: dateline"), what);
        assertTrue(!run.err().contains("start-up cache"), what);
        assertTrue(!Files.exists(cache), what);
      }
    } finally {
      if (had) {
        Files.move(aside, cache, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      if (hadFailed) {
        Files.move(failedAside, failed, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  @Test
  void anIngestRunsWithTheParallelCollectorAndOtherCommandsWithG1() throws Exception {
    // the JVM prints the flags it runs with (the collector's among them) on standard output
    var flags = java.util.Map.of("JDK_JAVA_OPTIONS", "-XX:+PrintCommandLineFlags");
    Run index = launch(flags, "index", "--help");
    assertTrue(index.out().contains("-XX:+UseParallelGC"), index.out());
    Run search = launch(flags, "search", "--help");
    assertTrue(search.out().contains("-XX:+UseG1GC"), search.out());
    Run g1 =
        launch(
            java.util.Map.of(
                "JDK_JAVA_OPTIONS", "-XX:+PrintCommandLineFlags", "DATELINE_INGEST_GC", "g1"),
            "index",
            "--help");
    assertTrue(g1.out().contains("-XX:+UseG1GC"), g1.out());
    // a collector the user chose is kept, not joined by a second one (which stops the JVM)
    Run serial =
        launch(
            java.util.Map.of("JDK_JAVA_OPTIONS", "-XX:+PrintCommandLineFlags -XX:+UseSerialGC"),
            "index",
            "--help");
    assertEquals(0, serial.exit(), serial.err());
    assertTrue(serial.out().contains("-XX:+UseSerialGC"), serial.out());
  }
}
