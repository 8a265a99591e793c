package org.dateline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dateline.MarkdownLinks;
import org.dateline.TestIndexes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive ({@code ./dateline dist}) unpacked and run as on a machine with no Java: no
 * {@code java} on the PATH, no JAVA_HOME; {@code index} indexes the seeds and {@code serve} answers
 * a search over them, both on the archive's own trimmed runtime. Building the archive takes minutes
 * (jdeps, jlink), so this test runs only on an archive already built: {@code ./dateline dist}, then
 * {@code ./mvnw verify -Dit.test=DistIT -Dtest=none -Ddateline.dist=<the archive it printed>}. The
 * server also shows that the archive's start-up cache fits the unpacked copy.
 */
class DistIT {

  /** The tools the launcher itself calls; java is not among them, nor anywhere on the PATH. */
  private static final List<String> TOOLS =
      List.of("bash", "env", "sed", "head", "cut", "mktemp", "mkfifo", "cat", "rm", "dirname");

  @TempDir Path work;

  @Test
  void theArchiveIndexesAndServesWithNoJavaInstalled() throws Exception {
    String archive = System.getProperty("dateline.dist");
    assumeTrue(
        archive != null, "no archive given (-Ddateline.dist=...; ./dateline dist builds one)");
    assertTrue(Files.isRegularFile(Path.of(archive)), "the archive given is no file: " + archive);
    Path unpacked = Files.createDirectories(work.resolve("unpacked"));
    Process tar = new ProcessBuilder("tar", "-xzf", archive, "-C", unpacked.toString()).start();
    assertTrue(tar.waitFor(300, TimeUnit.SECONDS));
    assertEquals(0, tar.exitValue(), new String(tar.getErrorStream().readAllBytes()));
    Path home;
    try (var dirs = Files.list(unpacked)) {
      home = dirs.findFirst().orElseThrow();
    }
    assertTrue(Files.isExecutable(home.resolve("runtime/bin/java")));
    assertFalse(Files.exists(home.resolve("runtime/bin/javac")), "a runtime, not a JDK");
    String modules = Files.readString(home.resolve("runtime/release"));
    assertFalse(modules.contains("jdk.jshell"), "trimmed to what Dateline uses: " + modules);
    // the sample archive the README's `./dateline serve` indexes in the unpacked folder
    try (var seeds = Files.list(home.resolve("seeds"))) {
      assertEquals(5, seeds.count(), "the archive's seeds/");
    }
    // the README's links (its docs/, BENCHMARKS.md ...) open in the unpacked folder too
    assertEquals(List.of(), MarkdownLinks.broken(home.resolve("README.md")));

    Map<String, String> env = Map.of("PATH", toolsOnly().toString(), "HOME", work.toString());
    Path index = work.resolve("index");
    Path log = work.resolve("index.log");
    assertEquals(
        0,
        run(
            launcher(home, "index", TestIndexes.SEEDS.toString(), "--index", index.toString()),
            env,
            log),
        Files.readString(log));
    assertTrue(Files.readString(log).contains(": 5 articles in"), Files.readString(log));

    Path serveLog = work.resolve("serve.log");
    // the JVM's class loading logged to a file: where each class came from
    Path classes = work.resolve("classes.log");
    Map<String, String> serveEnv = new java.util.HashMap<>(env);
    serveEnv.put("JDK_JAVA_OPTIONS", "-Xlog:class+load=info:file=" + classes);
    Process serve =
        start(
            launcher(home, "serve", "--index", index.toString(), "--port", "0"),
            serveEnv,
            serveLog);
    try {
      int port = port(serveLog);
      HttpRequest search =
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/search?q=Baghouz"))
              .build();
      HttpResponse<String> r = HttpClient.newHttpClient().send(search, BodyHandlers.ofString());
      // The first searches of a cold server on a loaded machine can pass their time limit: 503
      // busy with Retry-After, which a client asks again after, as the page does.
      for (int attempt = 1; r.statusCode() == 503 && attempt < 5; attempt++) {
        Thread.sleep(1000L * Long.parseLong(r.headers().firstValue("Retry-After").orElse("2")));
        r = HttpClient.newHttpClient().send(search, BodyHandlers.ofString());
      }
      assertEquals(200, r.statusCode(), r.body());
      JsonNode answer = new ObjectMapper().readTree(r.body());
      assertEquals(4, answer.get("total").asInt(), answer.toString());
      // the trimmed runtime holds what Lucene asks the JVM through (jdk.management): without it
      // Lucene takes it for a non-HotSpot JVM and runs without its vector code
      assertFalse(
          Files.readString(serveLog).contains("not using Hotspot"), Files.readString(serveLog));
      // the archive's start-up cache, trained by make-dist, fits where the archive was unpacked:
      // Dateline's own classes come from it, not from the jars
      assertTrue(Files.isRegularFile(home.resolve("dateline.aot")), "the archive has its cache");
      assertTrue(
          Files.readString(classes)
              .contains("org.dateline.search.SearchService source: shared objects file"),
          "the start-up cache was used");
    } finally {
      serve.destroy(); // SIGTERM: the launcher passes it to its JVM
      assertTrue(serve.waitFor(60, TimeUnit.SECONDS), "the server stopped");
    }
  }

  private static List<String> launcher(Path home, String... args) {
    List<String> command = new ArrayList<>(List.of(home.resolve("dateline").toString()));
    command.addAll(List.of(args));
    return command;
  }

  /** A folder of links to the launcher's tools alone, as the whole PATH. */
  private Path toolsOnly() throws IOException, InterruptedException {
    Path bin = Files.createDirectories(work.resolve("bin"));
    for (String tool : TOOLS) {
      Process which = new ProcessBuilder("bash", "-c", "command -v " + tool).start();
      String path = new String(which.getInputStream().readAllBytes()).strip();
      assertEquals(0, which.waitFor(), tool + " is on this machine");
      Files.createSymbolicLink(bin.resolve(tool), Path.of(path));
    }
    return bin;
  }

  private static int port(Path log) throws IOException, InterruptedException {
    Pattern serving = Pattern.compile("on http://localhost:(\\d+)");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (System.nanoTime() < deadline) {
      Matcher m = serving.matcher(Files.readString(log));
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the server did not start: " + Files.readString(log));
  }

  private static Process start(List<String> command, Map<String, String> env, Path log)
      throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    return pb.start();
  }

  private static int run(List<String> command, Map<String, String> env, Path log)
      throws IOException, InterruptedException {
    Process p = start(command, env, log);
    assertTrue(p.waitFor(600, TimeUnit.SECONDS), "finished: " + command);
    return p.exitValue();
  }
}
