package org.dateline.bench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dateline.bench.IndexSizes;
import org.dateline.cli.JsonOutOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dateline bench sizes INDEX}: an index's bytes by Lucene file kind. */
@Command(
    name = "sizes",
    mixinStandardHelpOptions = true,
    description = "Bytes of an index by Lucene file kind (stored fields, postings, offsets, ...).")
final class BenchSizesCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "INDEX", description = "The index folder.")
  Path index;

  @Mixin JsonOutOption jsonOut;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Map<String, Long> byKind = IndexSizes.byKind(index);
    long total = byKind.values().stream().mapToLong(Long::longValue).sum();
    PrintWriter out = spec.commandLine().getOut();
    out.printf("| kind | MB | share |%n|---|---|---|%n");
    byKind.forEach(
        (kind, bytes) ->
            out.printf("| %s | %.1f | %.1f %% |%n", kind, bytes / 1e6, 100.0 * bytes / total));
    out.printf("| all | %.1f | 100 %% |%n", total / 1e6);
    jsonOut.write(byKind);
    out.flush();
    return 0;
  }
}
