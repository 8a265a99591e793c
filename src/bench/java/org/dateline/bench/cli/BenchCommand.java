package org.dateline.bench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.dateline.bench.QueryBench;
import org.dateline.cli.CommonOptions;
import org.dateline.cli.JsonOutOption;
import org.dateline.search.SearchService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dateline bench}: latency percentiles of a committed query mix on an index. */
@Command(
    name = "dateline bench",
    mixinStandardHelpOptions = true,
    subcommands = {
      NerBenchCommand.class,
      BenchNerInputCommand.class,
      BenchGenerateCommand.class,
      BenchLoadCommand.class,
      BenchIngestCommand.class,
      BenchHttpCommand.class,
      BenchNrtCommand.class,
      BenchFacetsCommand.class,
      BenchSoakCommand.class,
      BenchEntitiesCommand.class,
      BenchSizesCommand.class,
      BenchExtractionCommand.class,
      BenchFactsCommand.class,
      BenchStoriesCommand.class,
      BenchBatchCommand.class,
      BenchAlertsCommand.class,
      BenchMixCommand.class,
      BenchPeerCommand.class,
      BenchStartupCommand.class,
      BenchRewriteCommand.class,
      BenchStoredCommand.class,
      BenchKwicCommand.class,
      BenchRelevanceCommand.class,
      BenchNamesCommand.class,
      BenchSameFactsCommand.class,
      BenchStoryLookupCommand.class,
      BenchCollapseCommand.class
    },
    description = "Measure query latency (p50/p95/p99) of a query mix on an index.")
public final class BenchCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Option(
      names = "--queries",
      defaultValue = "bench/queries.txt",
      description = "Query file (default: ${DEFAULT-VALUE}).")
  Path queries;

  @Option(
      names = "--passes",
      defaultValue = "3",
      description = "Timed passes (default: ${DEFAULT-VALUE}).")
  int passes;

  @Option(
      names = "--warmup",
      defaultValue = "2",
      description = "Warm-up passes (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(
      names = "--collapse-stories",
      description =
          "Every search with collapse=story (one hit per story), to compare with without.")
  boolean collapseStories;

  @Option(
      names = "--responses",
      paramLabel = "FILE",
      description =
          "Also write each query's answer (one more pass after the timed ones, without took_ms) as JSON lines,"
              + " to compare two builds' answers.")
  Path responses;

  @Mixin JsonOutOption jsonOut;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    List<String> mix = QueryBench.readQueries(queries);
    QueryBench.Result r;
    try (SearchService search =
        SearchService.readOnly(common.toConfig().indexDir(), common.toConfig().limits())) {
      r = QueryBench.run(search, mix, warmup, passes, collapseStories, responses);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "| queries | requests | p50 ms | p95 ms | p99 ms | max ms | mean ms | QPS (1 thread) |%n");
    out.printf("|---|---|---|---|---|---|---|---|%n");
    out.printf(
        "| %d | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.0f |%n",
        r.queries(), r.requests(), r.p50Ms(), r.p95Ms(), r.p99Ms(), r.maxMs(), r.meanMs(), r.qps());
    out.printf(
        "process CPU per timed request: %.2f ms (every thread, GC and JIT included)%n",
        r.cpuMsPerRequest());
    out.printf("hits per pass: %d%nslowest queries (worst timed latency):%n", r.hitsPerPass());
    for (QueryBench.QueryTime t : r.slowest()) {
      out.printf("  %8.2f ms  %7d hits  %s%n", t.maxMs(), t.hits(), t.query());
    }
    jsonOut.write(r);
    out.flush();
    return 0;
  }
}
