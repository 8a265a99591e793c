package org.dateline.bench.peer;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.dateline.bench.mix.MixRequest;
import org.dateline.search.RefreshTimes;

/**
 * Figures of a {@link PeerCompare} run: per level and engine the percentiles and QPS of all
 * requests, the same broken down by query kind and by variant (plain, filters, date range), and the
 * hit counts of both engines compared per request. Percentiles are nearest-rank.
 */
public final class PeerReport {

  /** Latency figures of a set of samples; QPS only where the wall time is the set's own. */
  public record Figures(
      int requests,
      int errors,
      double p50Ms,
      double p95Ms,
      double p99Ms,
      double meanMs,
      double qps) {}

  /** One row of a breakdown: a kind (or variant) and each engine's figures for it. */
  public record Row(String kind, Map<String, Figures> engines) {}

  /** One level's figures. */
  public record LevelFigures(
      int clients,
      double loadAverage,
      Map<String, Figures> overall,
      List<Row> byQueryKind,
      List<Row> byVariant) {}

  /** A request both engines answered with different hit counts. */
  public record HitDiff(String request, Map<String, Long> found) {}

  /** Hit counts of the first measured pass compared: how many requests agree, totals, the worst. */
  public record HitCheck(
      int requests, int same, Map<String, Long> totals, List<HitDiff> differing) {}

  private PeerReport() {}

  /** The figures of one level. */
  public static LevelFigures figures(List<MixRequest> mix, PeerCompare.Level level) {
    Map<String, Figures> overall = new LinkedHashMap<>();
    level.runs().forEach((e, run) -> overall.put(e, of(run, i -> true, run.wallNanos())));
    return new LevelFigures(
        level.clients(),
        level.loadAverage(),
        overall,
        breakdown(mix, level, MixRequest::queryKind),
        breakdown(mix, level, MixRequest::variant));
  }

  private static List<Row> breakdown(
      List<MixRequest> mix, PeerCompare.Level level, Function<MixRequest, String> key) {
    Map<String, List<Integer>> groups = new TreeMap<>();
    for (int i = 0; i < mix.size(); i++) {
      groups.computeIfAbsent(key.apply(mix.get(i)), k -> new ArrayList<>()).add(i);
    }
    List<Row> rows = new ArrayList<>();
    groups.forEach(
        (kind, members) -> {
          boolean[] in = new boolean[mix.size()];
          members.forEach(i -> in[i] = true);
          Map<String, Figures> engines = new LinkedHashMap<>();
          level.runs().forEach((e, run) -> engines.put(e, of(run, i -> in[i], 0)));
          rows.add(new Row(kind, engines));
        });
    return rows;
  }

  private static Figures of(
      PeerCompare.EngineRun run, java.util.function.IntPredicate member, long wallNanos) {
    List<Long> nanos = new ArrayList<>();
    int errors = 0;
    for (PeerCompare.Sample[] pass : run.passes()) {
      for (int i = 0; i < pass.length; i++) {
        if (member.test(i)) {
          nanos.add(pass[i].nanos());
          errors += pass[i].error() == null ? 0 : 1;
        }
      }
    }
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
    double qps = wallNanos > 0 ? sorted.length / (wallNanos / 1e9) : 0;
    return new Figures(
        sorted.length,
        errors,
        RefreshTimes.pct(sorted, 50),
        RefreshTimes.pct(sorted, 95),
        RefreshTimes.pct(sorted, 99),
        mean,
        qps);
  }

  /** Hit counts of each engine's first measured pass, request by request. */
  public static HitCheck hits(List<MixRequest> mix, PeerCompare.Level level) {
    Map<String, Long> totals = new LinkedHashMap<>();
    List<HitDiff> diffs = new ArrayList<>();
    int same = 0;
    for (int i = 0; i < mix.size(); i++) {
      Map<String, Long> found = new LinkedHashMap<>();
      for (PeerCompare.EngineRun run : level.runs().values()) {
        long f = run.passes().get(0)[i].found();
        found.put(run.engine(), f);
        totals.merge(run.engine(), Math.max(0, f), Long::sum);
      }
      if (found.values().stream().distinct().count() == 1) {
        same++;
      } else {
        diffs.add(new HitDiff(mix.get(i).toLine(), found));
      }
    }
    diffs.sort((a, b) -> Long.compare(spread(b), spread(a)));
    return new HitCheck(
        mix.size(), same, totals, List.copyOf(diffs.subList(0, Math.min(20, diffs.size()))));
  }

