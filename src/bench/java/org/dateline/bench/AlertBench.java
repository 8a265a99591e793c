package org.dateline.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.dateline.alert.AlertMatcher;
import org.dateline.alert.AlertSpec;
import org.dateline.alert.Alerts;
import org.dateline.config.Limits;
import org.dateline.enrich.Article;
import org.dateline.index.Schema;
import org.dateline.index.SourceFile;
import org.dateline.index.StoryStamp;
import org.dateline.search.StandingQuery;

/**
 * Measures alerts (issue 17): how fast N saved searches are matched against articles one at a time
 * on one thread (the monitor alone, and the whole ingest hook with its journal), and how long a
 * server takes to open N saved alerts again at start.
 */
public final class AlertBench {

  private AlertBench() {}

  /** One indexed article as the ingest hook is given it. */
  public record Stored(Article article, SourceFile source, StoryStamp stamp) {}

  /**
   * Articles per second and the per-article latency percentiles, in milliseconds; the CPU time the
   * measuring thread used per article (what the figures would be on an idle core: wall time on a
   * loaded machine counts the waits for one); the candidate queries run per article (-1: not
   * counted); the CPU of the whole JVM over the pass per article (every thread: also the garbage
   * collector's and the compiler's); how long the pass's threads were blocked on a monitor and
   * waiting (a lock, a condition) in all, per article, as the JVM's contention monitoring counts;
   * the collections the collector made during the pass and their time (pauses and, where the JVM
   * counts them, concurrent cycles), in all; the bytes the pass's threads allocated per article
   * (what the collector has to take back: unlike times, not moved by the machine's load).
   */
  public record Rate(
      int alerts,
      int articles,
      double articlesPerSecond,
      double p50Ms,
      double p99Ms,
      long matches,
      double cpuMsPerArticle,
      double queriesPerArticle,
      double processCpuMsPerArticle,
      double blockedMsPerArticle,
      double waitedMsPerArticle,
      long collections,
      long collectionMs,
      double allocatedKbPerArticle) {}

  /** The collections made so far and their time in milliseconds, over every collector. */
  private static long[] collections() {
    long count = 0;
    long ms = 0;
    for (java.lang.management.GarbageCollectorMXBean gc :
        java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
      count += Math.max(0, gc.getCollectionCount());
      ms += Math.max(0, gc.getCollectionTime());
    }
    return new long[] {count, ms};
  }

  /** Bytes the calling thread has allocated so far (0 where the JVM does not count them). */
  private static long allocatedBytes() {
    return java.lang.management.ManagementFactory.getThreadMXBean()
            instanceof com.sun.management.ThreadMXBean sun
        ? Math.max(0, sun.getCurrentThreadAllocatedBytes())
        : 0;
  }

