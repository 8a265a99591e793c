package org.dateline.bench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dateline.bench.BenchFiles;
import org.dateline.bench.FacetImplBench;
import org.dateline.bench.HttpBench;
import org.dateline.cli.JsonOutOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dateline bench facets FILE}: sorted-set doc values vs taxonomy for the entity facets. */
@Command(
    name = "facets",
    mixinStandardHelpOptions = true,
    description = "Compare Lucene's two facet implementations on the entity dimensions.")
final class BenchFacetsCommand implements Callable<Integer> {

  @Parameters(paramLabel = "FILE", description = "JSON-lines file from 'bench generate'.")
  Path file;

  @Option(
      names = "--articles",
      defaultValue = "100000",
      description = "Articles to use (default: ${DEFAULT-VALUE}).")
  long articles;

  @Option(
      names = "--passes",
      defaultValue = "5",
      description = "Measured passes (default: ${DEFAULT-VALUE}).")
  int passes;

  @Option(
      names = "--queries",
      defaultValue = "bench/http-queries.txt",
      description = "Queries (default: ${DEFAULT-VALUE}).")
  Path queries;

  @Mixin JsonOutOption jsonOut;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    var mix = HttpBench.readMix(queries).stream().map(r -> r.label().split(" \\| ")[0]).toList();
    Path scratch = Files.createTempDirectory("dateline-bench-facets");
    FacetImplBench.Result r;
    try {
      r = FacetImplBench.run(file, articles, mix, scratch, passes);
    } finally {
      BenchFiles.deleteTree(scratch);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "%,d articles, %d queries x %d passes; same counts: %s; load avg %.2f%n",
        r.articles(), r.queries(), r.passes(), r.sameCounts(), r.loadAverage());
    out.printf(
        "| facets | build s | index MB | open ms | count p50 ms | p95 ms | p99 ms | mean ms |%n"
            + "|---|---|---|---|---|---|---|---|%n");
    for (FacetImplBench.Impl i : new FacetImplBench.Impl[] {r.sortedSet(), r.taxonomy()}) {
      out.printf(
          "| %s | %.1f | %.1f | %d | %.3f | %.3f | %.3f | %.3f |%n",
          i.name(),
          i.buildMs() / 1000.0,
          i.indexBytes() / 1e6,
          i.openMs(),
          i.p50Ms(),
          i.p95Ms(),
          i.p99Ms(),
          i.meanMs());
    }
    out.flush();
    jsonOut.write(r);
    return 0;
  }
}
