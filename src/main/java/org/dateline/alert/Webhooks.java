package org.dateline.alert;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;

/**
 * Posts alert events to their webhooks, signed as Standard Webhooks does ({@link
 * WebhookSignature}): the {@code webhook-id} of an event ({@code msg_ALERT_SEQ}) is the same at
 * every attempt, so a receiver that saw it already knows it; the {@code webhook-timestamp} is the
 * attempt's. A failed attempt (no answer within {@link #TIMEOUT}, or a status other than 2xx) is
 * tried again after 1, 2, 4 ... times {@code firstRetry}, at most {@code maxAttempts} times; each
 * outcome is journaled, so what was not delivered before a crash is sent after it. One thread.
 */
final class Webhooks implements Closeable {

  /** How long a receiver has to answer. */
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** The longest wait between two attempts. */
  static final Duration MAX_BACKOFF = Duration.ofMinutes(10);

  /** What the deliveries need from the alerts: the event, and where outcomes go. */
  interface Outcomes {
    /** The alert's webhook and the body of event {@code seq}, or null when gone. */
    Message message(String alert, long seq) throws IOException;

    void delivered(String alert, long seq) throws IOException;

    void failed(String alert, long seq, String error, boolean gaveUp) throws IOException;
  }

  /** A message to post: where, with which secret, what. */
  record Message(String url, String secret, String id, byte[] body) {}

  private record Pending(String alert, long seq, int attempt, long dueNanos) implements Delayed {
    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed o) {
      return Long.compare(dueNanos, ((Pending) o).dueNanos);
    }
  }

  private final DelayQueue<Pending> queue = new DelayQueue<>();
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final Outcomes outcomes;
  private final Duration firstRetry;
  private final int maxAttempts;
  private final Thread thread;
  private volatile boolean stopping;

  Webhooks(Outcomes outcomes, Duration firstRetry, int maxAttempts) {
    this.outcomes = outcomes;
    this.firstRetry = firstRetry;
    this.maxAttempts = maxAttempts;
    this.thread = new Thread(this::run, "dateline-webhooks");
    thread.setDaemon(true);
    thread.start();
  }

  /** Posts event {@code seq} of {@code alert} as soon as possible. */
  void send(String alert, long seq) {
    queue.add(new Pending(alert, seq, 1, System.nanoTime()));
  }

  private void run() {
    while (!stopping) {
      Pending p;
      try {
        p = queue.poll(200, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (p != null) {
        try {
          attempt(p);
        } catch (IOException | RuntimeException e) {
          // the journal failed: try the event again later, as a failed post would be
          queue.add(new Pending(p.alert(), p.seq(), p.attempt(), due(p.attempt())));
        }
      }
    }
  }

  private void attempt(Pending p) throws IOException {
    Message m = outcomes.message(p.alert(), p.seq());
    if (m == null) {
      return; // the alert or its webhook is gone
    }
    String error = post(m);
    if (error == null) {
      outcomes.delivered(p.alert(), p.seq());
      return;
    }
    boolean last = p.attempt() >= maxAttempts;
    outcomes.failed(p.alert(), p.seq(), error, last);
    if (!last) {
      queue.add(new Pending(p.alert(), p.seq(), p.attempt() + 1, due(p.attempt())));
    }
  }

  /** When attempt {@code attempt + 1} is due: {@code firstRetry} doubled per attempt so far. */
  private long due(int attempt) {
    long waitMs = firstRetry.toMillis() << Math.min(30, attempt - 1);
    waitMs = Math.min(Math.max(waitMs, 0), MAX_BACKOFF.toMillis());
    return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
  }

  /** Posts one attempt; null when the receiver took it, else what went wrong, in words. */
  private String post(Message m) {
    long ts = Instant.now().getEpochSecond();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("webhook-id", m.id());
    headers.put("webhook-timestamp", Long.toString(ts));
    headers.put("webhook-signature", WebhookSignature.sign(m.secret(), m.id(), ts, m.body()));
    HttpRequest.Builder req =
        HttpRequest.newBuilder(URI.create(m.url()))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(m.body()));
    headers.forEach(req::header);
    try {
      HttpResponse<Void> r = http.send(req.build(), HttpResponse.BodyHandlers.discarding());
      return r.statusCode() / 100 == 2 ? null : "the receiver answered HTTP " + r.statusCode();
    } catch (IOException e) {
      return "could not post to the receiver: "
          + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted while posting";
    }
  }

  @Override
  public void close() {
    stopping = true;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
