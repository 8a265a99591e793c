package org.dateline.server;

import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.dateline.alert.AlertEvent;
import org.dateline.alert.Alerts;

/**
 * One client's server-sent event stream of an alert: the events after the one it last saw ({@code
 * Last-Event-ID}), then each new one as it is made, every event with its number as its id, so a
 * client that reconnects with the last id it saw misses nothing and sees nothing twice. The stream
 * has its own (virtual) thread, woken when the alert makes an event, which reads every event after
 * the last one it sent, in order: a slow client never holds up indexing, and an event made while
 * the stream starts is neither lost nor sent twice. A comment every {@link #HEARTBEAT_MS} finds
 * clients that are gone.
 */
final class AlertStream {

  static final long HEARTBEAT_MS = 15_000;

  private enum Signal {
    EVENT,
    STOP
  }

  private final SseClient client;
  private final Alerts alerts;
  private final String owner;
  private final String alert;
  private final LinkedBlockingQueue<Signal> wake = new LinkedBlockingQueue<>();
  private long lastSent;
  private volatile boolean closed;

  private AlertStream(SseClient client, Alerts alerts, String owner, String alert, long lastSeen) {
    this.client = client;
    this.alerts = alerts;
    this.owner = owner;
    this.alert = alert;
    this.lastSent = lastSeen;
  }

  /** Streams the events of {@code alert} after {@code lastSeen} to {@code client}. */
  static void start(SseClient client, Alerts alerts, String owner, String alert, long lastSeen) {
    AlertStream stream = new AlertStream(client, alerts, owner, alert, lastSeen);
    client.keepAlive();
    AutoCloseable subscription = alerts.subscribe(alert, e -> stream.wake.offer(Signal.EVENT));
    client.onClose(
        () -> {
          stream.closed = true;
          stream.wake.offer(Signal.STOP);
        });
    Thread.ofVirtual()
        .name("dateline-sse-" + alert)
        .start(
            () -> {
              try {
                stream.run();
              } finally {
                try {
                  subscription.close();
                } catch (Exception e) {
                  // removing a listener from a list does not fail
                }
                client.close();
              }
            });
  }

  private void run() {
    // closed by the client's own close callback: a signal in the queue can be cleared below, and a
    // send to a connection the server has already recycled does not always mark it terminated
    while (!closed && !client.terminated()) {
      List<AlertEvent> fresh = alerts.events(owner, alert, lastSent);
      if (fresh == null) {
        return; // the alert was deleted
      }
      for (AlertEvent e : fresh) {
        if (!send(() -> client.sendEvent(e.kind(), e, Long.toString(e.seq())))) {
          return;
        }
        lastSent = e.seq();
      }
      Signal s;
      try {
        s = wake.poll(HEARTBEAT_MS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException stop) {
        return;
      }
      if (s == Signal.STOP || closed) {
        return;
      }
      if (s == null && !send(() -> client.sendComment("heartbeat"))) {
        return;
      }
      wake.clear(); // every event made so far is read at once on the next turn
    }
  }

  /** Sends one frame; false when the connection is gone (the stream then ends). */
  private boolean send(Runnable frame) {
    try {
      frame.run();
    } catch (RuntimeException gone) {
      return false;
    }
    return !closed && !client.terminated();
  }
}
