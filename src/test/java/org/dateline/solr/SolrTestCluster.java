package org.dateline.solr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The loopback SolrCloud cluster of solr/cluster (Solr's MiniSolrCloudCluster) as a child process
 * with Solr's own class path: built with the repository's Maven wrapper when its jar is missing,
 * started at a 1 GB heap, and told to stop and start nodes through its standard input.
 */
final class SolrTestCluster implements AutoCloseable {

  static final Path LAUNCHER = Path.of("solr", "cluster");
  static final Path JAR = LAUNCHER.resolve("target").resolve("solr-cluster.jar");

  private final Process process;
  private final BufferedReader out;
  private final Writer in;
  private final List<String> urls;

  private SolrTestCluster(Process process, BufferedReader out, Writer in, List<String> urls) {
    this.process = process;
    this.out = out;
    this.in = in;
    this.urls = urls;
  }

  /**
   * Builds the launcher if needed and starts {@code nodes} nodes with their data under {@code dir};
   * returns at once: {@link Starting#ready} waits for them (the caller works meanwhile).
   */
  static Starting launch(int nodes, Path dir, Path log) throws IOException, InterruptedException {
    build(log);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                java.toString(),
                "-Xmx1g",
                // a test cluster lives a minute: the quick compiler alone costs less CPU than both
                "-XX:TieredStopAtLevel=1",
                "-jar",
                JAR.toString(),
                Integer.toString(nodes),
                dir.toString())
            .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    return new Starting(p, log);
  }

  /** A cluster process started and not yet known to be ready. */
  record Starting(Process process, Path log) {

    /** Waits until every node is live. */
    SolrTestCluster ready() throws IOException {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
      String ready = out.readLine();
      if (ready == null || !ready.startsWith("READY ")) {
        process.destroyForcibly();
        throw new IOException("the test cluster did not start (" + ready + "); see " + log);
      }
      return new SolrTestCluster(process, out, in, List.of(ready.substring(6).split(",")));
    }
  }

  /** Runs solr/cluster's Maven build once (offline-safe once its dependencies are downloaded). */
  private static void build(Path log) throws IOException, InterruptedException {
    if (Files.isRegularFile(JAR)) {
      return;
    }
    ProcessBuilder mvn =
        new ProcessBuilder(
                Path.of("mvnw").toAbsolutePath().toString(),
                "-B",
                "-q",
                "-f",
                LAUNCHER.resolve("pom.xml").toString(),
                "package",
                "-DskipTests")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    mvn.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process running = mvn.start();
    if (!running.waitFor(10, TimeUnit.MINUTES)
        || running.exitValue() != 0
        || !Files.isRegularFile(JAR)) {
      running.destroyForcibly();
      throw new IOException("building solr/cluster failed; see " + log);
    }
  }

  /** The nodes' Solr roots ({@code http://127.0.0.1:PORT/solr}). */
  List<String> urls() {
    return urls;
  }

  /** Stops node {@code i} and waits until the cluster knows it is gone. */
  void stop(int i) throws IOException {
    command("stop " + i, "STOPPED " + i);
  }

  /** Starts node {@code i} again and waits until it is live. */
  void start(int i) throws IOException {
    command("start " + i, "STARTED " + i);
  }

  private void command(String line, String expected) throws IOException {
    in.write(line + "\n");
    in.flush();
    String answer = out.readLine();
    if (answer == null || !answer.startsWith(expected)) {
      throw new IOException("test cluster: '" + line + "' answered " + answer);
    }
  }

  @Override
  public void close() throws InterruptedException {
    try {
      in.write("quit\n");
      in.flush();
    } catch (IOException e) {
      // already gone
    }
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
