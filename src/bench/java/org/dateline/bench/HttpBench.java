package org.dateline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Query latency and throughput of a running Dateline server over HTTP: a committed mix of requests
 * (query, facet filters, date range; the API's default 10 hits, 3 KWIC lines per hit, every facet
 * dimension and the date histogram) sent by N client threads, each on its own keep-alive
 * connection. Latency is client wall time from sending a request to having read its whole body;
 * JSON parsing (to check the answer and read its hit count) is outside it. Percentiles are
 * nearest-rank; QPS = measured requests / wall time of the measured passes.
 */
public final class HttpBench {

  /** One request of the mix: its line in the file and the URL query string. */
  public record Request(int line, String label, String queryString) {}

  /**
   * Figures at one concurrency. {@code serverCpuMsPerRequest}: CPU time the server process used
   * during the measured passes divided by their requests (-1 when the server's process is not ours
   * to read); unlike wall time it barely moves when other work shares the machine.
   */
  public record Level(
      int clients,
      long requests,
      long errors,
      double p50Ms,
      double p95Ms,
      double p99Ms,
      double maxMs,
      double meanMs,
      double qps,
      double loadAverage,
      double serverCpuMsPerRequest) {}

  /** One request's hit count and latency in each measured pass (at concurrency 1). */
  public record PerRequest(int line, String request, long hits, double[] ms) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> KEYS =
      List.of(
          "outlet",
          "person",
          "place",
          "organization",
          "agency",
          "language",
          "type",
          "from",
          "to",
          "sort",
          "size",
          "kwic",
          "facet_size");

  private final String baseUrl;
  private final List<Request> requests;
  private final Duration timeout;

