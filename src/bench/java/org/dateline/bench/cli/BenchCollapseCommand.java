package org.dateline.bench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dateline.bench.CollapseBench;
import org.dateline.bench.QueryBench;
import org.dateline.cli.CommonOptions;
import org.dateline.cli.JsonOutOption;
import org.dateline.search.SearchService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dateline bench collapse}: the query mix with and without collapse=story, interleaved. */
@Command(
    name = "collapse",
    mixinStandardHelpOptions = true,
    description =
        "Latency of the query mix with and without collapse=story, each query's two forms back to"
            + " back (issue 16: collapsed within 20 % of plain).")
final class BenchCollapseCommand implements Callable<Integer> {

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

  @Mixin JsonOutOption jsonOut;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    CollapseBench.Result r;
    try (SearchService search =
        SearchService.readOnly(common.toConfig().indexDir(), common.toConfig().limits())) {
      r = CollapseBench.run(search, QueryBench.readQueries(queries), warmup, passes);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "| form | p50 ms | p95 ms | p99 ms | mean ms | total per pass |%n|---|---|---|---|---|---|%n");
    for (var f : new CollapseBench.Form[] {r.plain(), r.collapsed()}) {
      out.printf(
          "| %s | %.2f | %.2f | %.2f | %.2f | %,d |%n",
          f == r.plain() ? "plain" : "collapse=story",
          f.p50Ms(),
          f.p95Ms(),
          f.p99Ms(),
          f.meanMs(),
          f.hitsPerPass());
    }
    out.printf(
        "collapsed / plain: p50 %.3f, p95 %.3f, mean %.3f (%d queries x %d passes, load average"
            + " %.2f)%n",
        r.p50Ratio(), r.p95Ratio(), r.meanRatio(), r.queries(), r.passes(), r.loadAverage());
    out.flush();
    jsonOut.write(r);
    return 0;
  }
}
