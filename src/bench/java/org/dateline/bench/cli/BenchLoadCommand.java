package org.dateline.bench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.dateline.bench.BenchFiles;
import org.dateline.cli.CommonOptions;
import org.dateline.cli.JsonOutOption;
import org.dateline.index.ArticleIndex;
import org.dateline.pipeline.BulkLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dateline bench load FILE}: the fast bulk path from JSON lines into a fresh index. */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description =
        "Bulk-load enriched articles (JSON lines from 'bench generate') into a new index.")
final class BenchLoadCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Parameters(paramLabel = "FILE", description = "JSON-lines file.")
  Path file;

  @Option(names = "--overwrite", description = "Delete the index folder first if it exists.")
  boolean overwrite;

  @Option(
      names = "--merge-segments",
      paramLabel = "N",
      defaultValue = "0",
      description = "After loading, merge down to at most N segments (default: no merge).")
  int mergeSegments;

  @Mixin JsonOutOption jsonOut;

  @Spec CommandSpec spec;

  /** The figures as printed and written. */
  record Figures(
      long articles,
      long fileBytes,
      long textBytes,
      long elapsedMs,
      long commitMs,
      double articlesPerSecond,
      double textMegabytesPerSecond,
      long mergeMs,
      int segments,
      long indexBytes,
      double indexToTextRatio,
      double loadAverage) {}

  @Override
  public Integer call() throws Exception {
    var config = common.toConfig();
    Path dir = config.indexDir();
    if (Files.exists(dir) && DirectoryReader.indexExists(FSDirectory.open(dir))) {
      if (!overwrite) {
        throw new IllegalArgumentException(
            dir
                + " already holds an index; give --overwrite to"
                + " replace it or choose another --index");
      }
      BenchFiles.deleteTree(dir);
    }
    BulkLoader.Result r;
    long mergeMs = 0;
    int segments;
    try (ArticleIndex index = ArticleIndex.open(dir)) {
      r = new BulkLoader(index, config.ingestThreads()).load(file);
      if (mergeSegments > 0) {
        long t0 = System.nanoTime();
        index.writer().forceMerge(mergeSegments);
        index.commit(java.util.Map.of());
        mergeMs = (System.nanoTime() - t0) / 1_000_000;
      }
      try (DirectoryReader reader = DirectoryReader.open(index.writer())) {
        segments = reader.leaves().size();
      }
    }
    long size = BenchFiles.sizeOf(dir);
    Figures f =
        new Figures(
            r.articles(),
            r.fileBytes(),
            r.textBytes(),
            r.elapsedMs(),
            r.commitMs(),
            r.articlesPerSecond(),
            r.textMegabytesPerSecond(),
            mergeMs,
            segments,
            size,
            (double) size / r.textBytes(),
            BenchFiles.loadAverage());
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "| articles | raw text MB | load s | articles/s | text MB/s | commit s | merge s"
            + " | segments | index MB | index / text | load avg |%n|---|---|---|---|---|---|---|---|---|---|---|%n");
    out.printf(
        "| %,d | %.1f | %.1f | %,.0f | %.2f | %.1f | %.1f | %d | %.1f | %.2f | %.2f |%n",
        f.articles(),
        f.textBytes() / 1e6,
        f.elapsedMs() / 1000.0,
        f.articlesPerSecond(),
        f.textMegabytesPerSecond(),
        f.commitMs() / 1000.0,
        mergeMs / 1000.0,
        segments,
        size / 1e6,
        f.indexToTextRatio(),
        f.loadAverage());
    out.flush();
    jsonOut.write(f);
    return 0;
  }
}
