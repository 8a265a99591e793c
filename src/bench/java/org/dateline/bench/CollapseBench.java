package org.dateline.bench;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.dateline.search.SearchRequest;
import org.dateline.search.SearchService;

/**
 * The cost of {@code collapse=story} (issue 16, evaluation 5: within 20 % of the same search
 * without): the query mix of {@link QueryBench} run with and without collapsing, each query's two
 * forms back to back and their order swapped every pass, so that a busy machine slows both alike.
 */
public final class CollapseBench {

  /** Percentiles (ms) of one form over all timed requests. */
  public record Form(double p50Ms, double p95Ms, double p99Ms, double meanMs, long hitsPerPass) {}

  /** Both forms, and collapsed over plain for the median, p95 and the mean. */
  public record Result(
      int queries,
      int passes,
      Form plain,
      Form collapsed,
      double p50Ratio,
      double p95Ratio,
      double meanRatio,
      double loadAverage) {}

  private CollapseBench() {}

  /** Runs the mix {@code warmup} times untimed, then {@code passes} timed passes of both forms. */
  public static Result run(SearchService search, List<String> queries, int warmup, int passes)
      throws IOException {
    for (int i = 0; i < warmup; i++) {
      for (String q : queries) {
        search.search(SearchRequest.of(q), false);
        search.search(SearchRequest.of(q), true);
      }
    }
    long[][] nanos = new long[2][queries.size() * passes];
    long[] hits = new long[2];
    int n = 0;
    for (int p = 0; p < passes; p++) {
      for (String q : queries) {
        for (int k = 0; k < 2; k++) {
          int form = (k + p) % 2; // 0 plain, 1 collapsed; who goes first alternates
          long t0 = System.nanoTime();
          long total = search.search(SearchRequest.of(q), form == 1).total();
          nanos[form][n] = System.nanoTime() - t0;
          hits[form] += p == 0 ? total : 0;
        }
        n++;
      }
    }
    Form plain = form(nanos[0], hits[0]);
    Form collapsed = form(nanos[1], hits[1]);
    return new Result(
        queries.size(),
        passes,
        plain,
        collapsed,
        collapsed.p50Ms() / plain.p50Ms(),
        collapsed.p95Ms() / plain.p95Ms(),
        collapsed.meanMs() / plain.meanMs(),
        BenchFiles.loadAverage());
  }

  private static Form form(long[] nanos, long hits) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new Form(
        QueryBench.pct(sorted, 50),
        QueryBench.pct(sorted, 95),
        QueryBench.pct(sorted, 99),
        Arrays.stream(sorted).average().orElse(0) / 1e6,
        hits);
  }
}
