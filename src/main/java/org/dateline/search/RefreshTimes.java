package org.dateline.search;

import java.util.Arrays;
import org.apache.lucene.search.ReferenceManager;

/**
 * Times each refresh of a {@code SearcherManager} that opened a new searcher: opening the reader
 * (for a writer's near-real-time reader, flushing its buffered documents) plus warming the facet
 * ordinal map and date arrays ({@link FacetSearcherFactory}). Keeps the last {@value #KEPT}.
 * Thread-safe.
 */
public final class RefreshTimes implements ReferenceManager.RefreshListener {

  private static final int KEPT = 8_192;

  /** Refreshes that opened a new searcher, and their duration percentiles in milliseconds. */
  public record Summary(long refreshes, double p50Ms, double p99Ms, double maxMs, double meanMs) {}

  private final long[] nanos = new long[KEPT];
  private long count;
  private final ThreadLocal<Long> started = new ThreadLocal<>();

  @Override
  public void beforeRefresh() {
    started.set(System.nanoTime());
  }

  @Override
  public void afterRefresh(boolean didRefresh) {
    Long t0 = started.get();
    if (didRefresh && t0 != null) {
      record(System.nanoTime() - t0);
    }
  }

  private synchronized void record(long n) {
    nanos[(int) (count++ % KEPT)] = n;
  }

  public synchronized Summary summary() {
    int n = (int) Math.min(count, KEPT);
    if (n == 0) {
      return new Summary(0, 0, 0, 0, 0);
    }
    long[] sorted = Arrays.copyOf(nanos, n);
    Arrays.sort(sorted);
    return new Summary(
        count,
        pct(sorted, 50),
        pct(sorted, 99),
        sorted[n - 1] / 1e6,
        Arrays.stream(sorted).average().orElse(0) / 1e6);
  }

  /** Nearest-rank percentile {@code p} of {@code sorted} nanoseconds, in milliseconds. */
  public static double pct(long[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)] / 1e6;
  }
}
