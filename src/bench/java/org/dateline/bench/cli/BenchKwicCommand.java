package org.dateline.bench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dateline.bench.BenchFiles;
import org.dateline.bench.KwicCost;
import org.dateline.cli.JsonOutOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dateline bench kwic INDEX}: KWIC spans per hit from the body's offsets and from
 * re-analysing the hit's text, timed and compared.
 */
@Command(
    name = "kwic",
    mixinStandardHelpOptions = true,
    description =
        "Time a hit's KWIC spans from the offsets in the body's postings and from re-analysing its"
            + " text, on the queries of a mix whose matches are their terms (rounds, the first a"
            + " warm-up), and count hits where the two differ.")
final class BenchKwicCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "INDEX", description = "The index.")
  Path index;

  @Option(
      names = "--queries",
      defaultValue = "bench/mix-reuters.txt",
      description = "Request mix, query before ' | ' (default: ${DEFAULT-VALUE}).")
  Path queries;

  @Option(names = "--hits", defaultValue = "10", description = "Hits per query (default: 10).")
  int hits;

  @Option(names = "--rounds", defaultValue = "4", description = "Rounds, the first a warm-up.")
  int rounds;

  @Mixin JsonOutOption jsonOut;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    KwicCost.Result r = KwicCost.run(index, queries, hits, rounds);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "| KWIC spans from | µs per hit, mean | p50 |%n|---|---|---|%n"
            + "| offsets in the postings (Matches API) | %.1f | %.1f |%n"
            + "| re-analysing the hit's text | %.1f | %.1f |%n",
        r.offsetsMeanMicros(),
        r.offsetsP50Micros(),
        r.reanalysisMeanMicros(),
        r.reanalysisP50Micros());
    out.printf(
        "%d queries, %d hits each round; %d hit(s) where the spans differ; load average %.2f%n",
        r.queries(), r.hits(), r.differing(), BenchFiles.loadAverage());
    out.flush();
    jsonOut.write(r);
    return 0;
  }
}
