package org.dateline.bench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dateline.bench.IndexFacts;
import org.dateline.bench.IndexTerms;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dateline bench same-facts A B}: whether two indexes of the same files hold the same facts
 * about every article (a change made for speed must not change one); exit status 1 when they
 * differ.
 */
@Command(
    name = "same-facts",
    mixinStandardHelpOptions = true,
    description =
        "Compare what two indexes of the same files say about each article (title, text, date,"
            + " outlet, agencies, language, entities, mentions, story) and their entity catalogs;"
            + " exit status 1 when anything differs.")
final class BenchSameFactsCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "A", description = "The first index folder.")
  Path first;

  @Parameters(index = "1", paramLabel = "B", description = "The second index folder.")
  Path second;

  @Option(
      names = "--examples",
      defaultValue = "10",
      description = "Print this many differences (default: ${DEFAULT-VALUE}).")
  int examples;

  @Option(
      names = "--terms",
      description =
          "Also compare every indexed field's terms: document and total frequencies, positions"
              + " and offsets, summed so the order articles were added in does not count.")
  boolean terms;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    IndexFacts.Differences d = IndexFacts.read(first).compare(IndexFacts.read(second), examples);
    PrintWriter out = spec.commandLine().getOut();
    out.printf("articles: %,d in %s, %,d in %s%n", d.first(), first, d.second(), second);
    out.printf("| fact | articles differing |%n|---|---|%n");
    for (Map.Entry<String, Long> e : d.byKind().entrySet()) {
      out.printf("| %s | %,d |%n", e.getKey(), e.getValue());
    }
    out.printf("| entity catalog entries | %,d |%n", d.catalogEntries());
    d.examples().forEach(e -> out.println("  " + e));
    boolean same = d.none() && (!terms || sameTerms(out));
    out.println(d.none() ? "same facts" : "DIFFERENT facts");
    out.flush();
    return same ? 0 : 1;
  }

  private boolean sameTerms(PrintWriter out) throws java.io.IOException {
    List<String> differ = IndexTerms.compare(IndexTerms.read(first), IndexTerms.read(second));
    differ.stream().limit(Math.max(examples, 0)).forEach(f -> out.println("  terms differ: " + f));
    out.println(
        differ.isEmpty() ? "same terms" : "DIFFERENT terms in " + differ.size() + " fields");
    return differ.isEmpty();
  }
}
