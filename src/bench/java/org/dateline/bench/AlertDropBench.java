package org.dateline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dateline.alert.AlertSpec;
import org.dateline.alert.Alerts;
import org.dateline.config.Limits;

/**
 * Done means 6 of issue 17: files dropped one by one into a real {@code serve --watch} (its own
 * JVM, entities off) holding 10,000 saved searches, one of which posts to a webhook receiver in
 * this JVM; the time from each file's rename into the folder to its webhook's arrival. One file is
 * dropped and awaited first (its time reported apart: the parse workers start with it).
 */
public final class AlertDropBench {

  private static final Pattern TITLE = Pattern.compile("Drop bench (\\d+)");

  /** The title of the file dropped first, before the timed ones. */
  private static final String WARM = "Drop bench first";

  private AlertDropBench() {}

  /** Drop-to-webhook times in ms; {@code p99WarmMs} leaves out the first {@code warmup} files. */
  public record Latency(
      int files,
      int received,
      long p50Ms,
      long p95Ms,
      long p99Ms,
      long maxMs,
      int warmup,
      long p99WarmMs,
      long firstFileMs) {}

  public static Latency run(Path dir, List<AlertSpec> alerts, int drops, long dropMs, Limits limits)
      throws Exception {
    Path index = Files.createDirectories(dir.resolve("index"));
    Path drop = Files.createDirectories(dir.resolve("drop"));
    long[] dropped = new long[drops];
    ConcurrentHashMap<Integer, Long> arrived = new ConcurrentHashMap<>();
    java.util.concurrent.atomic.AtomicLong warmArrived =
        new java.util.concurrent.atomic.AtomicLong();
    ObjectMapper json = new ObjectMapper();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        ex -> {
          long now = System.nanoTime();
          String title = json.readTree(ex.getRequestBody()).get("data").get("title").asText();
          Matcher m = TITLE.matcher(title);
          if (title.contains(WARM)) {
            warmArrived.compareAndSet(0, now);
          } else if (m.find()) {
            arrived.putIfAbsent(Integer.parseInt(m.group(1)), now);
          }
          ex.sendResponseHeaders(204, -1);
          ex.close();
        });
    receiver.start();
    long firstFileMs = -1;
    try (Alerts saved = Alerts.open(index, limits)) {
      saved.createAll("bench", alerts);
      String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
      saved.create("bench", new AlertSpec("drops", "\"drop bench\"", null, null, null, url, 0));
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (ServerProcess server =
        ServerProcess.start(
            index,
            port,
            "1g",
            dir.resolve("serve.log"),
            null,
            List.of("--watch", drop.toString(), "--no-entities"))) {
      server.awaitFirstAnswer("q=drop", Duration.ofMinutes(3));
      // The first file after a start waits for the parse workers to start (a JVM each): timed
      // apart, as the first file's figure; the timed drops find the server as it runs.
      Path warmTmp = drop.resolve(".warm.txt");
      Files.writeString(warmTmp, WARM + "\n\n" + WARM + " story: the quay reopened.\n");
      long warmDropped = System.nanoTime();
      Files.move(warmTmp, drop.resolve("warm.txt"), StandardCopyOption.ATOMIC_MOVE);
      long warmDeadline = warmDropped + Duration.ofMinutes(3).toNanos();
      while (warmArrived.get() == 0 && System.nanoTime() < warmDeadline) {
        Thread.sleep(20);
      }
      firstFileMs = warmArrived.get() == 0 ? -1 : (warmArrived.get() - warmDropped) / 1_000_000;
      Random random = new Random(3);
      for (int i = 0; i < drops; i++) {
        Path tmp = drop.resolve(".drop" + i + ".txt");
        Files.writeString(tmp, text(i, random));
        dropped[i] = System.nanoTime();
        Files.move(tmp, drop.resolve("drop" + i + ".txt"), StandardCopyOption.ATOMIC_MOVE);
        Thread.sleep(dropMs);
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (arrived.size() < drops && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
    } finally {
      receiver.stop(0);
    }
    return latency(dropped, arrived, firstFileMs);
  }

  private static String text(int i, Random random) {
    String[] words =
        "quay ferry storm council wall grain berth island tide crane ship harbour".split(" ");
    StringBuilder b = new StringBuilder("Drop bench " + i + "\n\nDrop bench story " + i + ":");
    for (int w = 0; w < 80; w++) {
      b.append(' ').append(words[random.nextInt(words.length)]);
    }
    return b.append(".\n").toString();
  }

  private static Latency latency(
      long[] dropped, ConcurrentHashMap<Integer, Long> arrived, long firstFileMs)
      throws IOException {
    int warmup = Math.min(20, dropped.length / 5);
    long[] all = new long[arrived.size()];
    long[] warm = new long[Math.max(0, arrived.size())];
    int n = 0;
    int w = 0;
    for (var e : arrived.entrySet()) {
      long ms = (e.getValue() - dropped[e.getKey()]) / 1_000_000;
      all[n++] = ms;
      if (e.getKey() >= warmup) {
        warm[w++] = ms;
      }
    }
    Arrays.sort(all);
    long[] warmSorted = Arrays.copyOf(warm, w);
    Arrays.sort(warmSorted);
    return new Latency(
        dropped.length,
        arrived.size(),
        AlertBench.percentile(all, 0.50),
        AlertBench.percentile(all, 0.95),
        AlertBench.percentile(all, 0.99),
        all.length == 0 ? 0 : all[all.length - 1],
        warmup,
        AlertBench.percentile(warmSorted, 0.99),
        firstFileMs);
  }
}
