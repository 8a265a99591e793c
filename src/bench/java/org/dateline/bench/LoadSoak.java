package org.dateline.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
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
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dateline.config.JvmCommand;

/**
 * The soak test: a {@code dateline serve} child process answers concurrent HTTP clients for a set
 * time while {@code dateline index} child processes keep adding new stories to the same index.
 * Counts every error, records every latency, samples the server's live heap after a full GC, and
 * checks at the end that every ingested story is searchable (nothing lost under load).
 */
public final class LoadSoak {

  /** What to run. */
  public record Plan(
      Path index,
      int port,
      String heap,
      List<String> queries,
      int clients,
      Duration duration,
      Duration heapEvery,
      int storiesPerRound,
      Path work) {}

  /** A heap sample: seconds since the start, live heap in MB after a full GC. */
  public record HeapSample(long second, double liveMb) {}

  /** What happened. */
  public record Result(
      long requests,
      long errors,
      List<String> firstErrors,
      double seconds,
      double p50Ms,
      double p95Ms,
      double p99Ms,
      double maxMs,
      List<HeapSample> heap,
      long ingestRounds,
      long storiesIngested,
      long articlesBefore,
      long articlesAfter) {

    public double requestsPerSecond() {
      return requests / seconds;
    }

    /** Least-squares slope of the live heap over the second half of the run, MB per minute. */
    public double heapSlopeMbPerMinute() {
      List<HeapSample> half = heap.subList(heap.size() / 2, heap.size());
      if (half.size() < 2) {
        return 0;
      }
      double mx = half.stream().mapToDouble(HeapSample::second).average().orElse(0);
      double my = half.stream().mapToDouble(HeapSample::liveMb).average().orElse(0);
      double num = 0;
      double den = 0;
      for (HeapSample s : half) {
        num += (s.second() - mx) * (s.liveMb() - my);
        den += (s.second() - mx) * (s.second() - mx);
      }
      return den == 0 ? 0 : num / den * 60;
    }
  }

  private static final Pattern ARTICLES = Pattern.compile("\"articles\"\\s*:\\s*(\\d+)");
  private static final String[] WORDS =
      ("minister talks ceasefire border refugees election"
              + " parliament oil prices market strike court ruling police protest harbour storm port budget"
              + " wheat exports central bank rates")
          .split(" ");

  private LoadSoak() {}

  public static Result run(Plan plan, PrintWriter log) throws IOException, InterruptedException {
    Files.createDirectories(plan.work());
    try (ServerProcess server =
            ServerProcess.start(
                plan.index(), plan.port(), plan.heap(), plan.work().resolve("serve.log"), null);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
      server.awaitFirstAnswer("q=oil", Duration.ofMinutes(5));
      long before = articles(http, server.url());
      log.printf(
          "serving %s (%d articles) at %s; %d clients for %d s while ingesting%n",
          plan.index(), before, server.url(), plan.clients(), plan.duration().toSeconds());
      log.flush();
      long start = System.nanoTime();
      long end = start + plan.duration().toNanos();
      Ingest ingest = new Ingest(plan, end);
      Thread ingester = Thread.ofPlatform().name("soak-ingest").start(ingest);
      ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
      AtomicLong errors = new AtomicLong();
      List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());
      List<Thread> clients = new ArrayList<>();
      for (int c = 0; c < plan.clients(); c++) {
        int seed = c;
        clients.add(
            Thread.ofPlatform()
                .name("soak-client-" + c)
                .start(
                    () ->
                        client(
                            http,
                            server.url(),
                            plan.queries(),
                            new Random(seed),
                            end,
                            latencies,
                            errors,
                            firstErrors)));
      }
      List<HeapSample> heap = sampleHeap(server, plan.heapEvery(), start, end, log);
      for (Thread t : clients) {
        t.join();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      ingester.join();
      if (ingest.failure != null) {
        errors.incrementAndGet();
        firstErrors.add("ingest: " + ingest.failure);
      }
      long after = awaitArticles(http, server.url(), before + ingest.stories.get());
      long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
      return new Result(
          all.length,
          errors.get(),
          List.copyOf(firstErrors),
          seconds,
          QueryBench.pct(all, 50),
          QueryBench.pct(all, 95),
          QueryBench.pct(all, 99),
          all.length == 0 ? 0 : all[all.length - 1] / 1e6,
          heap,
          ingest.rounds.get(),
          ingest.stories.get(),
          before,
          after);
    }
  }