  private static long spread(HitDiff d) {
    LongSummary s = LongSummary.of(d.found().values());
    return s.max() - s.min();
  }

  private record LongSummary(long min, long max) {
    static LongSummary of(java.util.Collection<Long> values) {
      return new LongSummary(
          values.stream().mapToLong(Long::longValue).min().orElse(0),
          values.stream().mapToLong(Long::longValue).max().orElse(0));
    }
  }

  /** The first {@code max} errors of a level, each with its engine and request. */
  public static List<String> errors(List<MixRequest> mix, PeerCompare.Level level, int max) {
    List<String> out = new ArrayList<>();
    for (PeerCompare.EngineRun run : level.runs().values()) {
      for (PeerCompare.Sample[] pass : run.passes()) {
        for (int i = 0; i < pass.length && out.size() < max; i++) {
          if (pass[i].error() != null) {
            out.add(run.engine() + ": " + mix.get(i).toLine() + ": " + pass[i].error());
          }
        }
      }
    }
    return out;
  }

  /** Prints the hit check. */
  public static void print(PrintWriter out, HitCheck h) {
    out.printf(
        "hit counts: %d of %d requests equal; total found per pass %s%n",
        h.same(), h.requests(), h.totals());
    for (HitDiff d : h.differing()) {
      out.printf("  differs: %-70s %s%n", abbreviate(d.request(), 70), d.found());
    }
  }

  /** Prints one level: the overall table, then by query kind and by variant. */
  public static void print(PrintWriter out, LevelFigures f) {
    out.printf("%n## %d client(s), load average %.2f%n%n", f.clients(), f.loadAverage());
    out.println("| engine | requests | errors | p50 ms | p95 ms | p99 ms | mean ms | QPS |");
    out.println("|---|---|---|---|---|---|---|---|");
    f.overall()
        .forEach(
            (e, x) ->
                out.printf(
                    "| %s | %d | %d | %.2f | %.2f | %.2f | %.2f | %.0f |%n",
                    e,
                    x.requests(),
                    x.errors(),
                    x.p50Ms(),
                    x.p95Ms(),
                    x.p99Ms(),
                    x.meanMs(),
                    x.qps()));
    List<String> engines = List.copyOf(f.overall().keySet());
    if (engines.size() == 2) {
      Figures a = f.overall().get(engines.get(0));
      Figures b = f.overall().get(engines.get(1));
      out.printf(
          "%s / %s: p50 %.2f, p99 %.2f, QPS %.2f (target: p50 and p99 <= 0.80)%n",
          engines.get(1),
          engines.get(0),
          b.p50Ms() / a.p50Ms(),
          b.p99Ms() / a.p99Ms(),
          b.qps() / a.qps());
    }
    table(out, "query kind", engines, f.byQueryKind());
    table(out, "variant", engines, f.byVariant());
  }

  private static void table(PrintWriter out, String title, List<String> engines, List<Row> rows) {
    StringBuilder head = new StringBuilder("%n| " + title + " | requests |");
    StringBuilder rule = new StringBuilder("|---|---|");
    for (String e : engines) {
      head.append(' ').append(e).append(" p50 | ").append(e).append(" p99 |");
      rule.append("---|---|");
    }
    if (engines.size() == 2) {
      head.append(" p50 ratio | p99 ratio |");
      rule.append("---|---|");
    }
    out.printf(head + "%n%s%n", rule);
    for (Row r : rows) {
      StringBuilder line =
          new StringBuilder(
              "| " + r.kind() + " | " + r.engines().get(engines.get(0)).requests() + " |");
      for (String e : engines) {
        Figures x = r.engines().get(e);
        line.append(String.format(java.util.Locale.ROOT, " %.2f | %.2f |", x.p50Ms(), x.p99Ms()));
      }
      if (engines.size() == 2) {
        Figures a = r.engines().get(engines.get(0));
        Figures b = r.engines().get(engines.get(1));
        line.append(
            String.format(
                java.util.Locale.ROOT,
                " %.2f | %.2f |",
                b.p50Ms() / a.p50Ms(),
                b.p99Ms() / a.p99Ms()));
      }
      out.println(line);
    }
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
