package org.dateline.bench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.dateline.bench.BenchFiles;
import org.dateline.bench.ThreadCpu;
import org.dateline.cli.CommonOptions;
import org.dateline.cli.JsonOutOption;
import org.dateline.pipeline.IndexRun;
import org.dateline.pipeline.IngestProgress;
import org.dateline.pipeline.IngestReport;
import org.dateline.pipeline.StageTimes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dateline bench ingest}: the full pipeline (parse, enrich, entities, index, commit) into a
 * fresh scratch index, with articles/s, MB/s and the time by stage.
 */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description =
        "Time the full ingest pipeline on files (default: Reuters-21578) into a scratch index.")
final class BenchIngestCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Parameters(
      arity = "0..*",
      paramLabel = "PATH",
      description = "Files or folders (default: ${DEFAULT-VALUE}).",
      defaultValue = "../shared/corpus/reuters21578/sgm")
  List<Path> paths;

  @Option(
      names = "--keep-index",
      paramLabel = "DIR",
      description =
          "Index into DIR (a new or empty folder) and keep it, e.g. for `bench sizes`;"
              + " default: a scratch folder, deleted after the run.")
  Path keepIndex;

  @Option(
      names = "--no-stories",
      description =
          "Each article a story of its own, nothing matched (what story matching costs:"
              + " `bench stories --cost` compares both in one run).")
  boolean noStories;

  @Mixin JsonOutOption jsonOut;

  @Spec CommandSpec spec;

  /** The figures as printed and written. */
  record Figures(
      long articles,
      long files,
      long bytes,
      long elapsedMs,
      double articlesPerSecond,
      double megabytesPerSecond,
      StageTimes.Snapshot stagesMs,
      int threads,
      long failures,
      long indexBytes,
      double loadAverage,
      long wholeMs,
      double wholeArticlesPerSecond,
      long entityPassMs,
      long afterPassMs,
      IndexRun.Tail tail,
      ThreadCpu cpu) {}

  @Override
  public Integer call() throws Exception {
    Path scratch =
        keepIndex == null
            ? Files.createTempDirectory("dateline-bench-ingest")
            : Files.createDirectories(keepIndex);
    if (keepIndex != null && BenchFiles.sizeOf(scratch) > 0) {
      throw new IllegalArgumentException("--keep-index " + keepIndex + " is not empty");
    }
    IngestReport r;
    IndexRun.Outcome outcome;
    long wholeMs;
    long size;
    ThreadCpu cpu;
    var config = common.toConfig().withIndexDir(scratch);
    try {
      long t0 = System.nanoTime();
      outcome = IndexRun.run(config, paths, false, IngestProgress.NONE, false, false, !noStories);
      wholeMs = (System.nanoTime() - t0) / 1_000_000;
      r = outcome.report();
      cpu = ThreadCpu.now();
      size = BenchFiles.sizeOf(scratch);
    } finally {
      if (keepIndex == null) {
        BenchFiles.deleteTree(scratch);
      }
    }
    long passMs = outcome.entities() == null ? 0 : outcome.entities().elapsedMs();
    Figures f =
        new Figures(
            r.articlesWritten(),
            r.filesIndexed(),
            r.bytesIndexed(),
            r.elapsedMs(),
            r.articlesPerSecond(),
            r.megabytesPerSecond(),
            r.stages(),
            config.ingestThreads(),
            r.failures().size(),
            size,
            BenchFiles.loadAverage(),
            wholeMs,
            wholeMs == 0 ? 0 : r.articlesWritten() * 1000.0 / wholeMs,
            passMs,
            Math.max(0, wholeMs - r.elapsedMs() - passMs),
            outcome.tail(),
            cpu);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "| articles | files | MB | wall s | articles/s | MB/s | threads | failures | load avg |%n");
    out.printf("|---|---|---|---|---|---|---|---|---|%n");
    out.printf(
        "| %,d | %d | %.1f | %.1f | %,.0f | %.2f | %d | %d | %.2f |%n",
        f.articles(),
        f.files(),
        f.bytes() / 1e6,
        f.elapsedMs() / 1000.0,
        f.articlesPerSecond(),
        f.megabytesPerSecond(),
        f.threads(),
        f.failures(),
        f.loadAverage());
    out.printf(
        "%nWhole run (the files, then the entity pass, then deleted copies merged away and the"
            + " index closed): %.1f s, **%,.0f articles/s**; entity pass %.1f s, after it %.1f s%n",
        f.wholeMs() / 1000.0,
        f.wholeArticlesPerSecond(),
        f.entityPassMs() / 1000.0,
        f.afterPassMs() / 1000.0);
    out.printf(
        "Run's end: deleted copies merged away %.1f s (%.1f s CPU), then one segment %.1f s (%.1f s"
            + " CPU). Process CPU %.1f s: JIT compiler threads %.1f s, GC threads %.1f s%n",
        f.tail().reclaimMs() / 1000.0,
        f.tail().reclaimCpuMs() / 1000.0,
        f.tail().oneSegmentMs() / 1000.0,
        f.tail().oneSegmentCpuMs() / 1000.0,
        f.cpu().processMs() / 1000.0,
        f.cpu().jitMs() / 1000.0,
        f.cpu().gcMs() / 1000.0);
    out.printf(
        "%nTime by stage (parse/enrich/ner/index: summed over %d worker threads; commit: wall)%n",
        f.threads());
    out.printf("| stage | seconds | share |%n|---|---|---|%n");
    long[] ms = r.stages().asArray();
    long total = java.util.Arrays.stream(ms).sum();
    for (int i = 0; i < ms.length; i++) {
      out.printf(
          "| %s | %.2f | %.0f %% |%n",
          StageTimes.STAGES.get(i), ms[i] / 1000.0, total == 0 ? 0 : 100.0 * ms[i] / total);
    }
    out.flush();
    jsonOut.write(f);
    return 0;
  }
}