  private static void client(
      HttpClient http,
      String url,
      List<String> queries,
      Random random,
      long end,
      ConcurrentLinkedQueue<long[]> latencies,
      AtomicLong errors,
      List<String> firstErrors) {
    long[] mine = new long[1 << 16];
    int n = 0;
    while (System.nanoTime() < end) {
      String q = queries.get(random.nextInt(queries.size()));
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create(url + "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
              .timeout(Duration.ofSeconds(60))
              .build();
      long t0 = System.nanoTime();
      try {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
          fail(errors, firstErrors, q + " -> " + r.statusCode() + " " + r.body());
        }
      } catch (IOException e) {
        fail(errors, firstErrors, q + " -> " + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (n == mine.length) {
        latencies.add(mine);
        mine = new long[mine.length];
        n = 0;
      }
      mine[n++] = System.nanoTime() - t0;
    }
    latencies.add(Arrays.copyOf(mine, n));
  }

  private static void fail(AtomicLong errors, List<String> first, String what) {
    errors.incrementAndGet();
    if (first.size() < 10) {
      first.add(what.length() > 300 ? what.substring(0, 300) : what);
    }
  }

  private static List<HeapSample> sampleHeap(
      ServerProcess server, Duration every, long start, long end, PrintWriter log)
      throws InterruptedException {
    List<HeapSample> samples = new ArrayList<>();
    while (true) {
      long second = (System.nanoTime() - start) / 1_000_000_000;
      double mb = server.liveHeapMb();
      samples.add(new HeapSample(second, mb));
      log.printf("  %4d s  live heap after GC %.1f MB%n", second, mb);
      log.flush();
      long next = System.nanoTime() + every.toNanos();
      if (next > end) {
        return samples;
      }
      TimeUnit.NANOSECONDS.sleep(next - System.nanoTime());
    }
  }

  private static long articles(HttpClient http, String url)
      throws IOException, InterruptedException {
    String body =
        http.send(
                HttpRequest.newBuilder(URI.create(url + "/api/stats")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher m = ARTICLES.matcher(body);
    if (!m.find()) {
      throw new IOException("no article count in /api/stats: " + body);
    }
    return Long.parseLong(m.group(1));
  }

  /** The article count once the server has refreshed onto the last commit (up to 30 s). */
  private static long awaitArticles(HttpClient http, String url, long expected)
      throws IOException, InterruptedException {
    long n = articles(http, url);
    for (int i = 0; i < 60 && n != expected; i++) {
      Thread.sleep(500);
      n = articles(http, url);
    }
    return n;
  }

  /** Rounds of new stories, each written to its own folder and indexed by a child process. */
  private static final class Ingest implements Runnable {
    final Plan plan;
    final long end;
    final AtomicLong rounds = new AtomicLong();
    final AtomicLong stories = new AtomicLong();
    volatile String failure;

    Ingest(Plan plan, long end) {
      this.plan = plan;
      this.end = end;
    }

    @Override
    public void run() {
      Random random = new Random(99);
      try {
        while (System.nanoTime() < end) {
          long round = rounds.incrementAndGet();
          Path folder =
              writeStories(
                  plan.work().resolve("ingest/round-" + round),
                  plan.storiesPerRound(),
                  round,
                  random);
          int exit = index(folder);
          if (exit != 0) {
            failure = "dateline index exited with " + exit + "; see " + plan.work();
            return;
          }
          stories.addAndGet(plan.storiesPerRound());
        }
      } catch (IOException e) {
        failure = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private int index(Path folder) throws IOException, InterruptedException {
      Process p =
          new ProcessBuilder(
                  JvmCommand.withHeap("512m")
                      .dateline(
                          List.of(
                              "index",
                              "--quiet",
                              "--threads",
                              "1",
                              "--index",
                              plan.index().toString(),
                              folder.toString())))
              .redirectErrorStream(true)
              .redirectOutput(
                  ProcessBuilder.Redirect.appendTo(plan.work().resolve("index.log").toFile()))
              .start();
      return p.waitFor();
    }
  }

  /**
   * {@code count} new plain-text stories, one file each, never seen before (round in the title).
   */
  static Path writeStories(Path folder, int count, long round, Random random) throws IOException {
    Files.createDirectories(folder);
    for (int i = 0; i < count; i++) {
      try (Writer w = Files.newBufferedWriter(folder.resolve("story-" + i + ".txt"))) {
        w.write("Soak round " + round + " story " + i + "\n\n");
        for (int j = 0; j < 200; j++) {
          w.write(WORDS[random.nextInt(WORDS.length)]);
          w.write(j % 12 == 11 ? ".\n" : " ");
        }
      }
    }
    return folder;
  }
}
