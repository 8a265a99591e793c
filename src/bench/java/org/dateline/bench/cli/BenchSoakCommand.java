package org.dateline.bench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.dateline.bench.LoadSoak;
import org.dateline.bench.QueryBench;
import org.dateline.server.ApiServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dateline bench soak}: concurrent HTTP clients against a served index for minutes while new
 * stories are indexed into it: errors, latency percentiles, live heap after GC over time.
 */
@Command(
    name = "soak",
    mixinStandardHelpOptions = true,
    description =
        "Load test: N HTTP clients for a set time against 'dateline serve' while"
            + " 'dateline index' adds stories; exit code 1 on any error or lost story.")
final class BenchSoakCommand implements Callable<Integer> {

  @Option(
      names = "--index",
      required = true,
      paramLabel = "DIR",
      description = "Index to serve and to ingest into (e.g. 100k articles from 'bench load').")
  Path index;

  @Option(
      names = "--clients",
      defaultValue = "16",
      description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
  int clients;

  @Option(
      names = "--seconds",
      defaultValue = "300",
      description = "How long (default: ${DEFAULT-VALUE}).")
  long seconds;

  @Option(
      names = "--heap-every",
      defaultValue = "30",
      paramLabel = "SECONDS",
      description =
          "Live-heap sample interval (a full GC in the server; default: ${DEFAULT-VALUE}).")
  long heapEvery;

  @Option(
      names = "--stories-per-round",
      defaultValue = "500",
      description = "Stories per ingest round (default: ${DEFAULT-VALUE}).")
  int storiesPerRound;

  @Option(
      names = "--port",
      defaultValue = "7474",
      description = "Server port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--heap",
      defaultValue = "1g",
      description = "Server -Xmx/-Xms (default: ${DEFAULT-VALUE}).")
  String heap;

  @Option(
      names = "--queries",
      defaultValue = "bench/queries.txt",
      description = "Query mix (default: ${DEFAULT-VALUE}).")
  Path queries;

  @Option(
      names = "--work",
      defaultValue = "target/soak",
      paramLabel = "DIR",
      description = "Folder for logs and generated stories (default: ${DEFAULT-VALUE}).")
  Path work;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
  Path json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    LoadSoak.Result r =
        LoadSoak.run(
            new LoadSoak.Plan(
                index,
                port,
                heap,
                QueryBench.readQueries(queries),
                clients,
                Duration.ofSeconds(seconds),
                Duration.ofSeconds(heapEvery),
                storiesPerRound,
                work),
            out);
    out.printf(
        "| clients | seconds | requests | req/s | errors | p50 ms | p95 ms | p99 ms | max ms |%n");
    out.printf("|---|---|---|---|---|---|---|---|---|%n");
    out.printf(
        "| %d | %.0f | %d | %.1f | %d | %.1f | %.1f | %.1f | %.1f |%n",
        clients,
        r.seconds(),
        r.requests(),
        r.requestsPerSecond(),
        r.errors(),
        r.p50Ms(),
        r.p95Ms(),
        r.p99Ms(),
        r.maxMs());
    out.printf(
        "live heap after GC (MB): %s; slope over the second half %.2f MB/min%n",
        r.heap().stream().map(s -> String.format("%ds=%.0f", s.second(), s.liveMb())).toList(),
        r.heapSlopeMbPerMinute());
    out.printf(
        "ingested while serving: %d stories in %d rounds; articles %d -> %d (expected %d)%n",
        r.storiesIngested(),
        r.ingestRounds(),
        r.articlesBefore(),
        r.articlesAfter(),
        r.articlesBefore() + r.storiesIngested());
    r.firstErrors().forEach(e -> out.println("  error: " + e));
    if (json != null) {
      Files.writeString(
          json, ApiServer.jsonMapper().writerWithDefaultPrettyPrinter().writeValueAsString(r));
    }
    out.flush();
    boolean lost = r.articlesAfter() != r.articlesBefore() + r.storiesIngested();
    return r.errors() == 0 && !lost ? 0 : 1;
  }
}
