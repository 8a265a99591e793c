package org.dateline.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.dateline.StoryFixtures;
import org.dateline.TestIndexes;
import org.dateline.alert.Alerts;
import org.dateline.config.AccessConfig;
import org.dateline.config.Config;
import org.dateline.pipeline.LiveIndex;
import org.dateline.search.SearchService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alerts through the API on a server that indexes: saved, listed, changed and deleted with a write
 * key, invisible to another key, refused with 400 when they cannot be alerts; their events streamed
 * as server-sent events, and a stream resumed with {@code Last-Event-ID} gets exactly the events
 * after it; their Atom feed.
 */
@org.junit.jupiter.api.Timeout(120)
class AlertApiTest {

  static final String KEY_A = "alert-key-a-0123456789";
  static final String KEY_B = "alert-key-b-0123456789";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path work;

  private Config config() {
    return TestIndexes.config(work.resolve("index"))
        .withEntities(false)
        .withAccess(AccessConfig.defaults().withWriteKeys(List.of(KEY_A, KEY_B)));
  }

  private static String[] key(String k) {
    return new String[] {ApiAccess.KEY_HEADER, k};
  }

  @Test
  void savedPerKeyRefusedWhenTheyCannotBeAlertsAndDeleted() throws Exception {
    Config config = config();
    try (LiveIndex live = LiveIndex.open(config, new PrintWriter(new StringWriter()));
        SearchService search = SearchService.nearRealTime(live.index().writer(), config.limits());
        Alerts alerts = Alerts.open(config.indexDir(), config.limits())) {
      JavalinTest.test(
          ApiServer.create(search, config, live::add, alerts),
          (server, client) -> {
            String body =
                "{\"name\": \"Quay\", \"q\": \"quay\", \"filters\": {\"outlet\": \"Port"
                    + " Gazette\"}, \"from\": \"2026-01\"}";
            assertEquals(401, Http.send(server, "POST", "/api/alerts", body).code());
            Http.Response made = Http.send(server, "POST", "/api/alerts", body, key(KEY_A));
            assertEquals(201, made.code(), made.body());
            JsonNode a = JSON.readTree(made.body());
            String id = a.get("id").asText();
            assertEquals("Quay", a.get("name").asText());
            assertEquals("[\"Port Gazette\"]", a.get("filters").get("outlet").toString());
            assertEquals("2026-01-01", a.get("from").asText());
            assertEquals(0, a.get("events").asInt());

            // Key B sees none of A's alerts and cannot touch them.
            assertEquals("[]", Http.send(server, "GET", "/api/alerts", null, key(KEY_B)).body());
            assertEquals(
                404, Http.send(server, "GET", "/api/alerts/" + id, null, key(KEY_B)).code());
            assertEquals(
                404,
                Http.send(server, "PATCH", "/api/alerts/" + id, "{\"q\": \"x\"}", key(KEY_B))
                    .code());
            assertEquals(
                404, Http.send(server, "DELETE", "/api/alerts/" + id, null, key(KEY_B)).code());
            assertEquals(
                1,
                JSON.readTree(Http.send(server, "GET", "/api/alerts", null, key(KEY_A)).body())
                    .size());

            // PATCH changes what it names and keeps the rest.
            Http.Response changed =
                Http.send(
                    server,
                    "PATCH",
                    "/api/alerts/" + id,
                    "{\"q\": \"quay OR harbour\", \"from\": null}",
                    key(KEY_A));
            assertEquals(200, changed.code(), changed.body());
            JsonNode c = JSON.readTree(changed.body());
            assertEquals("quay OR harbour", c.get("q").asText());
            assertTrue(c.get("from").isNull());
            assertEquals("Quay", c.get("name").asText());

            // What cannot be an alert is refused, saying why.
            for (String bad :
                List.of(
                    "{\"q\": \"\"}",
                    "{\"q\": \"title:(unclosed\"}",
                    "{\"q\": \"nofield:x\"}",
                    "{\"q\": \"x\", \"filters\": {\"tag\": \"a\"}}",
                    "{\"q\": \"x\", \"filters\": {\"colour\": \"red\"}}",
                    "{\"q\": \"x\", \"webhook_url\": \"ftp://example.org/\"}",
                    "{\"q\": \"x\", \"sort\": \"newest\"}",
                    "[1, 2]")) {
              Http.Response r = Http.send(server, "POST", "/api/alerts", bad, key(KEY_A));
              assertEquals(400, r.code(), bad + " -> " + r.body());
              assertTrue(JSON.readTree(r.body()).get("message").asText().length() > 10);
            }
            assertEquals(
                204, Http.send(server, "DELETE", "/api/alerts/" + id, null, key(KEY_A)).code());
            assertEquals(
                404, Http.send(server, "GET", "/api/alerts/" + id, null, key(KEY_A)).code());
          });
    }
  }

