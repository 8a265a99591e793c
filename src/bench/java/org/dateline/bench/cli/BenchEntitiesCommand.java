package org.dateline.bench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dateline.bench.BenchFiles;
import org.dateline.bench.EntityPassBench;
import org.dateline.cli.CommonOptions;
import org.dateline.cli.JsonOutOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dateline bench entities}: the entity pass after a small ingest, incremental vs full. */
@Command(
    name = "entities",
    mixinStandardHelpOptions = true,
    description =
        "Time the entity pass that follows indexing --batch into an index of --base"
            + " (incremental and full), and the heap a server keeps for the entity catalog.")
final class BenchEntitiesCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Option(
      names = "--base",
      required = true,
      paramLabel = "PATH",
      description = "Files or folder of the large index (built once, with entities, and kept).")
  Path base;

  @Option(
      names = "--batch",
      required = true,
      paramLabel = "PATH",
      description = "Files or folder added in each run.")
  Path batch;

  @Option(
      names = "--work",
      paramLabel = "DIR",
      defaultValue = "/tmp/dateline-bench-entities",
      description = "Keeps the base index between runs of the bench (default: ${DEFAULT-VALUE}).")
  Path work;

  @Option(
      names = "--runs",
      defaultValue = "3",
      description = "Runs of each kind (default: ${DEFAULT-VALUE}).")
  int runs;

  @Mixin JsonOutOption jsonOut;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (runs < 1) {
      throw new IllegalArgumentException("--runs must be 1 or more, got " + runs);
    }
    PrintWriter out = spec.commandLine().getOut();
    EntityPassBench.Result r =
        new EntityPassBench(common.toConfig(), work, out).run(base, batch, runs);
    out.printf(
        "Base index: %,d articles%s. Entity pass after indexing %s (%d runs each,"
            + " load avg %.2f):%n",
        r.baseArticles(),
        r.baseBuildMs() > 0 ? String.format(" (built in %.1f s)", r.baseBuildMs() / 1000.0) : "",
        batch,
        runs,
        BenchFiles.loadAverage());
    out.printf(
        "  incremental: median %.2f s; full: median %.2f s%n",
        r.incrementalMedianMs() / 1000.0, r.fullMedianMs() / 1000.0);
    out.printf(
        "Catalog: %,d entities, file %.1f MB, server heap for it %.1f MB%n",
        r.entities(), r.catalogFileBytes() / 1e6, r.catalogHeapBytes() / 1e6);
    out.flush();
    jsonOut.write(r);
    return 0;
  }
}
