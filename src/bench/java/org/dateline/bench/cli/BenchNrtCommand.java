package org.dateline.bench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dateline.bench.BenchFiles;
import org.dateline.bench.CorpusStories;
import org.dateline.bench.HttpBench;
import org.dateline.bench.NrtBench;
import org.dateline.bench.NrtHttpBench;
import org.dateline.bench.ServerProcess;
import org.dateline.bench.SyntheticArchive;
import org.dateline.cli.CommonOptions;
import org.dateline.cli.JsonOutOption;
import org.dateline.config.Config;
import org.dateline.index.ArticleIndex;
import org.dateline.search.SearchService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dateline bench nrt}: how soon a new article is searchable while ingesting and serving. */
@Command(
    name = "nrt",
    mixinStandardHelpOptions = true,
    description =
        "Near-real-time visibility of new articles under ingest and query load"
            + " (works on a scratch copy of --index).")
final class BenchNrtCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Option(
      names = "--rate",
      defaultValue = "100",
      description = "Articles added per second (default: ${DEFAULT-VALUE}).")
  int rate;

  @Option(
      names = "--qps",
      defaultValue = "50",
      description = "Searches per second (default: ${DEFAULT-VALUE}).")
  int qps;

  @Option(
      names = "--seconds",
      defaultValue = "30",
      description = "Duration (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Option(
      names = "--warmup-seconds",
      defaultValue = "0",
      description =
          "With --http: first run the same load this long, unmeasured, so the new server's"
              + " JIT has finished compiling (default: ${DEFAULT-VALUE}: measure from the start).")
  int warmupSeconds;

  @Option(
      names = "--corpus",
      defaultValue = "../shared/corpus",
      description = "Corpus folder (default: ${DEFAULT-VALUE}).")
  Path corpus;

  @Option(
      names = "--queries",
      defaultValue = "bench/http-queries.txt",
      description = "Queries (default: ${DEFAULT-VALUE}).")
  Path queries;

  @Option(
      names = "--http",
      description =
          "End to end: start 'dateline serve --watch' on the"
              + " scratch copy, write the articles as files into its drop folder, search over HTTP.")
  boolean http;

  @Option(
      names = "--port",
      defaultValue = "7191",
      description = "With --http: the server's port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--heap",
      defaultValue = "1g",
      description = "With --http: the server's heap (default: ${DEFAULT-VALUE}).")
  String heap;

  @Option(
      names = "--settle-ms",
      defaultValue = "100",
      description = "With --http: the server's --settle-ms (default: ${DEFAULT-VALUE}).")
  long settleMs;

  @Option(
      names = "--commit-seconds",
      defaultValue = "60",
      description = "With --http: the server's --commit-seconds (default: ${DEFAULT-VALUE}).")
  long commitSeconds;

  @Option(
      names = "--jfr",
      paramLabel = "FILE",
      description = "With --http: record the server with Java Flight Recorder into FILE.")
  Path jfr;

  @Mixin JsonOutOption jsonOut;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Config config = common.toConfig();
    Path scratch = Files.createTempDirectory("dateline-bench-nrt");
    List<HttpBench.Request> mix = HttpBench.readMix(queries);
    SyntheticArchive archive =
        new SyntheticArchive(
            CorpusStories.reuters(corpus.resolve("reuters21578/sgm")),
            CorpusStories.bbc(corpus.resolve("bbc-news")),
            4242);
    PrintWriter out = spec.commandLine().getOut();
    try {
      BenchFiles.copyIndex(config.indexDir(), scratch.resolve("index"));
      if (http) {
        runHttp(config, scratch, archive, mix, out);
      } else {
        runInProcess(config, scratch.resolve("index"), archive, mix, out);
      }
    } finally {
      BenchFiles.deleteTree(scratch);
    }
    return 0;
  }

  private void runInProcess(
      Config config,
      Path index,
      SyntheticArchive archive,
      List<HttpBench.Request> mix,
      PrintWriter out)
      throws Exception {
    List<String> queryStrings = mix.stream().map(r -> r.label().split(" \\| ")[0]).toList();
    NrtBench.Result r;
    try (ArticleIndex writer = ArticleIndex.open(index);
        SearchService search =
            SearchService.nearRealTime(writer.writer(), config.limits(), config.refreshMs())) {
      r = NrtBench.run(writer, search, archive, 50_000_000L, rate, qps, seconds, queryStrings);
    }
    out.printf("Refresh every %d ms.%n", config.refreshMs());
    out.printf(
        "| articles/s (target) | QPS (target) | added | seen | visible p50 ms | p95 ms"
            + " | p99 ms | max ms | query p50 ms | query p99 ms | refreshes | refresh p50 ms"
            + " | refresh p99 ms | CPU (cores) | load avg |%n"
            + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|%n");
    out.printf(
        java.util.Locale.ROOT,
        "| %.0f (%d) | %.0f (%d) | %d | %d | %.0f | %.0f | %.0f | %.0f"
            + " | %.1f | %.1f | %d | %.1f | %.1f | %.2f | %.2f |%n",
        r.articlesPerSecond(),
        r.targetArticlesPerSecond(),
        r.qps(),
        r.targetQps(),
        r.articlesAdded(),
        r.articlesSeen(),
        r.visibleP50Ms(),
        r.visibleP95Ms(),
        r.visibleP99Ms(),
        r.visibleMaxMs(),
        r.queryP50Ms(),
        r.queryP99Ms(),
        r.refreshes().refreshes(),
        r.refreshes().p50Ms(),
        r.refreshes().p99Ms(),
        r.cpuCores(),
        r.loadAverage());
    out.flush();
    jsonOut.write(r);
  }

  private void runHttp(
      Config config,
      Path scratch,
      SyntheticArchive archive,
      List<HttpBench.Request> mix,
      PrintWriter out)
      throws Exception {
    Path drop = Files.createDirectories(scratch.resolve("drop"));
    Path log = scratch.resolve("serve.log");
    List<String> options =
        new ArrayList<>(
            List.of(
                "--watch",
                drop.toString(),
                "--refresh-ms",
                Long.toString(config.refreshMs()),
                "--settle-ms",
                Long.toString(settleMs),
                "--commit-seconds",
                Long.toString(commitSeconds),
                "--isolation",
                config.limits().isolation().name().toLowerCase(java.util.Locale.ROOT)));
    if (!config.entities()) {
      options.add("--no-entities");
    }
    NrtHttpBench.Result r;
    long warmMs;
    try (ServerProcess server =
        ServerProcess.start(scratch.resolve("index"), port, heap, log, jfr, options)) {
      try {
        server.awaitFirstAnswer("q=*", Duration.ofMinutes(2));
        NrtHttpBench bench = new NrtHttpBench(server.url(), drop, archive);
        warmMs = bench.warmUp(60_000_000L, Duration.ofMinutes(2));
        long first = 60_000_001L;
        if (warmupSeconds > 0) {
          NrtHttpBench.Result warm =
              bench.run(first, rate, qps, warmupSeconds, mix, server::cpuNanos);
          out.printf(
              "Warm-up, %d s at the same load, not measured: visible p50 %.0f ms, p99 %.0f"
                  + " ms, server CPU %.2f cores.%n",
              warmupSeconds, warm.visibleP50Ms(), warm.visibleP99Ms(), warm.serverCpuCores());
          first += (long) rate * warmupSeconds;
        }
        r = bench.run(first, rate, qps, seconds, mix, server::cpuNanos);
      } catch (java.io.IOException | RuntimeException e) {
        out.println("The server's log:");
        out.println(Files.readString(log));
        throw e;
      }
    }
    out.printf(
        "End to end over HTTP: serve --watch, refresh every %d ms, settle %d ms, commit"
            + " every %d s, entities %s, isolation %s; first article searchable %d ms after start-up.%n",
        config.refreshMs(),
        settleMs,
        commitSeconds,
        config.entities() ? "on" : "off",
        config.limits().isolation().name().toLowerCase(java.util.Locale.ROOT),
        warmMs);
    out.println(NrtHttpBench.HEADER);
    out.println(NrtHttpBench.row(r));
    for (String line : Files.readAllLines(log)) {
      if (line.startsWith("Watch:")) {
        out.println("server: " + line);
      }
    }
    out.flush();
    jsonOut.write(r);
  }
}
