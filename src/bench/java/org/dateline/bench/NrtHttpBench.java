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
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.dateline.enrich.Article;

/**
 * Near-real-time visibility end to end, through a real {@code dateline serve --watch} over HTTP:
 * one thread writes synthetic articles as {@code .txt} files into the server's drop folder at a
 * fixed rate (each under a dot-name, then renamed: the rule for feed writers), two threads send the
 * committed query mix at a fixed total rate, and a watcher asks {@code /api/search} for every
 * written article (by a word only that article holds) until it is found. Visibility = time from the
 * rename (the file is complete) to the watcher's answer that holds the article; the watcher asks
 * every {@value #WATCH_EVERY_MS} ms (one request for the 40 oldest unseen articles), so figures are
 * late by up to that much, and its requests add to the server's load (each counts facets, like any
 * search; asking every 20 ms made them about as many as the measured searches).
 */
public final class NrtHttpBench {

  /** Figures of one run; latencies in milliseconds; server CPU in cores (1.0 = one core busy). */
  public record Result(
      int seconds,
      int targetArticlesPerSecond,
      double articlesPerSecond,
      int targetQps,
      double qps,
      long queryErrors,
      long filesWritten,
      long articlesSeen,
      double visibleP50Ms,
      double visibleP95Ms,
      double visibleP99Ms,
      double visibleMaxMs,
      double queryP50Ms,
      double queryP99Ms,
      double serverCpuCores,
      double loadAverage) {}

  static final long WATCH_EVERY_MS = 50;

  /** Probe words asked for in one watcher request. */
  private static final int PROBES_PER_ASK = 40;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String url;
  private final Path drop;
  private final SyntheticArchive archive;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** Written and not yet found: file number to the nanoTime its file was complete. */
  private final ConcurrentSkipListMap<Long, Long> pending = new ConcurrentSkipListMap<>();

  private final AtomicBoolean stop = new AtomicBoolean();
  private volatile Throwable failure;

  public NrtHttpBench(String url, Path drop, SyntheticArchive archive) {
    this.url = url;
    this.drop = drop;
    this.archive = archive;
  }

  /**
   * Writes one article and waits (up to {@code limit}) until it is searchable, so the measured run
   * starts on a server whose ingest path is loaded; returns how long that took, in milliseconds.
   */
  public long warmUp(long firstArticle, Duration limit) throws IOException, InterruptedException {
    long[] visible = new long[1];
    long[] seen = {0};
    long t0 = System.nanoTime();
    write(firstArticle);
    long deadline = t0 + limit.toNanos();
    while (!pending.isEmpty() && System.nanoTime() < deadline) {
      ask(visible, seen);
      Thread.sleep(WATCH_EVERY_MS);
    }
    if (!pending.isEmpty()) {
      throw new IOException(
          "the warm-up article was not searchable within "
              + limit.toSeconds()
              + " s; see the server's log");
    }
    return (System.nanoTime() - t0) / 1_000_000;
  }

