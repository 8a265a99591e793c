package org.dateline.bench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dateline.bench.BenchFiles;
import org.dateline.bench.HttpBench;
import org.dateline.bench.StartupBench;
import org.dateline.cli.JsonOutOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dateline bench startup --index DIR}: time to a fresh server's first search, and its first
 * seconds under load, with the launcher's start-up cache and without it, runs alternating.
 */
@Command(
    name = "startup",
    mixinStandardHelpOptions = true,
    description =
        "Time from 'dateline serve' starting to its first answered search, then p50/p99 of one"
            + " client's first seconds of load; runs alternate with and without the start-up cache.")
final class BenchStartupCommand implements Callable<Integer> {

  /** Which servers to start. */
  enum CacheMode {
    BOTH,
    ON,
    OFF
  }

  @Option(names = "--index", required = true, description = "The index to serve.")
  Path index;

  @Option(names = "--runs", defaultValue = "3", description = "Runs per mode (default: 3).")
  int runs;

  @Option(
      names = "--cache",
      defaultValue = "BOTH",
      description = "both (alternating), on or off (default: ${DEFAULT-VALUE}).")
  CacheMode cache;

  @Option(
      names = "--load-seconds",
      defaultValue = "30",
      description = "Seconds of load after the first answer (default: ${DEFAULT-VALUE}).")
  int loadSeconds;

  @Option(
      names = "--idle-seconds",
      defaultValue = "0",
      description =
          "Seconds the client waits after the first answer before the first window: users who"
              + " come a little after the server started (default: ${DEFAULT-VALUE}: at once).")
  int idleSeconds;

  @Option(
      names = "--settle-seconds",
      defaultValue = "30",
      description =
          "Seconds of unmeasured load after the first window, before the steady window"
              + " (default: ${DEFAULT-VALUE}).")
  int settleSeconds;

  @Option(
      names = "--steady-seconds",
      defaultValue = "30",
      description =
          "Seconds of the steady-state window the first window is compared with; 0: none"
              + " (default: ${DEFAULT-VALUE}).")
  int steadySeconds;

  @Option(
      names = "--queries",
      defaultValue = "bench/http-queries.txt",
      description =
          "Request mix; its first request is the first search (default: ${DEFAULT-VALUE}).")
  Path queries;

  @Option(names = "--port", defaultValue = "7375", description = "Port (default: 7375).")
  int port;

  @Option(names = "--heap", defaultValue = "1g", description = "-Xmx and -Xms (default: 1g).")
  String heap;

  @Option(
      names = "--server-option",
      description =
          "A JVM option for the servers (repeatable), after the usual ones: -Xlog:gc*:file=F,"
              + " -XX:StartFlightRecording=..., a flag to compare.")
  List<String> serverOptions = new ArrayList<>();

  @Option(
      names = "--thread-cpu",
      description =
          "Ask the server for each request's thread CPU and report the windows' p99 of it (and"
              + " their ratio): what the wall-time ratio would be without waits for a core, on a"
              + " loaded machine.")
  boolean threadCpu;

  @Option(
      names = "--samples",
      paramLabel = "PREFIX",
      description =
          "Write every measured request of run N to PREFIX-N-on.tsv (or -off): window, its n-th"
              + " request, seconds into the window, wall ms, thread CPU ms, request.")
  String samples;

  @Option(
      names = "--slowest",
      description =
          "After each run, list the first window's slowest 1 %%: seconds into the window, ms,"
              + " request, and whether it was that request's first time.")
  boolean slowest;

  @Mixin JsonOutOption jsonOut;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    List<HttpBench.Request> mix = HttpBench.readMix(queries);
    PrintWriter out = spec.commandLine().getOut();
    if (System.getProperty("dateline.jvm.cache") == null && cache != CacheMode.OFF) {
      out.println(
          "note: this JVM was given no start-up cache (JDK too old or DATELINE_AOT=off):"
              + " 'with cache' runs start without one");
    }
    Path log = Files.createTempFile("dateline-startup-", ".log");
    List<StartupBench.Run> all = new ArrayList<>();
    StartupBench.Windows windows =
        new StartupBench.Windows(
            Duration.ofSeconds(loadSeconds),
            Duration.ofSeconds(settleSeconds),
            Duration.ofSeconds(steadySeconds),
            Duration.ofSeconds(idleSeconds));
    out.printf(
        "| run | cache | first answer ms | its CPU ms | requests | errors | p50 ms | p99 ms"
            + " | p99 first third | p99 last third | CPU ms/request | steady p50 | steady p99"
            + " | p99 / steady p99 | steady CPU ms/request | thread CPU p99 | steady thread CPU p99"
            + " | thread CPU p99 / steady | load avg |%n");
    out.printf("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|%n");
    for (int i = 0; i < runs; i++) {
      for (boolean on : modes()) {
        StartupBench.Run r =
            StartupBench.run(
                new StartupBench.Server(
                    index,
                    port,
                    heap,
                    on,
                    serverOptions,
                    threadCpu,
                    samples == null
                        ? null
                        : Path.of(samples + "-" + (i + 1) + "-" + (on ? "on" : "off") + ".tsv")),
                mix,
                windows,
                log);
        all.add(r);
        row(out, i + 1, r);
        if (slowest) {
          for (StartupBench.Slow s : r.slowest()) {
            out.printf(
                "    %6.2f s  %8.2f ms  %8.2f ms CPU  %s%s%n",
                s.atSeconds(),
                s.ms(),
                s.threadCpuMs(),
                s.firstTime() ? "first " : "again ",
                s.label());
          }
          out.flush();
        }
      }
    }
    for (boolean on : modes()) {
      long[] firsts =
          all.stream()
              .filter(r -> r.startupCache() == on)
              .mapToLong(StartupBench.Run::firstAnswerMs)
              .sorted()
              .toArray();
      out.printf(
          "cache %s: first answer median %d ms (of %d runs)%n",
          on ? "on" : "off", firsts[firsts.length / 2], firsts.length);
    }
    Files.deleteIfExists(log);
    jsonOut.write(all);
    out.flush();
    return all.stream().anyMatch(r -> r.errors() > 0) ? 1 : 0;
  }

  private static void row(PrintWriter out, int run, StartupBench.Run r) {
    out.printf(
        "| %d | %s | %d | %d | %d | %d | %.2f | %.2f | %.2f | %.2f | %.3f | %.2f | %.2f | %.2f"
            + " | %.3f | %.2f | %.2f | %.2f | %.2f |%n",
        run,
        r.startupCache() ? "on" : "off",
        r.firstAnswerMs(),
        r.firstAnswerCpuMs(),
        r.requests(),
        r.errors(),
        r.p50Ms(),
        r.p99Ms(),
        r.firstThirdP99Ms(),
        r.lastThirdP99Ms(),
        r.cpuMsPerRequest(),
        r.steadyP50Ms(),
        r.steadyP99Ms(),
        r.steadyP99Ms() > 0 ? r.p99Ms() / r.steadyP99Ms() : -1,
        r.steadyCpuMsPerRequest(),
        r.threadCpuP99Ms(),
        r.steadyThreadCpuP99Ms(),
        r.steadyThreadCpuP99Ms() > 0 ? r.threadCpuP99Ms() / r.steadyThreadCpuP99Ms() : -1,
        BenchFiles.loadAverage());
    out.flush();
  }

  private List<Boolean> modes() {
    return switch (cache) {
      case BOTH -> List.of(true, false);
      case ON -> List.of(true);
      case OFF -> List.of(false);
    };
  }
}
