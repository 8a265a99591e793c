package org.dateline.bench.peer;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dateline.search.RefreshTimes;

/**
 * Where a Dateline server's time goes on a mix, from the {@code Server-Timing} header it sends when
 * asked ({@code bench peer --stages}): per stage, the mean and p50 over every measured request (a
 * stage a request did not pass counts 0 ms for it), the server's whole route time, and what is left
 * of the client's time outside it (HTTP, Jetty, the socket, the client's reading). The column "near
 * p50" is the mean over the requests whose client time lies between the 40th and the 60th
 * percentile: where the time of the requests that decide the p50 goes (the p50 of each stage alone
 * comes from different requests, and the cheap requests at the median are not the mean's).
 */
public final class StageReport {

  /** One stage's figures over the measured requests; share: of the client's mean time. */
  public record Stage(
      String name, double meanMs, double p50Ms, double p99Ms, double share, double nearP50Ms) {}

  /** The band of client times, in percentiles, whose requests make the "near p50" column. */
  static final double NEAR_LOW = 40;

  static final double NEAR_HIGH = 60;

  /** The stages of one engine at one level, in the order they first appeared, then the totals. */
  public record Figures(String engine, int clients, int requests, List<Stage> stages) {}

  private StageReport() {}

  /** The stage figures of {@code run}, or null when none of its answers carried Server-Timing. */
  public static Figures of(PeerCompare.EngineRun run, int clients) {
    Map<String, List<Double>> byStage = new LinkedHashMap<>();
    List<Double> server = new ArrayList<>();
    List<Double> client = new ArrayList<>();
    int n = 0;
    for (PeerCompare.Sample[] pass : run.passes()) {
      for (PeerCompare.Sample s : pass) {
        if (s.serverTiming() == null) {
          continue;
        }
        Map<String, Double> stages = parse(s.serverTiming());
        for (String name : stages.keySet()) {
          byStage.computeIfAbsent(name, k -> zeros(server.size()));
        }
        byStage.forEach((name, values) -> values.add(stages.getOrDefault(name, 0.0)));
        double total = stages.values().stream().mapToDouble(Double::doubleValue).sum();
        server.add(total);
        client.add(s.nanos() / 1e6);
        n++;
      }
    }
    if (n == 0) {
      return null;
    }
    double clientMean = mean(client);
    boolean[] near = nearMedian(client);
    List<Stage> out = new ArrayList<>();
    byStage.forEach((name, values) -> out.add(stage(name, values, clientMean, near)));
    out.add(stage("(server, all stages)", server, clientMean, near));
    List<Double> outside = new ArrayList<>();
    for (int i = 0; i < client.size(); i++) {
      outside.add(client.get(i) - server.get(i));
    }
    out.add(stage("(client minus server)", outside, clientMean, near));
    out.add(stage("(client)", client, clientMean, near));
    return new Figures(run.engine(), clients, n, out);
  }

  /** {@code a;dur=1.5, b;dur=0.2, a;dur=0.1} as {a=1.6, b=0.2}: a stage seen twice is summed. */
  static Map<String, Double> parse(String header) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (String part : header.split(",")) {
      String[] fields = part.strip().split(";");
      double ms = 0;
      for (int i = 1; i < fields.length; i++) {
        String f = fields[i].strip();
        if (f.startsWith("dur=")) {
          ms = Double.parseDouble(f.substring(4));
        }
      }
      if (!fields[0].isBlank()) {
        out.merge(fields[0].strip(), ms, Double::sum);
      }
    }
    return out;
  }

  private static List<Double> zeros(int n) {
    List<Double> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(0.0);
    }
    return out;
  }

  /**
   * Which requests' client times lie between the {@link #NEAR_LOW}th and {@link #NEAR_HIGH}th
   * percentile (by rank: ties at a bound are in).
   */
  static boolean[] nearMedian(List<Double> client) {
    double[] sorted = client.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int last = sorted.length - 1;
    double low = sorted[(int) Math.floor(last * NEAR_LOW / 100)];
    double high = sorted[(int) Math.ceil(last * NEAR_HIGH / 100)];
    boolean[] near = new boolean[client.size()];
    for (int i = 0; i < near.length; i++) {
      near[i] = client.get(i) >= low && client.get(i) <= high;
    }
    return near;
  }

  private static Stage stage(String name, List<Double> values, double clientMean, boolean[] near) {
    long[] nanos = values.stream().mapToLong(v -> Math.round(v * 1e6)).sorted().toArray();
    double mean = mean(values);
    double nearSum = 0;
    int nearCount = 0;
    for (int i = 0; i < near.length; i++) {
      if (near[i]) {
        nearSum += values.get(i);
        nearCount++;
      }
    }
    return new Stage(
        name,
        mean,
        RefreshTimes.pct(nanos, 50),
        RefreshTimes.pct(nanos, 99),
        clientMean > 0 ? mean / clientMean : 0,
        nearCount == 0 ? 0 : nearSum / nearCount);
  }

  private static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
  }

  /** Prints one engine's stages as a table. */
  public static void print(PrintWriter out, Figures f) {
    out.printf(
        Locale.ROOT,
        "%n### %s: server time by stage, %d client(s), %d requests%n%n",
        f.engine(),
        f.clients(),
        f.requests());
    out.println(
        "| stage | mean ms | p50 ms | p99 ms | share of client mean | mean near p50 ms (p40-p60) |");
    out.println("|---|---|---|---|---|---|");
    for (Stage s : f.stages()) {
      out.printf(
          Locale.ROOT,
          "| %s | %.3f | %.3f | %.3f | %.1f %% | %.3f |%n",
          s.name(),
          s.meanMs(),
          s.p50Ms(),
          s.p99Ms(),
          100 * s.share(),
          s.nearP50Ms());
    }
  }
}
