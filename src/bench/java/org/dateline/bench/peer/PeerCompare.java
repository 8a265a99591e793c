package org.dateline.bench.peer;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.dateline.bench.BenchFiles;
import org.dateline.bench.mix.MixRequest;

/**
 * Sends one mix to several engines, passes interleaved: at each concurrency level the warm-up
 * passes (every engine, unmeasured), then for each measured pass every engine in turn, the order
 * reversed from one pass to the next, so all engines see the same machine. Latency is client time
 * from sending a request to having read its whole answer over keep-alive HTTP/1.1 (one connection
 * per client thread and engine: the JDK's {@code HttpClient}, or with {@link Client#SOCKET} a plain
 * socket, {@link KeepAliveClient}); reading the answer's JSON for its hit count is outside it.
 */
public final class PeerCompare {

  /** How the client threads speak HTTP. */
  public enum Client {
    /** The JDK's {@code java.net.http.HttpClient} (HTTP/1.1). */
    JDK,
    /** One plain socket per client thread and engine ({@link KeepAliveClient}). */
    SOCKET
  }

  /** An answer: status, body, and the {@code Server-Timing} header (null when none). */
  record Answer(int status, byte[] body, String serverTiming) {}

  /** One client thread's connection to one engine. */
  interface Transport extends AutoCloseable {
    Answer get(URI uri, List<String> headers) throws IOException;

    @Override
    void close();
  }

  /** The JDK's client. */
  private record JdkTransport(HttpClient client, Duration timeout) implements Transport {
    @Override
    public Answer get(URI uri, List<String> headers) throws IOException {
      HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout);
      if (!headers.isEmpty()) {
        builder.headers(headers.toArray(String[]::new));
      }
      try {
        HttpResponse<byte[]> resp =
            client.send(builder.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(
            resp.statusCode(),
            resp.body(),
            resp.headers().firstValue("Server-Timing").orElse(null));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }

    @Override
    public void close() {
      client.close();
    }
  }

  /**
   * One request's outcome in one pass: latency, hits found (-1 on error), error text or null, and
   * the server's {@code Server-Timing} header (null when it sent none).
   */
  public record Sample(long nanos, long found, String error, String serverTiming) {
    Sample(long nanos, long found, String error) {
      this(nanos, found, error, null);
    }
  }

  /** The measured passes of one engine at one level, each a sample per mix request. */
  public record EngineRun(String engine, List<Sample[]> passes, long wallNanos) {}

  /** One concurrency level: the load average after it and every engine's run. */
  public record Level(int clients, double loadAverage, Map<String, EngineRun> runs) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<MixRequest> mix;
  private final List<Engine> engines;
  private final Duration timeout;
  private final Client client;

  public PeerCompare(List<MixRequest> mix, List<Engine> engines, Duration timeout) {
    this(mix, engines, timeout, Client.JDK);
  }

  public PeerCompare(List<MixRequest> mix, List<Engine> engines, Duration timeout, Client client) {
    this.mix = List.copyOf(mix);
    this.engines = List.copyOf(engines);
    this.timeout = timeout;
    this.client = client;
  }

  private Transport transport() {
    return client == Client.SOCKET
        ? new KeepAliveClient(timeout)
        : new JdkTransport(
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build(),
            timeout);
  }

  /** Runs one level: {@code warmup} unmeasured passes, then {@code passes} measured ones. */
  public Level run(int clients, int warmup, int passes) throws InterruptedException {
    Map<String, List<Transport>> conns = new LinkedHashMap<>();
    for (Engine e : engines) {
      List<Transport> list = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        list.add(transport());
      }
      conns.put(e.name(), list);
    }
    try {
      return run(clients, warmup, passes, conns);
    } finally {
      conns.values().forEach(list -> list.forEach(Transport::close));
    }
  }

  private Level run(int clients, int warmup, int passes, Map<String, List<Transport>> conns)
      throws InterruptedException {
    for (int w = 0; w < warmup; w++) {
      for (Engine e : engines) {
        pass(e, conns.get(e.name()), new long[1]);
      }
    }
    Map<String, List<Sample[]>> measured = new LinkedHashMap<>();
    Map<String, long[]> wall = new LinkedHashMap<>();
    engines.forEach(e -> measured.put(e.name(), new ArrayList<>()));
    engines.forEach(e -> wall.put(e.name(), new long[1]));
    for (int p = 0; p < passes; p++) {
      List<Engine> order = new ArrayList<>(engines);
      if (p % 2 == 1) {
        java.util.Collections.reverse(order);
      }
      for (Engine e : order) {
        measured.get(e.name()).add(pass(e, conns.get(e.name()), wall.get(e.name())));
      }
    }
    Map<String, EngineRun> runs = new LinkedHashMap<>();
    for (Engine e : engines) {
      runs.put(e.name(), new EngineRun(e.name(), measured.get(e.name()), wall.get(e.name())[0]));
    }
    return new Level(clients, BenchFiles.loadAverage(), runs);
  }

  /** Every request of the mix once, spread over the clients; adds the wall time to wallNanos. */
  private Sample[] pass(Engine engine, List<Transport> clients, long[] wallNanos)
      throws InterruptedException {
    Sample[] out = new Sample[mix.size()];
    AtomicInteger next = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (Transport client : clients) {
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int i = next.getAndIncrement();
                        i < out.length;
                        i = next.getAndIncrement()) {
                      out[i] = send(engine, client, mix.get(i));
                    }
                  }));
    }
    for (Thread t : threads) {
      t.join();
    }
    wallNanos[0] += System.nanoTime() - start;
    return out;
  }

  private Sample send(Engine engine, Transport client, MixRequest r) {
    URI uri = URI.create(engine.baseUrl() + engine.path(r));
    long t0 = System.nanoTime();
    Answer resp;
    try {
      resp = client.get(uri, engine.headers());
    } catch (IOException e) {
      return new Sample(System.nanoTime() - t0, -1, e.toString());
    }
    long nanos = System.nanoTime() - t0;
    String body = new String(resp.body(), StandardCharsets.UTF_8);
    if (resp.status() != 200) {
      String head = body.substring(0, Math.min(200, body.length()));
      return new Sample(nanos, -1, "HTTP " + resp.status() + ": " + head);
    }
    try {
      return new Sample(nanos, engine.found(JSON.readTree(body)), null, resp.serverTiming());
    } catch (IOException | IllegalArgumentException e) {
      return new Sample(nanos, -1, "bad answer: " + e.getMessage());
    }
  }
}
