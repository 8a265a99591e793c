package org.dateline.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dateline.search.RefreshTimes;

/**
 * How a fresh {@code dateline serve} does in its first seconds: milliseconds from process start to
 * its first answered search, then one client sending the mix for a fixed window, with the window's
 * percentiles and those of its first and last thirds (JIT warm-up shows as the first third's p99
 * above the last's). One run per call; each run a new JVM, stopped by its PID.
 */
public final class StartupBench {

  /** One run: with the start-up cache or not, first answer, and the load window's figures. */
  public record Run(
      boolean startupCache,
      long firstAnswerMs,
      int requests,
      int errors,
      double p50Ms,
      double p99Ms,
      double firstThirdP99Ms,
      double lastThirdP99Ms) {}

  private StartupBench() {}

  /** Starts a server on {@code index}, times its first answer, then loads it for {@code window}. */
  public static Run run(
      Path index,
      int port,
      String heap,
      boolean startupCache,
      List<HttpBench.Request> mix,
      Duration window,
      Path log)
      throws IOException, InterruptedException {
    Files.deleteIfExists(log);
    try (ServerProcess server =
            ServerProcess.start(index, port, heap, log, null, List.of(), startupCache);
        HttpClient client =
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build()) {
      long first = server.awaitFirstAnswer(mix.get(0).queryString(), Duration.ofMinutes(3));
      List<long[]> samples = new ArrayList<>(); // {start offset ns, latency ns, ok}
      long start = System.nanoTime();
      long end = start + window.toNanos();
      int errors = 0;
      for (int i = 1; System.nanoTime() < end; i++) {
        HttpBench.Request r = mix.get(i % mix.size());
        HttpRequest req =
            HttpRequest.newBuilder(URI.create(server.url() + "/api/search?" + r.queryString()))
                .timeout(Duration.ofSeconds(60))
                .build();
        long t0 = System.nanoTime();
        int status;
        try {
          status = client.send(req, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
        } catch (IOException e) {
          status = -1;
        }
        samples.add(new long[] {t0 - start, System.nanoTime() - t0});
        errors += status == 200 ? 0 : 1;
      }
      long third = window.toNanos() / 3;
      return new Run(
          startupCache,
          first,
          samples.size(),
          errors,
          pct(samples, 0, Long.MAX_VALUE, 50),
          pct(samples, 0, Long.MAX_VALUE, 99),
          pct(samples, 0, third, 99),
          pct(samples, 2 * third, Long.MAX_VALUE, 99));
    }
  }

  private static double pct(List<long[]> samples, long from, long to, double p) {
    long[] sorted =
        samples.stream()
            .filter(s -> s[0] >= from && s[0] < to)
            .mapToLong(s -> s[1])
            .sorted()
            .toArray();
    return sorted.length == 0 ? 0 : RefreshTimes.pct(sorted, p);
  }
}