  @Test
  void withoutAnIndexingServerAlertsAnswer503() throws Exception {
    Config config = config();
    TestIndexes.index(config.indexDir(), false, TestIndexes.SEEDS);
    try (SearchService search = SearchService.readOnly(config.indexDir())) {
      JavalinTest.test(
          ApiServer.create(search, config),
          (server, client) -> {
            Http.Response r = Http.send(server, "GET", "/api/alerts", null, key(KEY_A));
            assertEquals(503, r.code());
            assertTrue(r.body().contains("serve --watch"), r.body());
          });
    }
  }

  @Test
  void eventsStreamAndResumeAfterLastEventIdFeedHasOneEntryPerStory() throws Exception {
    Config config = config();
    Path in = Files.createDirectories(work.resolve("in"));
    List<Path> copies = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      copies.add(StoryFixtures.write(in, "c" + i + ".txt", "Quay " + i, StoryFixtures.WIRE));
      StoryFixtures.sidecar(in, "c" + i + ".txt", "Outlet " + i, "2026-02-0" + (i + 1));
    }
    try (LiveIndex live = LiveIndex.open(config, new PrintWriter(new StringWriter()));
        SearchService search = SearchService.nearRealTime(live.index().writer(), config.limits());
        Alerts alerts = Alerts.open(config.indexDir(), config.limits())) {
      live.hook(alerts);
      JavalinTest.test(
          ApiServer.create(search, config, live::add, alerts),
          (server, client) -> {
            String id =
                JSON.readTree(
                        Http.send(server, "POST", "/api/alerts", "{\"q\": \"quay\"}", key(KEY_A))
                            .body())
                    .get("id")
                    .asText();
            String events = "http://localhost:" + server.port() + "/api/alerts/" + id + "/events";
            assertEquals(
                404,
                Http.send(server, "GET", "/api/alerts/" + id + "/events", null, key(KEY_B)).code());
            live.add(List.of(copies.get(0))); // one at a time: Outlet 0's copy is the first
            live.add(List.of(copies.get(1)));
            List<String> first = sse(events, null, 2);
            assertEquals(List.of("1 story", "2 update"), first);
            live.add(List.of(copies.get(2)));
            live.add(List.of(copies.get(3)));
            // Reconnecting after event 2: exactly 3 and 4, nothing lost, nothing repeated.
            assertEquals(List.of("3 update", "4 update"), sse(events, "2", 2));
            assertEquals(List.of("4 update"), sse(events, "3", 1));
            Http.Response feed =
                Http.send(server, "GET", "/api/alerts/" + id + "/feed", null, key(KEY_A));
            assertEquals(200, feed.code());
            assertTrue(feed.header("Content-Type").startsWith("application/atom+xml"));
            assertEquals(1, feed.body().split("<entry>", -1).length - 1, feed.body());
            assertTrue(feed.body().contains("Outlet 0, +3 outlets (4 copies)"), feed.body());
          });
    }
  }

  /** The first {@code n} events of a stream as "ID KIND", resumed after {@code lastEventId}. */
  static List<String> sse(String url, String lastEventId, int n) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .header(ApiAccess.KEY_HEADER, KEY_A)
            .header("Accept", "text/event-stream");
    if (lastEventId != null) {
      b.header("Last-Event-ID", lastEventId);
    }
    HttpResponse<Stream<String>> r =
        HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofLines());
    assertEquals(200, r.statusCode());
    List<String> out = new ArrayList<>();
    try (Stream<String> lines = r.body()) {
      Iterator<String> it = lines.iterator();
      String eventId = null;
      String kind = null;
      while (out.size() < n && it.hasNext()) {
        String line = it.next();
        if (line.startsWith("id: ")) {
          eventId = line.substring(4);
        } else if (line.startsWith("event: ")) {
          kind = line.substring(7);
        } else if (line.isEmpty() && eventId != null) {
          out.add(eventId + " " + kind);
          eventId = null;
        }
      }
    }
    return out;
  }
}
