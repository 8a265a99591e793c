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
 * (which the JVM still loads: {@code jvm.properties} is unchanged), and real errors still arrive.
 */
class LauncherIT {

  @TempDir Path empty;

  private record Run(int exit, String out, String err) {}

  private Run launch(String... args) throws IOException, InterruptedException {
    Path out = empty.resolveSibling(empty.getFileName() + ".out");
    Path err = empty.resolveSibling(empty.getFileName() + ".err");
    java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("bash", "dateline"));
    command.addAll(java.util.List.of(args));
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
        .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the launcher finished");
    // The filter in front of standard error ends a moment after the JVM: let it write.
    Thread.sleep(300);
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
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
  void helpPrintsOnlyTheHelp() throws Exception {
    Run run = launch("index", "--help");
    assertEquals(new Run(0, run.out(), ""), run);
    assertTrue(run.out().startsWith("Usage: dateline index"), run.out());
  }
}
