package org.dateline.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dateline.DatelineProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Done means 3 of issue 17: a real {@code serve --watch} process, committing every second, is
 * killed with SIGKILL again and again while files that match an alert land in its drop folder and
 * their webhooks are on their way to a (slow) receiver on this machine. After the last restart
 * every event was posted with its own {@code webhook-id} and none is missing; a server-sent event
 * client that reconnects after each kill with {@code Last-Event-ID} saw every event once, in order.
 * The number of kills is {@code -Ddateline.alert.kills=N} (5 in CI).
 */
class AlertCrashIT {

  private static final int KILLS = Integer.getInteger("dateline.alert.kills", 5);
  private static final int FILES = 30;
  private static final String KEY = "alert-crash-key-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path work;

  private volatile int port;
  private int starts;

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void killedBetweenCommitAndDeliveryEveryWebhookArrivesAndSseResumesExactly() throws Exception {
    Map<String, Integer> received = new ConcurrentHashMap<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        ex -> {
          ex.getRequestBody().readAllBytes();
          try {
            Thread.sleep(150); // a slow receiver: deliveries are under way when the kill comes
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          received.merge(ex.getRequestHeaders().getFirst("webhook-id"), 1, Integer::sum);
          ex.sendResponseHeaders(204, -1);
          ex.close();
        });
    receiver.start();
    Path index = work.resolve("index");
    Path drop = Files.createDirectories(work.resolve("drop"));
    List<Path> files = stories(Files.createDirectories(work.resolve("staging")));
    Process server = start(index, drop);
    String alert;
    String other;
    List<Long> sseIds = new CopyOnWriteArrayList<>();
    Thread sse;
    try {
      String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
      JsonNode made =
          call("POST", "/api/alerts", "{\"q\": \"harbour\", \"webhook_url\": \"" + hook + "\"}");
      alert = made.get("id").asText();
      // a second alert matching the same articles: each article's matches are one journal line
      // of many alerts ("MATCHES"), the line a kill may tear and a restart reads by its head
      other =
          call(
                  "POST",
                  "/api/alerts",
                  "{\"q\": \"harbour news\", \"webhook_url\": \"" + hook + "\"}")
              .get("id")
              .asText();
      sse = Thread.ofVirtual().start(() -> follow(alert, sseIds));
      Random random = new Random(42);
      int next = 0;
      for (int kill = 0; kill < KILLS; kill++) {
        for (int i = 0; i < FILES / (KILLS + 1); i++) {
          move(files.get(next++), drop);
        }
        Thread.sleep(300 + random.nextInt(1500));
        server.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, nothing flushed
        server = start(index, drop);
      }
      while (next < FILES) {
        move(files.get(next++), drop);
      }
      awaitSettled(alert, received);
      awaitSettled(other, received);
    } finally {
      server.destroy();
      server.waitFor(60, TimeUnit.SECONDS);
      receiver.stop(0);
    }
    sse.interrupt();
    Map<String, Integer> expected = new TreeMap<>();
    for (int seq = 1; seq <= FILES; seq++) {
      expected.put("msg_" + alert + "_" + seq, 1);
      expected.put("msg_" + other + "_" + seq, 1);
    }
    long duplicates = received.values().stream().filter(n -> n > 1).count();
    System.out.printf(
        "alert crash test: %d kills, %d events, %d webhook ids received, %d posted twice, SSE"
            + " saw %d%n",
        KILLS, 2 * FILES, received.size(), duplicates, sseIds.size());
    assertEquals(expected.keySet(), new TreeMap<>(received).keySet(), "every event, no other");
    // Posted twice only when a kill fell between the receiver's answer and the journal line:
    // the id is the same, so the receiver knows it.
    assertTrue(duplicates <= 2 * KILLS, "duplicates: " + received);
    List<Long> all = new ArrayList<>();
    for (long seq = 1; seq <= FILES; seq++) {
      all.add(seq);
    }
    assertEquals(all, List.copyOf(sseIds), "SSE across restarts: each event once, in order");
  }

  /** FILES stories of their own, each about a harbour, written with words drawn at random. */
  private static List<Path> stories(Path dir) throws IOException {
    Random random = new Random(7);
    String[] words =
        ("storm quay ferry council engineer budget wall grain fisherman season terminal"
                + " repair closure berth island catch city spokeswoman week cost euro port"
                + " board trial court witness judge minister plan vote report tide crane ship")
            .split(" ");
    List<Path> out = new ArrayList<>();
    for (int i = 0; i < FILES; i++) {
      StringBuilder text = new StringBuilder("Harbour news " + i + "\n\nThe harbour");
      for (int w = 0; w < 120; w++) {
        text.append(' ').append(words[random.nextInt(words.length)]);
      }
      out.add(Files.writeString(dir.resolve("story" + i + ".txt"), text + ".\n"));
    }
    return out;
  }

  private static void move(Path file, Path drop) throws IOException {
    Path tmp = drop.resolve("." + file.getFileName());
    Files.copy(file, tmp);
    Files.move(tmp, drop.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
  }

  private Process start(Path index, Path drop) throws Exception {
    Path log = work.resolve("serve-" + (starts++) + ".log");
    Process p =
        DatelineProcess.start(
            log,
            Map.of("DATELINE_WRITE_KEYS", KEY),
            "serve",
            "--port",
            "0",
            "--index",
            index.toString(),
            "--watch",
            drop.toString(),
            "--commit-seconds",
            "1",
            "--no-entities");
    port = awaitPort(log, p);
    return p;
  }

  private static int awaitPort(Path log, Process server) throws Exception {
    Pattern serving = Pattern.compile("http://localhost:(\\d+)");
    for (int i = 0; i < 1200 && server.isAlive(); i++) {
      Matcher m = serving.matcher(Files.exists(log) ? Files.readString(log) : "");
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the server did not start: " + Files.readString(log));
  }

  private JsonNode call(String method, String path, String body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("X-Dateline-Key", KEY)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertTrue(r.statusCode() / 100 == 2, r.statusCode() + " " + r.body());
    return JSON.readTree(r.body());
  }

  /** Waits until the alert has every event and the receiver every id. */
  private void awaitSettled(String alert, Map<String, Integer> received) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    JsonNode status = null;
    while (System.nanoTime() < deadline) {
      status = call("GET", "/api/alerts/" + alert, null);
      if (status.get("events").asInt() == FILES
          && status.get("webhook").get("waiting").asInt() == 0
          && received.size() >= FILES) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("not settled: " + status + ", received " + received.keySet());
  }

  /** A server-sent event client that reconnects after every kill, sending Last-Event-ID. */
  private void follow(String alert, List<Long> ids) {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        HttpRequest.Builder b =
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/alerts/" + alert + "/events"))
                .header("X-Dateline-Key", KEY)
                .header("Accept", "text/event-stream");
        if (!ids.isEmpty()) {
          b.header("Last-Event-ID", Long.toString(ids.get(ids.size() - 1)));
        }
        HttpResponse<Stream<String>> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> lines = r.body()) {
          Iterator<String> it = lines.iterator();
          while (it.hasNext()) {
            String line = it.next();
            if (line.startsWith("id: ")) {
              ids.add(Long.parseLong(line.substring(4).strip()));
            }
          }
        }
      } catch (IOException | RuntimeException e) {
        // the server was killed: connect again
      } catch (InterruptedException e) {
        return;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
