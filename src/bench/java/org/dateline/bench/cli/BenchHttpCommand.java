package org.dateline.bench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dateline.bench.BenchFiles;
import org.dateline.bench.HttpBench;
import org.dateline.bench.ServerProcess;
import org.dateline.cli.JsonOutOption;
import org.dateline.server.ApiServer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dateline bench http}: latency and QPS of the HTTP query mix, against a server already
 * running ({@code --url}) or one it starts itself on an index ({@code --serve DIR}: then also time
 * to first answer and live heap).
 */
@Command(
    name = "http",
    mixinStandardHelpOptions = true,
    description = "HTTP query benchmark: p50/p95/p99 at 1 client, QPS and p99 at more clients.")
final class BenchHttpCommand implements Callable<Integer> {

  static final class Target {
    @Option(names = "--url", description = "A running Dateline, e.g. http://127.0.0.1:7373.")
    String url;

    @Option(
        names = "--serve",
        paramLabel = "DIR",
        description = "Start 'dateline serve' on this index in a child JVM (fresh, timed).")
    Path serve;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  @Option(
      names = "--port",
      defaultValue = "7373",
      description = "Port for --serve (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--heap",
      defaultValue = "1g",
      description = "-Xmx and -Xms of the --serve JVM (default: ${DEFAULT-VALUE}).")
  String heap;

  @Option(
      names = "--queries",
      defaultValue = "bench/http-queries.txt",
      description = "Request mix (default: ${DEFAULT-VALUE}).")
  Path queries;

  @Option(
      names = "--clients",
      split = ",",
      defaultValue = "1,4,8,16",
      description = "Concurrency levels (default: ${DEFAULT-VALUE}).")
  List<Integer> clients;

  @Option(
      names = "--warmup",
      defaultValue = "1",
      description = "Warm-up passes per level (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(
      names = "--warmup-seconds",
      defaultValue = "0",
      description =
          "Before the first level, send the mix at the highest concurrency for this long,"
              + " unmeasured, so the server's JIT has finished compiling (default: ${DEFAULT-VALUE}:"
              + " the first level then includes the compiling).")
  int warmupSeconds;

  @Option(
      names = "--passes",
      defaultValue = "3",
      description = "Measured passes per level (default: ${DEFAULT-VALUE}).")
  int passes;

  @Option(
      names = "--jfr",
      paramLabel = "FILE",
      description = "With --serve: profile the server with Java Flight Recorder into FILE.")
  Path jfr;

  @Mixin JsonOutOption jsonOut;

  @Spec CommandSpec spec;

  /** Everything one run measured. */
  record Figures(
      String url,
      int requestsPerPass,
      long articles,
      long indexBytes,
      long firstAnswerMs,
      double liveHeapMb,
      String heap,
      int warmupSeconds,
      List<HttpBench.Level> levels,
      List<HttpBench.PerRequest> perRequest) {}

  @Override
  public Integer call() throws Exception {
    List<HttpBench.Request> mix = HttpBench.readMix(queries);
    PrintWriter out = spec.commandLine().getOut();
    Figures f;
    if (target.serve != null) {
      Path log = Files.createTempFile("dateline-bench-serve", ".log");
      try (ServerProcess server = ServerProcess.start(target.serve, port, heap, log, jfr)) {
        long firstMs = server.awaitFirstAnswer(mix.get(0).queryString(), Duration.ofMinutes(5));
        out.printf(
            "server pid %d (log %s): first answer %d ms after start%n", server.pid(), log, firstMs);
        out.flush();
        f = measure(server.url(), mix, firstMs, server, out);
      }
    } else {
      f = measure(target.url, mix, -1, null, out);
    }
    print(f, out);
    jsonOut.write(f);
    return 0;
  }

  private Figures measure(
      String url, List<HttpBench.Request> mix, long firstMs, ServerProcess server, PrintWriter out)
      throws Exception {
    JsonNode stats;
    try (HttpClient c = HttpClient.newHttpClient()) {
      String body =
          c.send(
                  HttpRequest.newBuilder(URI.create(url + "/api/stats")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      stats = ApiServer.jsonMapper().readTree(body);
    }
    HttpBench bench = new HttpBench(url, mix, Duration.ofSeconds(120));
    List<HttpBench.Level> levels = new ArrayList<>();
    List<HttpBench.PerRequest> perRequest = new ArrayList<>();
    if (warmupSeconds > 0) {
      int most = clients.stream().mapToInt(Integer::intValue).max().orElse(1);
      int warmPasses = bench.warm(most, Duration.ofSeconds(warmupSeconds));
      out.printf(
          "  warm-up: %d passes at %d clients in %d s, not measured%n",
          warmPasses, most, warmupSeconds);
      out.flush();
    }
    for (int c : clients) {
      HttpBench.Level level =
          bench.run(
              c,
              warmup,
              passes,
              c == 1 ? perRequest : null,
              server == null ? null : server::cpuNanos);
      levels.add(level);
      out.printf(
          "  %d client(s): p50 %.2f ms, p99 %.2f ms, %.0f QPS, server CPU %.2f ms/request%n",
          c, level.p50Ms(), level.p99Ms(), level.qps(), level.serverCpuMsPerRequest());
      out.flush();
    }
    double heapMb = server == null ? -1 : server.liveHeapMb();
    long bytes =
        target.serve != null
            ? BenchFiles.sizeOf(target.serve)
            : stats.path("index_bytes").asLong(-1);
    return new Figures(
        url,
        mix.size(),
        stats.path("articles").asLong(-1),
        bytes,
        firstMs,
        heapMb,
        server == null ? "" : heap,
        warmupSeconds,
        levels,
        perRequest);
  }

  private static void print(Figures f, PrintWriter out) {
    out.printf(
        "%n%,d articles, index %.1f MB; %d requests a pass; first answer %s; live heap %s%n",
        f.articles(),
        f.indexBytes() / 1e6,
        f.requestsPerPass(),
        f.firstAnswerMs() < 0 ? "-" : f.firstAnswerMs() + " ms",
        f.liveHeapMb() < 0
            ? "-"
            : String.format(java.util.Locale.ROOT, "%.0f MB (-Xmx%s)", f.liveHeapMb(), f.heap()));
    out.printf(
        "| clients | requests | errors | p50 ms | p95 ms | p99 ms | max ms | QPS"
            + " | server CPU ms/req | load avg |%n");
    out.printf("|---|---|---|---|---|---|---|---|---|---|%n");
    for (HttpBench.Level l : f.levels()) {
      out.printf(
          "| %d | %d | %d | %.2f | %.2f | %.2f | %.2f | %.0f | %.2f | %.2f |%n",
          l.clients(),
          l.requests(),
          l.errors(),
          l.p50Ms(),
          l.p95Ms(),
          l.p99Ms(),
          l.maxMs(),
          l.qps(),
          l.serverCpuMsPerRequest(),
          l.loadAverage());
    }
    List<HttpBench.PerRequest> slow = new ArrayList<>(f.perRequest());
    slow.sort((a, b) -> Double.compare(max(b.ms()), max(a.ms())));
    out.println("slowest requests at 1 client (worst measured pass):");
    for (HttpBench.PerRequest r : slow.subList(0, Math.min(10, slow.size()))) {
      out.printf("  %8.2f ms  %9d hits  %s%n", max(r.ms()), r.hits(), r.request());
    }
    out.flush();
  }

  private static double max(double[] xs) {
    double m = 0;
    for (double x : xs) {
      m = Math.max(m, x);
    }
    return m;
  }
}
