package org.dateline.bench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dateline.bench.NameBench;
import org.dateline.cli.JsonOutOption;
import org.dateline.enrich.entities.CrossScript;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dateline bench names}: cross-script name matching on pair lists. */
@Command(
    name = "names",
    mixinStandardHelpOptions = true,
    description =
        "Cross-script names: recall and false-match rate of Arabic/Cyrillic names against the"
            + " Latin spellings outlets print (pair lists, name TAB Latin name).")
final class BenchNamesCommand implements Callable<Integer> {

  @Parameters(
      paramLabel = "LIST",
      arity = "0..*",
      description = "Pair lists (default: bench/names/arabic.tsv bench/names/cyrillic.tsv).")
  List<Path> lists = new ArrayList<>();

  @Option(names = "--missed", description = "Print the pairs that did not match, with their keys.")
  boolean missed;

  @Mixin JsonOutOption jsonOut;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (lists.isEmpty()) {
      lists = List.of(Path.of("bench/names/arabic.tsv"), Path.of("bench/names/cyrillic.tsv"));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("| list | pairs | recall | false matches | pairings | false-match rate |%n");
    out.printf("|---|---|---|---|---|---|%n");
    List<NameBench.Result> results = new ArrayList<>();
    for (Path list : lists) {
      NameBench.Result r = NameBench.run(list.getFileName().toString(), NameBench.read(list));
      results.add(r);
      out.printf(
          "| %s | %d | %.3f | %d | %d | %.2f %% |%n",
          r.list(), r.pairs(), r.recall(), r.falseMatches(), r.negatives(), 100 * r.falseRate());
    }
    if (missed) {
      for (NameBench.Result r : results) {
        for (NameBench.Pair p : r.missed()) {
          out.printf(
              "  missed: %s [%s]  %s [%s]%n",
              p.other(), CrossScript.key(p.other()), p.latin(), CrossScript.key(p.latin()));
        }
      }
    }
    jsonOut.write(results);
    out.flush();
    return 0;
  }
}