  public HttpBench(String baseUrl, List<Request> requests, Duration timeout) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.requests = List.copyOf(requests);
    this.timeout = timeout;
  }

  /**
   * Reads a mix: one request a line, fields separated by {@code " | "}: the query, then {@code
   * key=value} parameters ({@code outlet=}, {@code place=}, {@code from=}, ...). Blank lines and
   * lines starting with # are skipped.
   */
  public static List<Request> readMix(Path file) throws IOException {
    List<Request> out = new ArrayList<>();
    requestLines(file).forEach((n, line) -> out.add(new Request(n, line, queryString(line, n))));
    return out;
  }

  /**
   * The request lines of a mix file by line number, in order: blank lines and lines starting with #
   * left out, the rest stripped.
   */
  public static java.util.SortedMap<Integer, String> requestLines(Path file) throws IOException {
    java.util.SortedMap<Integer, String> out = new java.util.TreeMap<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n).strip();
      if (!line.isEmpty() && !line.startsWith("#")) {
        out.put(n + 1, line);
      }
    }
    return out;
  }

  static String queryString(String line, int lineNo) {
    String[] parts = line.split(" \\| ");
    StringBuilder qs = new StringBuilder("q=").append(encode(parts[0].strip()));
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].strip();
      int eq = p.indexOf('=');
      if (p.startsWith("kind=")) {
        continue; // a label of `bench mix` (for its breakdown), not a parameter
      }
      if (eq < 1 || !KEYS.contains(p.substring(0, eq))) {
        throw new IllegalArgumentException(
            "line " + lineNo + ": '" + p + "' is not one of " + KEYS + " followed by =value");
      }
      qs.append('&').append(p, 0, eq).append('=').append(encode(p.substring(eq + 1).strip()));
    }
    return qs.toString();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Outcome of one pass: per request latency (ns) and hit count (-1 for an error). */
  private record Pass(long[] nanos, long[] hits, long wallNanos, List<String> errors) {}

  /**
   * Whole passes at {@code clients} concurrent clients until {@code duration} has passed (at least
   * one), nothing measured: lets the server's JIT finish compiling before the first level, so that
   * level measures the steady state as the later ones do.
   */
  public int warm(int clients, Duration duration) throws InterruptedException {
    List<HttpClient> conns = connections(clients);
    long end = System.nanoTime() + duration.toNanos();
    int passes = 0;
    do {
      pass(conns);
      passes++;
    } while (System.nanoTime() < end);
    conns.forEach(HttpClient::close);
    return passes;
  }

  /** One HTTP/1.1 client per concurrent client; the caller closes them. */
  private List<HttpClient> connections(int clients) {
    List<HttpClient> conns = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      conns.add(
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(timeout)
              .build());
    }
    return conns;
  }

  /** Warm-up passes, then measured passes, all at {@code clients} concurrent clients. */
  public Level run(
      int clients,
      int warmup,
      int passes,
      List<PerRequest> perRequestOut,
      java.util.function.LongSupplier serverCpuNanos)
      throws InterruptedException {
    List<HttpClient> conns = connections(clients);
    for (int i = 0; i < warmup; i++) {
      pass(conns);
    }
    List<Pass> measured = new ArrayList<>();
    long cpuBefore = serverCpuNanos == null ? -1 : serverCpuNanos.getAsLong();
    long wall = 0;
    for (int i = 0; i < passes; i++) {
      Pass p = pass(conns);
      measured.add(p);
      wall += p.wallNanos();
    }
    double cpuMs =
        cpuBefore < 0
            ? -1
            : (serverCpuNanos.getAsLong() - cpuBefore) / 1e6 / (requests.size() * (double) passes);
    double load = BenchFiles.loadAverage();
    conns.forEach(HttpClient::close);
    long[] all = new long[requests.size() * passes];
    long errors = 0;
    for (int i = 0; i < passes; i++) {
      System.arraycopy(measured.get(i).nanos(), 0, all, i * requests.size(), requests.size());
      errors += measured.get(i).errors().size();
    }
    for (Pass p : measured) {
      p.errors().stream().limit(5).forEach(e -> System.err.println("bench http: " + e));
    }
    if (perRequestOut != null) {
      for (int r = 0; r < requests.size(); r++) {
        double[] ms = new double[passes];
        for (int i = 0; i < passes; i++) {
          ms[i] = measured.get(i).nanos()[r] / 1e6;
        }
        perRequestOut.add(
            new PerRequest(
                requests.get(r).line(), requests.get(r).label(), measured.get(0).hits()[r], ms));
      }
    }
    Arrays.sort(all);
    double mean = Arrays.stream(all).average().orElse(0) / 1e6;
    return new Level(
        clients,
        all.length,
        errors,
        QueryBench.pct(all, 50),
        QueryBench.pct(all, 95),
        QueryBench.pct(all, 99),
        all[all.length - 1] / 1e6,
        mean,
        all.length / (wall / 1e9),
        load,
        cpuMs);
  }

  private Pass pass(List<HttpClient> conns) throws InterruptedException {
    int n = requests.size();
    long[] nanos = new long[n];
    long[] hits = new long[n];
    List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicInteger next = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (HttpClient conn : conns) {
      threads.add(
          Thread.ofPlatform()
              .name("bench-client")
              .start(
                  () -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                      Request r = requests.get(i);
                      HttpRequest req =
                          HttpRequest.newBuilder(
                                  URI.create(baseUrl + "/api/search?" + r.queryString()))
                              .timeout(timeout)
                              .GET()
                              .build();
                      long t0 = System.nanoTime();
                      try {
                        HttpResponse<byte[]> resp =
                            conn.send(req, HttpResponse.BodyHandlers.ofByteArray());
                        nanos[i] = System.nanoTime() - t0;
                        hits[i] = check(resp, r, errors);
                      } catch (IOException e) {
                        nanos[i] = System.nanoTime() - t0;
                        hits[i] = -1;
                        errors.add("line " + r.line() + ": " + e);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                      }
                    }
                  }));
    }
    for (Thread t : threads) {
      t.join();
    }
    return new Pass(nanos, hits, System.nanoTime() - start, errors);
  }

  private static long check(HttpResponse<byte[]> resp, Request r, List<String> errors)
      throws IOException {
    if (resp.statusCode() != 200) {
      errors.add(
          "line "
              + r.line()
              + ": HTTP "
              + resp.statusCode()
              + " "
              + new String(
                  resp.body(), 0, Math.min(200, resp.body().length), StandardCharsets.UTF_8));
      return -1;
    }
    JsonNode body = JSON.readTree(resp.body());
    if (!body.has("total") || !body.has("facets") || !body.has("hits")) {
      errors.add("line " + r.line() + ": answer lacks total, facets or hits");
      return -1;
    }
    return body.get("total").asLong();
  }
}