  /** The measured run: {@code rate} files a second and {@code qps} searches a second. */
  public Result run(
      long firstArticle,
      int rate,
      int qps,
      int seconds,
      List<HttpBench.Request> mix,
      LongSupplier serverCpuNanos)
      throws InterruptedException {
    int files = rate * seconds;
    // A run may follow a warm-up run: its stragglers are not this run's to count.
    stop.set(false);
    pending.clear();
    long[] visible = new long[files];
    long[] seen = {0};
    AtomicLong written = new AtomicLong();
    long[] writerNanos = {0};
    AtomicLong errors = new AtomicLong();
    long cpu0 = serverCpuNanos.getAsLong();
    long start = System.nanoTime();
    Thread writer =
        Thread.ofPlatform()
            .name("nrt-http-writer")
            .start(
                () -> {
                  long period = 1_000_000_000L / rate;
                  try {
                    for (long i = 0; i < files && failure == null; i++) {
                      waitUntil(start + i * period);
                      write(firstArticle + i);
                      written.incrementAndGet();
                    }
                    writerNanos[0] = System.nanoTime() - start;
                  } catch (IOException | RuntimeException e) {
                    failure = e;
                  }
                });
    Thread watcher = Thread.ofPlatform().name("nrt-http-watcher").start(() -> watch(visible, seen));
    List<long[]> latencies = new ArrayList<>();
    List<Thread> clients = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      long[] lat = new long[qps * seconds / 2];
      latencies.add(lat);
      int offset = t;
      clients.add(
          Thread.ofPlatform()
              .name("nrt-http-search")
              .start(() -> search(mix, lat, offset, qps, start, errors)));
    }
    writer.join();
    for (Thread t : clients) {
      t.join();
    }
    // Each rate over its own threads' time: searches slowed by an overloaded server end later
    // than the writer, and must not make the files look slower (or the other way round).
    long wall = System.nanoTime() - start;
    double cores = (serverCpuNanos.getAsLong() - cpu0) / (double) wall;
    double load = BenchFiles.loadAverage();
    // Then give the last files time to show up (a miss counts as never seen).
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!pending.isEmpty() && System.nanoTime() < deadline && failure == null) {
      Thread.sleep(WATCH_EVERY_MS);
    }
    stop.set(true);
    watcher.join();
    if (failure != null) {
      throw new IllegalStateException("near-real-time HTTP bench failed: " + failure, failure);
    }
    long[] vis = Arrays.copyOf(visible, (int) seen[0]);
    Arrays.sort(vis);
    long[] ql =
        latencies.stream().flatMapToLong(Arrays::stream).filter(x -> x > 0).sorted().toArray();
    return new Result(
        seconds,
        rate,
        written.get() / (Math.max(1, writerNanos[0]) / 1e9),
        qps,
        ql.length / (wall / 1e9),
        errors.get(),
        written.get(),
        vis.length,
        pct(vis, 50),
        pct(vis, 95),
        pct(vis, 99),
        pct(vis, 100),
        pct(ql, 50),
        pct(ql, 99),
        cores,
        load);
  }

  private static double pct(long[] sorted, double p) {
    return sorted.length == 0 ? Double.NaN : QueryBench.pct(sorted, p);
  }

  /** Writes article {@code n} as nrt-N.txt: under a dot-name first, then renamed. */
  private void write(long n) throws IOException {
    Article a = archive.article(n, "nrt-http-bench");
    String text = a.title() + "\n\n" + a.text() + "\n\nReference " + probe(n) + ".\n";
    Path tmp = drop.resolve(".nrt-" + n + ".txt");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, drop.resolve("nrt-" + n + ".txt"), StandardCopyOption.ATOMIC_MOVE);
    pending.put(n, System.nanoTime());
  }

  /** A word only article {@code n} holds: letters only, so the analyzer keeps it whole. */
  static String probe(long n) {
    StringBuilder sb = new StringBuilder();
    long v = n;
    for (int i = 0; i < 8; i++) {
      sb.append((char) ('a' + v % 26));
      v /= 26;
    }
    return "zqxprobe" + sb;
  }

  private void watch(long[] visible, long[] seen) {
    try {
      while (!stop.get()) {
        if (!pending.isEmpty()) {
          ask(visible, seen);
        }
        Thread.sleep(WATCH_EVERY_MS);
      }
    } catch (IOException | RuntimeException e) {
      failure = e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Asks for the oldest pending probes at once; records each one found. */
  private void ask(long[] visible, long[] seen) throws IOException, InterruptedException {
    List<Long> ask = pending.keySet().stream().limit(PROBES_PER_ASK).toList();
    String q = ask.stream().map(NrtHttpBench::probe).collect(Collectors.joining(" OR "));
    HttpRequest req =
        HttpRequest.newBuilder(
                URI.create(
                    url
                        + "/api/search?kwic=0&facet_size=1&size="
                        + Math.min(100, 2 * ask.size())
                        + "&q="
                        + URLEncoder.encode(q, StandardCharsets.UTF_8)))
            .timeout(Duration.ofSeconds(30))
            .build();
    HttpResponse<byte[]> resp = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
    long now = System.nanoTime();
    if (resp.statusCode() != 200) {
      throw new IOException(
          "watcher: HTTP "
              + resp.statusCode()
              + " "
              + new String(resp.body(), StandardCharsets.UTF_8));
    }
    for (JsonNode hit : JSON.readTree(resp.body()).get("hits")) {
      String name = Path.of(hit.get("path").asText()).getFileName().toString();
      if (name.startsWith("nrt-") && name.endsWith(".txt")) {
        long n = Long.parseLong(name.substring(4, name.length() - 4));
        Long complete = pending.remove(n);
        if (complete != null && seen[0] < visible.length) {
          visible[(int) seen[0]++] = now - complete;
        }
      }
    }
  }

  private void search(
      List<HttpBench.Request> mix, long[] lat, int offset, int qps, long start, AtomicLong errors) {
    long period = 2_000_000_000L / qps;
    for (int i = 0; i < lat.length && failure == null; i++) {
      waitUntil(start + i * period + offset * period / 2);
      HttpBench.Request r = mix.get((i * 2 + offset) % mix.size());
      HttpRequest req =
          HttpRequest.newBuilder(URI.create(url + "/api/search?" + r.queryString()))
              .timeout(Duration.ofSeconds(30))
              .build();
      long t0 = System.nanoTime();
      try {
        int status = http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
        lat[i] = System.nanoTime() - t0;
        if (status != 200) {
          errors.incrementAndGet();
        }
      } catch (IOException e) {
        errors.incrementAndGet();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static void waitUntil(long nanoTime) {
    long wait = nanoTime - System.nanoTime();
    if (wait > 0) {
      LockSupport.parkNanos(wait);
    }
  }

  /** The figures as a Markdown table row, after {@link #HEADER}. */
  public static String row(Result r) {
    return String.format(
        Locale.ROOT,
        "| %.0f (%d) | %.0f (%d) | %d | %d | %d | %.0f | %.0f | %.0f | %.0f | %.1f | %.1f | %.2f | %.2f |",
        r.articlesPerSecond(),
        r.targetArticlesPerSecond(),
        r.qps(),
        r.targetQps(),
        r.queryErrors(),
        r.filesWritten(),
        r.articlesSeen(),
        r.visibleP50Ms(),
        r.visibleP95Ms(),
        r.visibleP99Ms(),
        r.visibleMaxMs(),
        r.queryP50Ms(),
        r.queryP99Ms(),
        r.serverCpuCores(),
        r.loadAverage());
  }

  public static final String HEADER =
      "| files/s (target) | QPS (target) | query errors | written"
          + " | found | visible p50 ms | p95 ms | p99 ms | max ms | query p50 ms | query p99 ms"
          + " | server CPU (cores) | load avg |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|";
}
