package org.dateline.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dateline.config.Limits;
import org.dateline.enrich.Article;
import org.dateline.index.SourceFile;
import org.dateline.index.StoryStamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Digest mode (issue 17), on a clock the test moves (no sleeps): an hourly alert tells nothing as
 * its matches arrive; once the hour is over it makes one digest listing the hour's stories (a story
 * with two copies once, "+1 outlet"), as an event (what the event stream sends), a feed entry and
 * one signed webhook post; a match in the next hour waits for that hour's digest; a restart gives
 * back the same digests and makes none twice.
 */
class AlertDigestTest {

  @TempDir Path tmp;

  /** A clock the test sets. */
  private static final class Hands extends Clock {
    volatile Instant now;

    Hands(Instant start) {
      now = start;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static Article article(String id, String title, String outlet) {
    return article(id, title, outlet, title + ". The harbour authority said so on Monday.");
  }

  private static Article article(String id, String title, String outlet, String text) {
    return NewArticles.of(id, title, text, null, outlet, "en");
  }

  /** Article {@code a} arrives as a copy of story {@code story}. */
  private static void arrive(Alerts alerts, Article a, long story) throws Exception {
    StoryStamp alone = StoryStamp.alone(a);
    alerts.written(
        new SourceFile(a.path(), 1, 1, "h"),
        List.of(a),
        List.of(new StoryStamp(story, alone.fingerprint())));
  }

  @Test
  void anHourlyAlertTellsEachHoursStoriesOnceTheHourIsOver() throws Exception {
    List<JsonNode> posted = new CopyOnWriteArrayList<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        ex -> {
          posted.add(new ObjectMapper().readTree(ex.getRequestBody().readAllBytes()));
          ex.sendResponseHeaders(204, -1);
          ex.close();
        });
    receiver.start();
    String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    Hands clock = new Hands(Instant.parse("2026-12-06T10:05:00Z"));
    Path dir = tmp.resolve("alerts");
    String id;
    try (Alerts alerts = Alerts.open(dir, Limits.defaults(), Duration.ofMillis(50), clock)) {
      AlertSpec spec =
          new AlertSpec("harbour", "harbour", null, null, null, hook, 0, DigestPeriod.HOURLY);
      id = alerts.create("k", spec).id();
      arrive(alerts, article("a1", "Quay to close", "Harbour Herald"), 1);
      clock.now = Instant.parse("2026-12-06T10:20:00Z");
      arrive(alerts, article("b1", "Ferry fares up", "Coast News"), 2);
      clock.now = Instant.parse("2026-12-06T10:40:00Z");
      arrive(alerts, article("a2", "Quay to close", "Port Gazette"), 1); // a copy of story 1
      arrive(alerts, article("x1", "Bankers sentenced", "Coast News", "Two bankers."), 3); // no

      clock.now = Instant.parse("2026-12-06T10:59:59Z");
      assertEquals(List.of(), alerts.tick(), "the hour is not over");
      assertEquals(List.of(), alerts.events("k", id, 0), "a digest alert tells no single match");

      clock.now = Instant.parse("2026-12-06T11:00:00Z");
      arrive(alerts, article("c1", "Dock strike", "Sea Times"), 4); // the next hour's
      alerts.tick();
      List<AlertEvent> events = alerts.events("k", id, 0);
      assertEquals(1, events.size(), events.toString());
      AlertEvent digest = events.get(0);
      assertEquals("digest", digest.kind());
      assertEquals(5, digest.seq()); // after the four matches so far (one of the next hour)
      assertEquals("2 stories", digest.title());
      assertEquals(3, digest.copies());
      assertEquals(Instant.parse("2026-12-06T10:00:00Z"), digest.periodStart());
      assertEquals(Instant.parse("2026-12-06T11:00:00Z"), digest.time());
      assertEquals(List.of("Quay to close", "Ferry fares up"), titles(digest));
      AlertEvent quay = digest.stories().get(0);
      assertEquals(List.of("Harbour Herald", "Port Gazette"), quay.outlets());
      assertEquals("+1 outlet", quay.more());
      assertEquals("a1", quay.firstArticle());
      assertEquals(List.of(), alerts.tick(), "one digest per hour");

      String feed =
          new String(
              AtomFeed.of(alerts.get("k", id), alerts.stories("k", id, 100)),
              StandardCharsets.UTF_8);
      assertEquals(1, feed.split("<entry>", -1).length - 1, feed);
      assertTrue(feed.contains("<id>urn:dateline:alert:" + id + ":digest:5</id>"), feed);
      assertTrue(
          feed.contains("Quay to close (Harbour Herald, +1 outlet (2 copies))\nFerry fares up"),
          feed);

      clock.now = Instant.parse("2026-12-06T12:00:00Z");
      alerts.tick();
      List<AlertEvent> later = alerts.events("k", id, 5);
      assertEquals(1, later.size());
      assertEquals(List.of("Dock strike"), titles(later.get(0)));
      assertEquals(6, later.get(0).seq());

      waitForPosts(posted, 2);
      assertEquals("alert.digest", posted.get(0).get("type").asText());
      assertEquals(
          "Quay to close", posted.get(0).get("data").get("stories").get(0).get("title").asText());
      assertEquals(
          "10:00:00Z", posted.get(0).get("data").get("period_start").asText().substring(11));
      assertEquals(
          "Dock strike", posted.get(1).get("data").get("stories").get(0).get("title").asText());
      waitForSettled(alerts, id);
      assertEquals(2, alerts.get("k", id).webhook().delivered());
    } finally {
      receiver.stop(0);
    }
    clock.now = Instant.parse("2026-12-06T15:00:00Z");
    try (Alerts again = Alerts.open(dir, Limits.defaults(), Duration.ofMillis(50), clock)) {
      assertEquals(List.of(), again.tick(), "nothing told twice after a restart");
      List<AlertEvent> events = again.events("k", id, 0);
      assertEquals(List.of(5L, 6L), events.stream().map(AlertEvent::seq).toList());
      assertEquals(List.of("Quay to close", "Ferry fares up"), titles(events.get(0)));
      assertEquals(DigestPeriod.HOURLY, again.get("k", id).digest());
      assertNull(again.get("k", id).webhook().lastError());
    }
  }

  @Test
  void aDailyPeriodRunsFromMidnightToMidnightUtc() {
    Instant t = Instant.parse("2026-12-06T23:59:59Z");
    assertEquals(Instant.parse("2026-12-06T00:00:00Z"), DigestPeriod.DAILY.start(t));
    assertEquals(
        Instant.parse("2026-12-07T00:00:00Z"), DigestPeriod.DAILY.end(DigestPeriod.DAILY.start(t)));
    assertEquals(DigestPeriod.DAILY, DigestPeriod.of("Daily"));
    assertNull(DigestPeriod.of("none"));
    org.junit.jupiter.api.Assertions.assertThrows(
        org.dateline.search.BadRequestException.class, () -> DigestPeriod.of("weekly"));
  }

  private static List<String> titles(AlertEvent digest) {
    return digest.stories().stream().map(AlertEvent::title).toList();
  }

  /** Webhooks are posted by their own thread: waits for it (bounded), not for a set time. */
  private static void waitForPosts(List<JsonNode> posted, int n) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (posted.size() < n && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    assertEquals(n, posted.size(), posted.toString());
  }

  private static void waitForSettled(Alerts alerts, String id) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (alerts.get("k", id).webhook().waiting() > 0 && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    assertEquals(0, alerts.get("k", id).webhook().waiting());
  }
}
