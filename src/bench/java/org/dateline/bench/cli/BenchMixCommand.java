package org.dateline.bench.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.dateline.bench.mix.MixGenerator;
import org.dateline.bench.mix.MixRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dateline bench mix INDEX --out FILE}: a request mix drawn from the archive itself. */
@Command(
    name = "mix",
    mixinStandardHelpOptions = true,
    description =
        "Write a benchmark request mix drawn from an index: words across the frequency range,"
            + " 2-3 words, title phrases, boolean, proximity, wildcard and fuzzy queries; each"
            + " plain, with one facet filter, with two, and with a date range.")
final class BenchMixCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "INDEX", description = "The index to draw from.")
  Path index;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The mix file.")
  Path out;

  @Option(
      names = "--seed",
      defaultValue = "20",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--requests",
      defaultValue = "1200",
      description = "Distinct requests wanted (default: ${DEFAULT-VALUE}).")
  int requests;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    List<MixRequest> mix = MixGenerator.generate(index, seed, requests);
    List<String> lines = new ArrayList<>();
    lines.add(
        "# Request mix drawn from an archive by `dateline bench mix` (issue 20): seed " + seed);
    lines.add(
        "# " + mix.size() + " distinct requests, one a line: QUERY | kind=KIND/VARIANT | filters");
    lines.add("# | from= | to=. Queries are searched in the body (bench peer sends body:(QUERY)).");
    lines.add("# Read by `dateline bench peer` and `dateline bench http` (kind= is a label only).");
    for (MixRequest r : mix) {
      lines.add(r.toLine());
    }
    Files.write(out, lines, StandardCharsets.UTF_8);
    Map<String, Integer> byKind = new TreeMap<>();
    mix.forEach(r -> byKind.merge(r.kind(), 1, Integer::sum));
    PrintWriter pw = spec.commandLine().getOut();
    pw.printf("%d requests written to %s%n", mix.size(), out);
    byKind.forEach((k, n) -> pw.printf("  %-32s %4d%n", k, n));
    pw.flush();
    return mix.size() >= requests ? 0 : 1;
  }
}