  /** CPU time of the calling thread, in nanoseconds. */
  public static long threadCpuNanos() {
    return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  /** CPU time of the whole JVM (every thread), in nanoseconds. */
  public static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** The articles of an index, in index order. */
  public static List<Stored> read(Path indexDir) throws IOException {
    List<Stored> out = new ArrayList<>();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(indexDir))) {
      for (LeafReaderContext leaf : reader.leaves()) {
        StoredFields stored = leaf.reader().storedFields();
        Bits live = leaf.reader().getLiveDocs();
        for (int d = 0; d < leaf.reader().maxDoc(); d++) {
          if (live == null || live.get(d)) {
            Document doc = stored.document(d);
            Article a = Schema.toArticle(doc);
            out.add(
                new Stored(
                    a,
                    Schema.toSourceFile(doc),
                    new StoryStamp(Schema.storyOf(doc), StoryStamp.alone(a).fingerprint())));
          }
        }
      }
    }
    return out;
  }

  /**
   * The monitor alone: {@code specs} registered, then the articles matched {@code batch} at a time
   * (as the indexer hands a file's articles); each article's latency is its batch's.
   */
  public static Rate matcher(
      List<AlertSpec> specs, List<Stored> articles, Limits limits, int batch, int threads)
      throws IOException {
    try (AlertMatcher matcher = new AlertMatcher()) {
      List<MonitorQuery> queries = new ArrayList<>(specs.size());
      for (int i = 0; i < specs.size(); i++) {
        queries.add(new MonitorQuery("a" + i, StandingQuery.of(specs.get(i).request(), limits)));
      }
      matcher.register(queries);
      Timed t =
          timed(
              articles,
              batch,
              threads,
              part -> {
                List<Document> docs = new ArrayList<>(part.size());
                for (Stored s : part) {
                  docs.add(Schema.toDocument(s.article(), s.source(), s.stamp()));
                }
                long matches = 0;
                for (java.util.Set<String> ids : matcher.match(docs)) {
                  matches += ids.size();
                }
                return matches;
              });
      return rate(specs.size(), t, t.matches(), matcher.queriesRun());
    }
  }

  /** What one batch's call does; returns the matches it made (-1: not counted). */
  private interface BatchCall {
    long call(List<Stored> part) throws IOException;
  }

  /** Each article's latency (its batch's), the pass's wall time, its threads' CPU, matches. */
  private record Timed(
      long[] nanos,
      long wallNanos,
      long cpuNanos,
      long matches,
      long processCpuNanos,
      long blockedMs,
      long waitedMs,
      long collections,
      long collectionMs,
      long allocatedBytes) {}

  /**
   * Calls {@code call} on the articles {@code batch} at a time, the batches shared out to {@code
   * threads} threads as the indexer's workers share files: the wall time is the whole pass's, the
   * CPU the sum of the threads' own.
   */
  private static Timed timed(List<Stored> articles, int batch, int threads, BatchCall call)
      throws IOException {
    long[] nanos = new long[articles.size()];
    java.util.concurrent.atomic.LongAdder cpu = new java.util.concurrent.atomic.LongAdder();
    java.util.concurrent.atomic.LongAdder matches = new java.util.concurrent.atomic.LongAdder();
    java.util.concurrent.atomic.AtomicInteger next =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.LongAdder blocked = new java.util.concurrent.atomic.LongAdder();
    java.util.concurrent.atomic.LongAdder waited = new java.util.concurrent.atomic.LongAdder();
    java.util.concurrent.atomic.LongAdder allocated = new java.util.concurrent.atomic.LongAdder();
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    if (mx.isThreadContentionMonitoringSupported()) {
      mx.setThreadContentionMonitoringEnabled(true);
    }
    java.util.concurrent.Callable<Void> worker =
        () -> {
          long id = Thread.currentThread().threadId();
          java.lang.management.ThreadInfo i0 = mx.getThreadInfo(id);
          long c0 = threadCpuNanos();
          long a0 = allocatedBytes();
          for (int from = next.getAndAdd(batch);
              from < articles.size();
              from = next.getAndAdd(batch)) {
            int to = Math.min(articles.size(), from + batch);
            long a = System.nanoTime();
            matches.add(call.call(articles.subList(from, to)));
            Arrays.fill(nanos, from, to, System.nanoTime() - a);
          }
          cpu.add(threadCpuNanos() - c0);
          allocated.add(allocatedBytes() - a0);
          java.lang.management.ThreadInfo i1 = mx.getThreadInfo(id);
          if (i0 != null && i1 != null && i0.getBlockedTime() >= 0) {
            blocked.add(i1.getBlockedTime() - i0.getBlockedTime());
            waited.add(i1.getWaitedTime() - i0.getWaitedTime());
          }
          return null;
        };
    long[] gc0 = collections();
    long t0 = System.nanoTime();
    long p0 = processCpuNanos();
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      for (java.util.concurrent.Future<Void> f :
          pool.invokeAll(java.util.Collections.nCopies(threads, worker))) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    long wall = System.nanoTime() - t0;
    long[] gc1 = collections();
    return new Timed(
        nanos,
        wall,
        cpu.sum(),
        matches.sum(),
        processCpuNanos() - p0,
        blocked.sum(),
        waited.sum(),
        gc1[0] - gc0[0],
        gc1[1] - gc0[1],
        allocated.sum());
  }

  /**
   * Deletes the record of which code parsed the saved alerts' searches (the query index's {@code
   * parsed-by.txt}), so that the next open parses them all again, as after an upgrade.
   */
  public static void forgetParsingCode(Path alertsDir) throws IOException {
    try (var files = java.nio.file.Files.walk(alertsDir)) {
      for (Path f :
          files.filter(p -> p.getFileName().toString().equals("parsed-by.txt")).toList()) {
        java.nio.file.Files.delete(f);
      }
    }
  }

  /**
   * The whole ingest hook (match, journal forced to disk, events), {@code batch} articles a call
   * (given as the first one's file); each article's latency is its batch's.
   */
  public static Rate hook(Alerts alerts, List<Stored> articles, int batch, int threads)
      throws IOException {
    Timed t =
        timed(
            articles,
            batch,
            threads,
            part -> {
              alerts.written(
                  part.get(0).source(),
                  part.stream().map(Stored::article).toList(),
                  part.stream().map(Stored::stamp).toList());
              return -1;
            });
    return rate(alerts.size(), t, -1, -1);
  }

  private static Rate rate(int alerts, Timed t, long matches, long queriesRun) {
    long[] nanos = t.nanos();
    long totalNanos = t.wallNanos();
    long cpuNanos = t.cpuNanos();
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int n = Math.max(1, nanos.length);
    return new Rate(
        alerts,
        nanos.length,
        nanos.length / (totalNanos / 1e9),
        percentile(sorted, 0.50) / 1e6,
        percentile(sorted, 0.99) / 1e6,
        matches,
        cpuNanos / 1e6 / n,
        queriesRun < 0 ? -1 : (double) queriesRun / n,
        t.processCpuNanos() / 1e6 / n,
        (double) t.blockedMs() / n,
        (double) t.waitedMs() / n,
        t.collections(),
        t.collectionMs(),
        t.allocatedBytes() / 1024.0 / n);
  }

  /** The value at quantile {@code q} of sorted {@code values} (nearest rank). */
  public static long percentile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
