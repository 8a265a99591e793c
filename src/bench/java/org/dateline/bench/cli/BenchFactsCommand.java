package org.dateline.bench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.dateline.bench.FactsAudit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dateline bench facts}: where dates come from, outlet and agency values, charset damage.
 */
@Command(
    name = "facts",
    mixinStandardHelpOptions = true,
    description =
        "Read files as the indexer does (no entities) and tally the date sources, the"
            + " outlet and agency values and the articles holding U+FFFD.")
final class BenchFactsCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to read.")
  List<Path> paths;

  @Option(
      names = "--list-dated",
      defaultValue = "20",
      description = "List this many articles dated by a text pattern (default: ${DEFAULT-VALUE}).")
  int listDated;

  @Option(
      names = "--top",
      defaultValue = "30",
      description = "Show this many outlet and agency values (default: ${DEFAULT-VALUE}).")
  int top;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    FactsAudit.print(new FactsAudit().run(paths), out, listDated, top);
    return 0;
  }
}
