package org.dateline.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dateline.config.Config;
import org.dateline.enrich.Enricher;
import org.dateline.enrich.entities.NerExtractor;
import org.dateline.index.ArticleIndex;
import org.dateline.index.EntityCatalog;
import org.dateline.pipeline.EntityPass;
import org.dateline.pipeline.Indexer;
import org.dateline.pipeline.IngestProgress;
import org.dateline.search.EntityService;
import org.dateline.search.SearchService;

/**
 * The entity pass after a small ingest into a large index: a base index (with entities) is built
 * once and kept; each run copies it, indexes the batch into the copy with the recogniser and times
 * the pass that follows, once incremental and once full (what every run did before the catalog).
 * Then the heap a server keeps for the catalog: used heap after a full collection, before and after
 * the entity service has read it. Not thread-safe.
 */
public final class EntityPassBench {

  /** One timed pass. */
  public record Pass(
      String mode,
      long elapsedMs,
      int resolved,
      int reread,
      int rewritten,
      long articles,
      int entities) {}

  /** Every figure of a run of the bench. */
  public record Result(
      long baseArticles,
      long baseBuildMs,
      List<Pass> passes,
      double incrementalMedianMs,
      double fullMedianMs,
      long catalogFileBytes,
      long entities,
      long catalogHeapBytes) {}

  private final Config config;
  private final Path work;
  private final PrintWriter out;

  /**
   * {@code config} gives ingest threads and limits; {@code work} holds the base index and copies.
   */
  public EntityPassBench(Config config, Path work, PrintWriter out) {
    this.config = config;
    this.work = work;
    this.out = out;
  }

  public Result run(Path base, Path batch, int runs) throws IOException {
    Path baseIndex = work.resolve("base-index");
    long buildMs = 0;
    if (EntityCatalog.readEntities(baseIndex) == null) {
      out.printf("Building the base index from %s (once; kept in %s) ...%n", base, baseIndex);
      out.flush();
      long t0 = System.currentTimeMillis();
      index(baseIndex, base, false);
      buildMs = System.currentTimeMillis() - t0;
    }
    List<Pass> passes = new ArrayList<>();
    Path copy = work.resolve("run-index");
    for (int i = 0; i < runs; i++) {
      for (boolean full : new boolean[] {false, true}) {
        BenchFiles.deleteTree(copy);
        BenchFiles.copyIndex(baseIndex, copy);
        EntityPass.Result r = index(copy, batch, full);
        Pass p =
            new Pass(
                full ? "full" : "incremental",
                r.elapsedMs(),
                r.resolved(),
                r.reread(),
                r.rewritten(),
                r.articles(),
                r.entities());
        out.println(p);
        out.flush();
        passes.add(p);
      }
    }
    long fileBytes = Files.size(copy.resolve(EntityCatalog.FILE_NAME));
    long entities = EntityCatalog.readEntities(copy).entities().size();
    long heap = catalogHeap(copy);
    BenchFiles.deleteTree(copy);
    long baseArticles = passes.get(0).articles() - passes.get(0).resolved();
    return new Result(
        baseArticles,
        buildMs,
        passes,
        median(passes, "incremental"),
        median(passes, "full"),
        fileBytes,
        entities,
        heap);
  }

  private EntityPass.Result index(Path indexDir, Path files, boolean full) throws IOException {
    try (ArticleIndex index = ArticleIndex.open(indexDir)) {
      new Indexer(
              config.withIndexDir(indexDir),
              index,
              Enricher.standard(NerExtractor.shared()),
              IngestProgress.NONE)
          .run(List.of(files), false);
      return EntityPass.run(index, full);
    }
  }

  /** Used heap after full collections, before and after a server has read the catalog. */
  private static long catalogHeap(Path indexDir) throws IOException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    try (SearchService search = SearchService.readOnly(indexDir)) {
      search.search(org.dateline.search.SearchRequest.of("oil")); // searcher and facets warmed
      long before = usedAfterGc(memory);
      EntityService entities = new EntityService(search);
      entities.list(null, "", 10);
      long after = usedAfterGc(memory);
      entities.list(null, "a", 10); // keeps the service (and its catalog) reachable until here
      return after - before;
    }
  }

  private static long usedAfterGc(MemoryMXBean memory) {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static double median(List<Pass> passes, String mode) {
    double[] ms =
        passes.stream()
            .filter(p -> p.mode().equals(mode))
            .mapToDouble(Pass::elapsedMs)
            .sorted()
            .toArray();
    int n = ms.length;
    return n == 0 ? Double.NaN : n % 2 == 1 ? ms[n / 2] : (ms[n / 2 - 1] + ms[n / 2]) / 2;
  }
}
