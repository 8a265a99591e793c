package org.dateline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dateline.search.SearchRequest;
import org.dateline.search.SearchService;

/**
 * Latency of a fixed query mix against one index, in process: each query with every facet
 * dimension, the date histogram and 3 KWIC lines per hit, as the API answers it. Warm-up passes
 * first, then timed passes; percentiles are nearest-rank over all timed requests.
 */
public final class QueryBench {

  /** Figures of one run (milliseconds). */
  public record Result(
      int queries,
      int passes,
      long requests,
      double p50Ms,
      double p95Ms,
      double p99Ms,
      double maxMs,
      double meanMs,
      double qps,
      long hitsPerPass,
      List<QueryTime> slowest,
      double cpuMsPerRequest) {}

  /** One query's slowest timed latency and its hit count. */
  public record QueryTime(String query, double maxMs, long hits) {}

  private QueryBench() {}

  /** Queries from a file: one a line, blank lines and lines starting with # skipped. */
  public static List<String> readQueries(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      String q = line.strip();
      if (!q.isEmpty() && !q.startsWith("#")) {
        out.add(q);
      }
    }
    return out;
  }

  public static Result run(SearchService search, List<String> queries, int warmup, int passes)
      throws IOException {
    return run(search, queries, warmup, passes, false);
  }

  /** {@link #run}; with {@code collapseStories}, every search is {@code collapse=story}. */
  public static Result run(
      SearchService search, List<String> queries, int warmup, int passes, boolean collapseStories)
      throws IOException {
    return run(search, queries, warmup, passes, collapseStories, null);
  }

  /**
   * {@link #run}; with {@code responses} (or null), each query's answer is written there as a JSON
   * line without its time (one more pass, after the timed ones), so two builds' answers can be
   * compared.
   */
  public static Result run(
      SearchService search,
      List<String> queries,
      int warmup,
      int passes,
      boolean collapseStories,
      Path responses)
      throws IOException {
    for (int i = 0; i < warmup; i++) {
      for (String q : queries) {
        search.search(SearchRequest.of(q), collapseStories);
      }
    }
    long[] nanos = new long[queries.size() * passes];
    long[] worst = new long[queries.size()];
    long[] hitsOf = new long[queries.size()];
    long hits = 0;
    int n = 0;
    long start = System.nanoTime();
    long cpuStart = AlertBench.processCpuNanos();
    for (int p = 0; p < passes; p++) {
      for (int i = 0; i < queries.size(); i++) {
        long t0 = System.nanoTime();
        long total = search.search(SearchRequest.of(queries.get(i)), collapseStories).total();
        long took = System.nanoTime() - t0;
        nanos[n++] = took;
        worst[i] = Math.max(worst[i], took);
        hitsOf[i] = total;
        if (p == 0) {
          hits += total;
        }
      }
    }
    List<QueryTime> slowest = new ArrayList<>();
    for (int i = 0; i < queries.size(); i++) {
      slowest.add(new QueryTime(queries.get(i), worst[i] / 1e6, hitsOf[i]));
    }
    slowest.sort((a, b) -> Double.compare(b.maxMs(), a.maxMs()));
    double wallSeconds = (System.nanoTime() - start) / 1e9;
    double cpuMs = (AlertBench.processCpuNanos() - cpuStart) / 1e6;
    if (responses != null) {
      try (ResponseLog log = ResponseLog.open(responses)) {
        for (String q : queries) {
          log.write(q, search.search(SearchRequest.of(q), collapseStories));
        }
      }
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
    return new Result(
        queries.size(),
        passes,
        sorted.length,
        pct(sorted, 50),
        pct(sorted, 95),
        pct(sorted, 99),
        sorted[sorted.length - 1] / 1e6,
        mean,
        sorted.length / wallSeconds,
        hits,
        List.copyOf(slowest.subList(0, Math.min(10, slowest.size()))),
        cpuMs / sorted.length);
  }

  /** Nearest-rank percentile in milliseconds. */
  static double pct(long[] sorted, double p) {
    return org.dateline.search.RefreshTimes.pct(sorted, p);
  }
}
