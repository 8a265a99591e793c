package org.dateline.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dateline.search.RefreshTimes;

/**
 * How a fresh {@code dateline serve} does in its first seconds: milliseconds (and the server's CPU
 * milliseconds) from process start to its first answered search, then one client sending the mix
 * for a fixed window, with the window's percentiles and those of its first and last thirds (JIT
 * warm-up shows as the first third's p99 above the last's). Optionally the same client goes on,
 * unmeasured for a settling time, then measured again for a steady-state window, so the first
 * window's p99 is compared with the same server's once warm. One run per call; each run a new JVM,
 * stopped by its PID.
 */
public final class StartupBench {

  /**
   * One run: with the start-up cache or not, first answer (wall and server CPU), the first load
   * window's figures and, when measured, the steady window's ({@code -1} when not). CPU per request
   * is the server's CPU time over a window divided by its requests: unlike wall time it barely
   * moves when other work shares the machine.
   */
  public record Run(
      boolean startupCache,
      long firstAnswerMs,
      long firstAnswerCpuMs,
      int requests,
      int errors,
      double p50Ms,
      double p99Ms,
      double firstThirdP99Ms,
      double lastThirdP99Ms,
      double cpuMsPerRequest,
      double steadyP50Ms,
      double steadyP99Ms,
      double steadyCpuMsPerRequest,
      double threadCpuP99Ms,
      double steadyThreadCpuP99Ms,
      List<Slow> slowest) {}

  /**
   * One of the first window's slowest requests: seconds after the first answer, its milliseconds,
   * which of the mix's requests it was and whether it was that request's first time in the run.
   */
  public record Slow(
      double atSeconds, double ms, String label, boolean firstTime, double threadCpuMs) {}

  /**
   * How long to load: the first window, then (when steady is not zero) settle and steady; {@code
   * idle}: how long the client waits after the first answer before the first window (a server whose
   * users come some seconds after it started; zero: at once).
   */
  public record Windows(Duration first, Duration settle, Duration steady, Duration idle) {}

  /**
   * What a run starts: the index, port and heap, with the start-up cache or not, and more JVM
   * options for the server ({@code -Xlog:...}, a recording; none: as a user's). With {@code
   * threadCpu} every request asks for the CPU its server thread spent on it (the {@code
   * Dateline-Timing} header), and the windows' p99 of that is reported too: on a loaded machine it
   * moves far less than wall time, since it leaves out the waits for a core.
   */
  public record Server(
      Path index,
      int port,
      String heap,
      boolean startupCache,
      List<String> jvmOptions,
      boolean threadCpu,
      Path samples) {}

  /**
   * Latencies of one window: {start offset ns, latency ns, index into the mix, server thread CPU ns
   * or -1} per request, and the failures.
   */
  private record Window(List<long[]> samples, int errors, long nanos, long cpuNanos) {
    double pct(double p) {
      return StartupBench.pct(samples, 0, Long.MAX_VALUE, p);
    }

    /** The p99 of the server threads' CPU per request; -1 when not asked for. */
    double threadCpuP99() {
      long[] sorted = samples.stream().mapToLong(s -> s[3]).filter(c -> c >= 0).sorted().toArray();
      return sorted.length == 0 ? -1 : RefreshTimes.pct(sorted, 99);
    }

    double cpuMsPerRequest() {
      return samples.isEmpty() || cpuNanos < 0 ? -1 : cpuNanos / 1e6 / samples.size();
    }
  }

  /** The request header that asks a Dateline server for its timings (server/StoryRoutes). */
  static final String TIMING_HEADER = "Dateline-Timing";

  /** The response header with the CPU milliseconds the request's server thread spent. */
  static final String CPU_HEADER = "Dateline-Thread-Cpu";

  private StartupBench() {}

