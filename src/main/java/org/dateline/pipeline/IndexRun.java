package org.dateline.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.dateline.config.Config;
import org.dateline.index.ArticleIndex;

/**
 * One {@code dateline index} run from start to finish: every file under the given paths through
 * ingest, enrichment and the index, then the entity pass over what was added. Shared by the {@code
 * index} command, uploads to a read-only server, and the ingest benchmark.
 */
public final class IndexRun {

  /** What the run did: the ingest report, and the entity pass (null when entities are off). */
  public record Outcome(IngestReport report, EntityPass.Result entities) {}

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
      // New articles are resolved against the catalog of the archive's entities.
      EntityPass.Result entities =
          config.entities() ? EntityPass.run(index, fullEntityPass, config.ingestThreads()) : null;
      index.compact();
      return new Outcome(report, entities);
    }
  }
}
