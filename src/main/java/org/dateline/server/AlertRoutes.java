package org.dateline.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseHandler;
import java.io.IOException;
import java.util.Set;
import org.dateline.alert.AlertStatus;
import org.dateline.alert.Alerts;
import org.dateline.alert.AtomFeed;
import org.dateline.search.BadRequestException;
import org.dateline.search.SearchService;

/**
 * Saved searches that tell their owner of new stories: {@code POST /api/alerts} saves one, {@code
 * GET /api/alerts} lists the key's own, {@code GET/PATCH/DELETE /api/alerts/{id}} read, change and
 * delete one; {@code GET /api/alerts/{id}/events} streams its events (server-sent events, resumed
 * with {@code Last-Event-ID}) and {@code GET /api/alerts/{id}/feed} is its Atom feed. Every route
 * needs a write key, and an alert belongs to the key that made it: another key gets 404. Without a
 * server that indexes ({@code serve --watch}) every route answers 503.
 */
final class AlertRoutes {

  /** Stories in an alert's feed. */
  static final int FEED_ENTRIES = 100;

  private final Alerts alerts;
  private final SearchService search;

  AlertRoutes(Alerts alerts, SearchService search) {
    this.alerts = alerts;
    this.search = search;
  }

  void register(RoutesConfig routes) {
    routes.post("/api/alerts", this::create);
    routes.get("/api/alerts", ctx -> ctx.json(ready(ctx).list(owner(ctx))));
    routes.get("/api/alerts/{id}", ctx -> found(ctx, ready(ctx).get(owner(ctx), id(ctx))));
    routes.patch("/api/alerts/{id}", this::update);
    routes.delete("/api/alerts/{id}", this::delete);
    routes.get("/api/alerts/{id}/feed", this::feed);
    routes.get("/api/alerts/{id}/events", this::events);
  }

  private void create(Context ctx) throws IOException {
    Alerts a = ready(ctx);
    AlertStatus made = a.create(owner(ctx), AlertBody.read(ctx.body(), null));
    if (made.backfillDays() > 0 && a.backfill(owner(ctx), made.id(), search) > 0) {
      made = a.get(owner(ctx), made.id());
    }
    ctx.status(HttpStatus.CREATED).json(made);
  }

  private void update(Context ctx) throws IOException {
    Alerts a = ready(ctx);
    AlertStatus old = a.get(owner(ctx), id(ctx));
    if (found(ctx, old)) {
      var base =
          new org.dateline.alert.AlertSpec(
              old.name(),
              old.q(),
              old.filters(),
              old.from(),
              old.to(),
              old.webhook() == null ? null : old.webhook().url(),
              old.backfillDays(),
              old.digest());
      found(ctx, a.update(owner(ctx), id(ctx), AlertBody.read(ctx.body(), base)));
    }
  }

  private void delete(Context ctx) throws IOException {
    if (ready(ctx).delete(owner(ctx), id(ctx))) {
      ctx.status(HttpStatus.NO_CONTENT);
    } else {
      notFound(ctx);
    }
  }

  private void feed(Context ctx) {
    Alerts a = ready(ctx);
    AlertStatus alert = a.get(owner(ctx), id(ctx));
    if (alert == null) {
      notFound(ctx);
      return;
    }
    ctx.contentType("application/atom+xml; charset=utf-8")
        .result(AtomFeed.of(alert, a.stories(owner(ctx), alert.id(), FEED_ENTRIES)));
  }

  /** Checks the key and the alert before the stream starts: after, the status is sent. */
  private void events(Context ctx) throws Exception {
    QueryString.onlyKnown(ctx, Set.of("last_event_id"));
    Alerts a = ready(ctx);
    String owner = owner(ctx);
    String id = id(ctx);
    if (a.get(owner, id) == null) {
      notFound(ctx);
      return;
    }
    String accept = ctx.header("Accept");
    if (accept == null || !accept.contains("text/event-stream")) {
      throw new BadRequestException(
          "this is a stream of server-sent events: ask for it with Accept: text/event-stream (an"
              + " EventSource does; with curl: curl -N -H 'Accept: text/event-stream' ...)");
    }
    String last = ctx.header("Last-Event-ID");
    if (last == null) {
      last = ctx.queryParam("last_event_id"); // for clients that cannot set headers
    }
    long lastSeen = last == null || last.isBlank() ? 0 : lastEventId(last);
    new SseHandler(client -> AlertStream.start(client, a, owner, id, lastSeen)).handle(ctx);
  }

  private static long lastEventId(String value) {
    try {
      long n = Long.parseLong(value.strip());
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new BadRequestException(
        "Last-Event-ID must be the number of an event this stream sent, got '"
            + SearchParams.abbreviate(value)
            + "'");
  }

  private Alerts ready(Context ctx) {
    ApiAccess.requireWrite(ctx);
    if (alerts == null) {
      throw new ApiException(
          HttpStatus.SERVICE_UNAVAILABLE,
          "alerts_disabled",
          "alerts run where articles are indexed: start the server with 'dateline serve --watch"
              + " DIR'");
    }
    return alerts;
  }

  private static String owner(Context ctx) {
    return ApiAccess.keyName(ctx);
  }

  private static String id(Context ctx) {
    return ctx.pathParam("id");
  }

  /** Answers {@code status}, or 404 when it is null; whether it was found. */
  private static boolean found(Context ctx, AlertStatus status) {
    if (status == null) {
      notFound(ctx);
      return false;
    }
    ctx.json(status);
    return true;
  }

  private static void notFound(Context ctx) {
    ApiServer.error(ctx, HttpStatus.NOT_FOUND, "not_found", "you have no alert with id " + id(ctx));
  }
}
