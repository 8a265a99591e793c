package org.dateline.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dateline.config.JvmCommand;

/**
 * A {@code dateline serve} in a child JVM of its own (the same java and class path as this one),
 * for benchmarks that need a fresh server: time from process start to the first answered search,
 * and the heap it uses. Stopped by its own PID (TERM, then KILL after 30 s), never by name.
 */
public final class ServerProcess implements AutoCloseable {

  private static final Pattern HISTOGRAM_TOTAL =
      Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");

  private final Process process;
  private final String url;
  private final long startNanos;

  private ServerProcess(Process process, String url, long startNanos) {
    this.process = process;
    this.url = url;
    this.startNanos = startNanos;
  }

  /**
   * Starts {@code dateline serve --index dir --port port} with {@code -Xmx<heap>}; with a {@code
   * jfr} file, under Java Flight Recorder's profiling settings, written when it stops.
   */
  public static ServerProcess start(Path indexDir, int port, String heap, Path log, Path jfr)
      throws IOException {
    return start(indexDir, port, heap, log, jfr, List.of());
  }

  /** {@link #start(Path, int, String, Path, Path)} with more {@code serve} options. */
  public static ServerProcess start(
      Path indexDir, int port, String heap, Path log, Path jfr, List<String> serveOptions)
      throws IOException {
    return start(indexDir, port, heap, log, jfr, serveOptions, true, List.of());
  }

  /**
   * {@link #start(Path, int, String, Path, Path, List)}, with or without the launcher's start-up
   * cache (used when this JVM was given one), and with more JVM options for the server ({@code
   * -Xlog:gc}, a recording), after the usual ones.
   */
  public static ServerProcess start(
      Path indexDir,
      int port,
      String heap,
      Path log,
      Path jfr,
      List<String> serveOptions,
      boolean startupCache,
      List<String> jvmOptions)
      throws IOException {
    JvmCommand jvm = JvmCommand.withHeap(heap).option("-Xms" + heap);
    if (!startupCache) {
      jvm.withoutStartupCache();
    }
    jvm.option(jvmOptions.toArray(String[]::new));
    if (jfr != null) {
      jvm.option("-XX:StartFlightRecording=settings=profile,filename=" + jfr.toAbsolutePath());
    }
    List<String> args =
        new ArrayList<>(
            List.of(
                "serve",
                "--index",
                indexDir.toString(),
                "--port",
                Integer.toString(port),
                "--web",
                "none"));
    args.addAll(serveOptions);
    List<String> cmd = jvm.dateline(args);
    long start = System.nanoTime();
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    return new ServerProcess(p, "http://127.0.0.1:" + port, start);
  }

  public String url() {
    return url;
  }

  /** CPU time (user + system) the server's JVM has used so far, in nanoseconds; -1 if unknown. */
  public long cpuNanos() {
    return process.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(-1L);
  }

  public long pid() {
    return process.pid();
  }

  /**
   * Sends {@code firstQueryString} until it is answered with 200; returns milliseconds from process
   * start to that answer.
   */
  public long awaitFirstAnswer(String firstQueryString, Duration limit)
      throws IOException, InterruptedException {
    try (HttpClient client =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
      HttpRequest req =
          HttpRequest.newBuilder(URI.create(url + "/api/search?" + firstQueryString))
              .timeout(Duration.ofSeconds(60))
              .build();
      long deadline = System.nanoTime() + limit.toNanos();
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IOException(
              "the server exited with status "
                  + process.exitValue()
                  + " before answering; see its log");
        }
        try {
          if (client.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            return (System.nanoTime() - startNanos) / 1_000_000;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        Thread.sleep(20);
      }
    }
    throw new IOException("the server gave no answer within " + limit.toSeconds() + " s");
  }

  /**
   * Live heap in MB: the bytes of all reachable objects, counted by the JDK's {@code jcmd
   * GC.class_histogram} (a full GC, then a count inside that same safepoint); -1 when jcmd is
   * unavailable. Reading {@code GC.heap_info} after a separate {@code GC.run} is not used: a loaded
   * server allocates hundreds of MB in the half second between the two jcmd calls.
   */
  public double liveHeapMb() throws InterruptedException {
    try {
      Matcher m = HISTOGRAM_TOTAL.matcher(run("GC.class_histogram"));
      return m.find() ? Long.parseLong(m.group(1)) / (1024.0 * 1024.0) : -1;
    } catch (IOException e) {
      return -1;
    }
  }

  private String run(String command) throws IOException, InterruptedException {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    Process p =
        new ProcessBuilder(jcmd, Long.toString(process.pid()), command)
            .redirectErrorStream(true)
            .start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    p.waitFor(30, TimeUnit.SECONDS);
    return out;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