  /** Starts a server on {@code index}, times its first answer, then loads it for the windows. */
  public static Run run(Server s, List<HttpBench.Request> mix, Windows windows, Path log)
      throws IOException, InterruptedException {
    Files.deleteIfExists(log);
    boolean startupCache = s.startupCache();
    try (ServerProcess server =
            ServerProcess.start(
                s.index(), s.port(), s.heap(), log, null, List.of(), startupCache, s.jvmOptions());
        HttpClient client =
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build()) {
      long first = server.awaitFirstAnswer(mix.get(0).queryString(), Duration.ofMinutes(3));
      long firstCpuMs = server.cpuNanos() / 1_000_000;
      Thread.sleep(windows.idle().toMillis());
      boolean cpu = s.threadCpu();
      Window w = load(client, server, mix, 1, windows.first(), cpu);
      Window steady = null;
      if (!windows.steady().isZero()) {
        int next = 1 + w.samples().size();
        next += load(client, server, mix, next, windows.settle(), cpu).samples().size();
        steady = load(client, server, mix, next, windows.steady(), cpu);
      }
      if (s.samples() != null) {
        writeSamples(s.samples(), mix, w, steady);
      }
      long third = w.nanos() / 3;
      return new Run(
          startupCache,
          first,
          firstCpuMs,
          w.samples().size(),
          w.errors() + (steady == null ? 0 : steady.errors()),
          w.pct(50),
          w.pct(99),
          pct(w.samples(), 0, third, 99),
          pct(w.samples(), 2 * third, Long.MAX_VALUE, 99),
          w.cpuMsPerRequest(),
          steady == null ? -1 : steady.pct(50),
          steady == null ? -1 : steady.pct(99),
          steady == null ? -1 : steady.cpuMsPerRequest(),
          w.threadCpuP99(),
          steady == null ? -1 : steady.threadCpuP99(),
          slowest(w, mix));
    }
  }

  /**
   * The first window's slowest 1 % (the requests its p99 stands on), slowest first: when in the
   * window they came and whether each was its request's first time, i.e. whether the p99 is the
   * mix's first pass (code run cold) or spread over the window (compiling, collecting).
   */
  private static List<Slow> slowest(Window w, List<HttpBench.Request> mix) {
    int n = Math.max(1, w.samples().size() / 100);
    return w.samples().stream()
        .sorted((a, b) -> Long.compare(b[1], a[1]))
        .limit(n)
        .map(
            s ->
                new Slow(
                    s[0] / 1e9,
                    s[1] / 1e6,
                    mix.get((int) (s[2] % mix.size())).queryString(),
                    s[2] < mix.size(),
                    s[3] / 1e6))
        .toList();
  }

  /**
   * One client sends the mix from its {@code from}-th request on, one at a time, for {@code d};
   * with {@code threadCpu}, asking the server for each request's thread CPU.
   */
  private static Window load(
      HttpClient client,
      ServerProcess server,
      List<HttpBench.Request> mix,
      int from,
      Duration d,
      boolean threadCpu)
      throws IOException, InterruptedException {
    List<long[]> samples = new ArrayList<>();
    long cpu0 = server.cpuNanos();
    long start = System.nanoTime();
    long end = start + d.toNanos();
    int errors = 0;
    for (int i = from; System.nanoTime() < end; i++) {
      HttpBench.Request r = mix.get(i % mix.size());
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(server.url() + "/api/search?" + r.queryString()))
              .timeout(Duration.ofSeconds(60));
      if (threadCpu) {
        b.header(TIMING_HEADER, "on");
      }
      HttpRequest req = b.build();
      long t0 = System.nanoTime();
      int status;
      long cpuNanos = -1;
      try {
        HttpResponse<byte[]> resp = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
        status = resp.statusCode();
        cpuNanos =
            resp.headers()
                .firstValue(CPU_HEADER)
                .map(v -> (long) (Double.parseDouble(v) * 1e6))
                .orElse(-1L);
      } catch (IOException e) {
        status = -1;
      }
      samples.add(new long[] {t0 - start, System.nanoTime() - t0, i, cpuNanos});
      errors += status == 200 ? 0 : 1;
    }
    long cpu1 = server.cpuNanos();
    return new Window(samples, errors, d.toNanos(), cpu0 < 0 || cpu1 < 0 ? -1 : cpu1 - cpu0);
  }

  private static void writeSamples(
      Path file, List<HttpBench.Request> mix, Window first, Window steady) throws IOException {
    StringBuilder out = new StringBuilder("window\tn\tat_s\twall_ms\tcpu_ms\trequest\n");
    for (Window w : steady == null ? List.of(first) : List.of(first, steady)) {
      for (long[] r : w.samples()) {
        out.append(w == first ? "first" : "steady")
            .append('\t')
            .append(r[2])
            .append('\t')
            .append(
                String.format(
                    java.util.Locale.ROOT, "%.3f\t%.3f\t%.3f", r[0] / 1e9, r[1] / 1e6, r[3] / 1e6))
            .append('\t')
            .append(mix.get((int) (r[2] % mix.size())).queryString())
            .append('\n');
      }
    }
    Files.writeString(file, out);
  }

  private static double pct(List<long[]> samples, long from, long to, double p) {
    long[] sorted =
        samples.stream()
            .filter(s -> s[0] >= from && s[0] < to)
            .mapToLong(s -> s[1])
            .sorted()
            .toArray();
    return sorted.length == 0 ? 0 : RefreshTimes.pct(sorted, p);
  }
}
