package org.dateline.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.dateline.config.Config;
import org.dateline.index.ArticleIndex;

/**
 * One {@code dateline index} run from start to finish: every file under the given paths through
 * ingest, enrichment and the index, then the entity pass over what was added. Shared by the {@code
 * index} command, uploads to a read-only server, and the ingest benchmark.
 */
public final class IndexRun {

  /**
   * What the run did: the ingest report, the entity pass (null when entities are off), and the
   * run's end ({@link ArticleIndex#compact}: deleted copies merged away, a small index merged into
   * one segment) timed.
   */
  public record Outcome(
      IngestReport report, OutletPass.Result outlets, EntityPass.Result entities, Tail tail) {}

  /**
   * Wall and process CPU milliseconds of a run's end: merging away deleted copies ({@link
   * ArticleIndex#reclaimDeleted}), then the rest of {@link ArticleIndex#compact} (a small index
   * merged into one segment). The process's CPU, every thread's: Lucene merges on its own threads.
   */
  public record Tail(long reclaimMs, long reclaimCpuMs, long oneSegmentMs, long oneSegmentCpuMs) {}

  private IndexRun() {}

  /**
   * Indexes {@code paths} into {@code config.indexDir()} (with {@code prune}, drops files that are
   * gone), then resolves entities: only the new articles, unless {@code fullEntityPass} or the
   * index's entity catalog is missing or out of date.
   */
  public static Outcome run(
      Config config,
      List<Path> paths,
      boolean prune,
      IngestProgress progress,
      boolean fullEntityPass)
      throws IOException {
    return run(config, paths, prune, progress, fullEntityPass, false);
  }

  /**
   * {@link #run(Config, List, boolean, IngestProgress, boolean)}; with {@code rebuild}, an index of
   * another layout is emptied and read again from {@code paths} instead of refused ({@link
   * ArticleIndex#open(Path, boolean)}).
   */
  public static Outcome run(
      Config config,
      List<Path> paths,
      boolean prune,
      IngestProgress progress,
      boolean fullEntityPass,
      boolean rebuild)
      throws IOException {
    return run(config, paths, prune, progress, fullEntityPass, rebuild, true);
  }

  /**
   * {@link #run(Config, List, boolean, IngestProgress, boolean, boolean)}; without {@code stories},
   * each article a story of its own, nothing matched (what the ingest benchmarks compare against).
   */
  public static Outcome run(
      Config config,
      List<Path> paths,
      boolean prune,
      IngestProgress progress,
      boolean fullEntityPass,
      boolean rebuild,
      boolean stories)
      throws IOException {
    try (ArticleIndex index = ArticleIndex.open(config.indexDir(), rebuild)) {
      IngestReport report = Indexer.standard(config, index, progress, stories).run(paths, prune);
      // One name per outlet: addresses the archive's own pages name (before entities, which read
      // it)
      OutletPass.Result outlets = OutletPass.run(index);
      // New articles are resolved against the catalog of the archive's entities.
      EntityPass.Result entities =
          config.entities() ? EntityPass.run(index, fullEntityPass, config.ingestThreads()) : null;
      long t0 = System.nanoTime();
      long cpu0 = processCpuMs();
      index.reclaimDeleted();
      long t1 = System.nanoTime();
      long cpu1 = processCpuMs();
      index.compact();
      long t2 = System.nanoTime();
      long cpu2 = processCpuMs();
      Tail tail = new Tail((t1 - t0) / 1_000_000, cpu1 - cpu0, (t2 - t1) / 1_000_000, cpu2 - cpu1);
      return new Outcome(report, outlets, entities, tail);
    }
  }

  /** CPU milliseconds of this process so far (every thread), or 0 where the JVM cannot tell. */
  private static long processCpuMs() {
    return ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(0L);
  }
}
