package org.dateline.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.dateline.enrich.Article;
import org.dateline.index.ArticleIndex;
import org.dateline.index.Schema;
import org.dateline.index.SourceFile;
import org.dateline.search.RefreshTimes;
import org.dateline.search.SearchRequest;
import org.dateline.search.SearchService;

/**
 * Near-real-time visibility under load, in one process as Lucene means it: one thread adds
 * synthetic articles to the {@link ArticleIndex} writer at a fixed rate, two threads search at a
 * fixed total rate (full requests: facets, histogram, KWIC), and a watcher asks {@link
 * SearchService#document} for every added article until it is found. Visibility = time from the
 * writer returning to the article being found through the service's {@code SearcherManager}
 * (refreshed by its background thread). Nothing is committed. Also reports how long each refresh
 * took (new reader plus warmed facet ordinal map and date arrays) and the CPU the process used.
 */
public final class NrtBench {

  /** Figures of one run; latencies in milliseconds. */
  public record Result(
      int seconds,
      int targetArticlesPerSecond,
      double articlesPerSecond,
      int targetQps,
      double qps,
      long articlesAdded,
      long articlesSeen,
      double visibleP50Ms,
      double visibleP95Ms,
      double visibleP99Ms,
      double visibleMaxMs,
      double queryP50Ms,
      double queryP99Ms,
      RefreshTimes.Summary refreshes,
      double cpuCores,
      double loadAverage) {}

  private record Pending(String id, long addedNanos) {}

  private NrtBench() {}

  public static Result run(
      ArticleIndex index,
      SearchService search,
      SyntheticArchive archive,
      long firstArticle,
      int articlesPerSecond,
      int qps,
      int seconds,
      List<String> queries)
      throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
    long[] visible = new long[articlesPerSecond * seconds + 16];
    int[] seen = {0};
    long[] added = {0};
    List<long[]> queryNanos = new ArrayList<>();
    Throwable[] failure = {null};
    long cpu0 = processCpuNanos();
    long start = System.nanoTime();
    Thread writer =
        Thread.ofPlatform()
            .name("nrt-writer")
            .start(
                () -> {
                  long period = 1_000_000_000L / articlesPerSecond;
                  try {
                    for (long i = 0; i < (long) articlesPerSecond * seconds && !stop.get(); i++) {
                      waitUntil(start + i * period);
                      Article a = archive.article(firstArticle + i, "nrt-bench");
                      SourceFile source = new SourceFile("nrt-bench/" + a.id(), 0, 0, "nrt");
                      index.writer().addDocument(Schema.toDocument(a, source));
                      pending.add(new Pending(a.id(), System.nanoTime()));
                      added[0]++;
                    }
                  } catch (IOException | RuntimeException e) {
                    failure[0] = e;
                  }
                });
    Thread watcher =
        Thread.ofPlatform()
            .name("nrt-watcher")
            .start(
                () -> {
                  try {
                    while (!stop.get() || !pending.isEmpty()) {
                      Pending p = pending.peek();
                      if (p == null) {
                        LockSupport.parkNanos(1_000_000);
                      } else if (search.document(p.id()) != null) {
                        visible[seen[0]++] = System.nanoTime() - p.addedNanos();
                        pending.poll();
                      } else {
                        LockSupport.parkNanos(2_000_000);
                      }
                    }
                  } catch (IOException | RuntimeException e) {
                    failure[0] = e;
                  }
                });
    List<Thread> searchers = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      long[] lat = new long[qps * seconds];
      queryNanos.add(lat);
      int offset = t;
      searchers.add(
          Thread.ofPlatform()
              .name("nrt-search")
              .start(
                  () -> {
                    long period = 2_000_000_000L / qps;
                    try {
                      for (int i = 0; i < lat.length / 2 && !stop.get(); i++) {
                        waitUntil(start + i * period + offset * period / 2);
                        String q = queries.get((i * 2 + offset) % queries.size());
                        long t0 = System.nanoTime();
                        search.search(SearchRequest.of(q));
                        lat[i] = System.nanoTime() - t0;
                      }
                    } catch (IOException | RuntimeException e) {
                      failure[0] = e;
                    }
                  }));
    }
    writer.join();
    for (Thread t : searchers) {
      t.join();
    }
    long wall = System.nanoTime() - start;
    double cores = (processCpuNanos() - cpu0) / (double) wall;
    stop.set(true);
    watcher.join(TimeUnit.SECONDS.toMillis(30));
    if (failure[0] != null) {
      failure[0].printStackTrace(); // a bench failure is a bug to find: keep where it came from
      throw new IllegalStateException("near-real-time bench failed: " + failure[0], failure[0]);
    }
    long[] vis = Arrays.copyOf(visible, seen[0]);
    Arrays.sort(vis);
    long[] ql =
        queryNanos.stream().flatMapToLong(Arrays::stream).filter(x -> x > 0).sorted().toArray();
    return new Result(
        seconds,
        articlesPerSecond,
        added[0] / (wall / 1e9),
        qps,
        ql.length / (wall / 1e9),
        added[0],
        vis.length,
        QueryBench.pct(vis, 50),
        QueryBench.pct(vis, 95),
        QueryBench.pct(vis, 99),
        vis[vis.length - 1] / 1e6,
        QueryBench.pct(ql, 50),
        QueryBench.pct(ql, 99),
        search.refreshTimes(),
        cores,
        BenchFiles.loadAverage());
  }

  /** CPU time this JVM has used (every thread: writer, searches, refreshes, GC), in ns. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static void waitUntil(long nanoTime) {
    long wait = nanoTime - System.nanoTime();
    if (wait > 0) {
      LockSupport.parkNanos(wait);
    }
  }
}
