package org.dateline.bench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.dateline.bench.BatchBench;
import org.dateline.bench.BenchFiles;
import org.dateline.cli.CommonOptions;
import org.dateline.cli.JsonOutOption;
import org.dateline.config.Config;
import org.dateline.pipeline.IndexRun;
import org.dateline.pipeline.IngestProgress;
import org.dateline.search.SearchService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dateline bench batch}: a batch of names (the archive's own word pairs) through {@code POST
 * /api/batch}, end to end: time to the first row and to the last.
 */
@Command(
    name = "batch",
    mixinStandardHelpOptions = true,
    description =
        "Time a batch search of N names over HTTP (default: Reuters-21578, indexed into"
            + " a scratch folder unless --index holds an index).")
public final class BenchBatchCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Option(
      names = "--corpus",
      paramLabel = "PATH",
      defaultValue = "../shared/corpus/reuters21578/sgm",
      description = "Indexed first when --index is not given (default: ${DEFAULT-VALUE}).")
  Path corpus;

  @Option(
      names = "--lines",
      defaultValue = "10000",
      description = "Names in the batch" + " (default: ${DEFAULT-VALUE}).")
  int lines;

  @Option(
      names = "--params",
      defaultValue = "",
      description = "Extra query parameters of the" + " batch, e.g. variants=true&proximity=2.")
  String params;

  @Mixin JsonOutOption jsonOut;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Path scratch = common.defaultIndex() ? Files.createTempDirectory("dateline-bench-batch") : null;
    Config config = scratch == null ? common.toConfig() : common.toConfig().withIndexDir(scratch);
    PrintWriter out = spec.commandLine().getOut();
    try {
      if (scratch != null) {
        out.printf("indexing %s into %s ...%n", corpus, scratch);
        out.flush();
        IndexRun.run(config, List.of(corpus), false, IngestProgress.NONE, false);
      }
      BatchBench.Result r;
      try (SearchService search = SearchService.readOnly(config.indexDir(), config.limits())) {
        List<String> names = BatchBench.names(search, lines);
        BatchBench.run(search, config, names.subList(0, Math.min(100, names.size())), params);
        r = BatchBench.run(search, config, names, params); // the first, short run warmed up
      }
      out.printf(
          "| lines | rows | error rows | first row ms | total s | lines/s | params | load avg |%n");
      out.printf("|---|---|---|---|---|---|---|---|%n");
      out.printf(
          "| %,d | %,d | %d | %d | %.2f | %,.0f | %s | %.2f |%n",
          r.lines(),
          r.rows(),
          r.errors(),
          r.firstRowMs(),
          r.totalMs() / 1000.0,
          r.linesPerSecond(),
          r.query().isEmpty() ? "-" : r.query(),
          BenchFiles.loadAverage());
      out.flush();
      jsonOut.write(r);
    } finally {
      if (scratch != null) {
        BenchFiles.deleteTree(scratch);
      }
    }
    return 0;
  }
}
