package org.dateline.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each request of issue 14 that once ran without bound, failed with an empty 500 or was silently
 * changed gets the exact status and JSON error it must, with a message that says what to change.
 */
class HostileRequestsTest {

  @TempDir static Path dir;
  static SeedsServer server;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() throws IOException {
    server = SeedsServer.start(dir);
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
  }

  private static RawHttp.Answer send(String method, String target) throws IOException {
    return server.send(method, target);
  }

  private static JsonNode json(RawHttp.Answer a) throws IOException {
    assertTrue(a.header("Content-Type").startsWith("application/json"), a.head());
    return JSON.readTree(a.body());
  }

  @Test
  void everyHostileRequestGetsItsStatusAndAJsonErrorThatSaysWhatToChange() throws IOException {
    List<String> wrong = new ArrayList<>();
    for (HostileRequests.Case c : HostileRequests.all(server.docId)) {
      long t0 = System.nanoTime();
      RawHttp.Answer a = send(c.method(), c.target());
      long ms = (System.nanoTime() - t0) / 1_000_000;
      String error = a.body().startsWith("{") ? JSON.readTree(a.body()).path("error").asText() : "";
      String message =
          a.body().startsWith("{") ? JSON.readTree(a.body()).path("message").asText() : "";
      boolean ok =
          c.error() == null
              ? a.status() == c.status()
              : a.status() == c.status() && error.equals(c.error()) && !message.isBlank();
      if (!ok) {
        wrong.add(
            c.method()
                + " "
                + abbreviate(c.target())
                + " -> "
                + a.status()
                + " "
                + abbreviate(a.body())
                + " in "
                + ms
                + " ms");
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void aRegexpOfRepeatedRepeatsIsRefusedBeforeItIsBuiltNamingTheLimit() throws IOException {
    RawHttp.Answer a =
        send("GET", "/api/search?q=" + HostileRequests.enc("/[a-z]{1,1000}{1,1000}/"));
    assertEquals(400, a.status());
    assertEquals(
        "the regular expression /[a-z]{1,1000}{1,1000}/ would build an automaton of about"
            + " 2000000 states; the limit is 10000: use smaller repeat counts {n,m} or fewer nested repeats",
        json(a).get("message").asText());
    // A regexp within the bound still runs.
    RawHttp.Answer ok = send("GET", "/api/search?q=" + HostileRequests.enc("/bag[a-z]{1,10}/"));
    assertEquals(200, ok.status(), ok.body());
    assertEquals(5, json(ok).get("total").asInt());
  }

  @Test
  void nestingIsBoundedOnEveryRouteThatTakesAQuery() throws IOException {
    RawHttp.Answer a =
        send("GET", "/api/concordance?q=" + HostileRequests.enc(HostileRequests.nested(1_400)));
    assertEquals(400, a.status());
    assertEquals(
        "the query nests 1400 levels deep; the limit is 32: remove parentheses that group a single clause, or split the query",
        json(a).get("message").asText());
    // 32 levels is within the bound and matches what the innermost clause does.
    RawHttp.Answer ok =
        send(
            "GET",
            "/api/search?q="
                + HostileRequests.enc(HostileRequests.nested(32).replace("a ", "Baghuz OR ")));
    assertEquals(200, ok.status(), ok.body());
  }

  @Test
  void outOfRangeDatesNameTheAllowedRange() throws IOException {
    assertEquals(
        "from +999999999-01-01 is out of range: dates run from 0001-01-01 to 9999-12-31",
        json(send("GET", "/api/search?from=%2B999999999-01-01")).get("message").asText());
    assertEquals(
        "date: +999999999-01-01 is out of range: dates run from" + " 0001-01-01 to 9999-12-31",
        json(send("GET", "/api/search?q=" + HostileRequests.enc("date:[+999999999-01-01 TO *]")))
            .get("message")
            .asText());
    // The whole allowed range is a valid filter.
    RawHttp.Answer all = send("GET", "/api/search?from=0001-01-01&to=9999-12-31&size=1");
    assertEquals(200, all.status(), all.body());
  }

  @Test
  void malformedAndRepeatedParametersAreRefusedNotSilentlyChanged() throws IOException {
    assertEquals(
        "the value of q is not valid percent-encoding ('%' must be followed by two hex"
            + " digits); encode the query string as UTF-8 with %XX escapes",
        json(send("GET", "/api/search?q=wheat%ZZ")).get("message").asText());
    assertEquals(
        "parameter size is given more than once; give it once (only the filters"
            + " outlet, person, organization, place, agency, language, type may repeat)",
        json(send("GET", "/api/search?size=1&size=1000000")).get("message").asText());
    assertEquals(
        "start is out of range: it must be a whole number from -2147483648 to"
            + " 2147483647, got '99999999999'",
        json(send("GET", "/api/documents/" + server.docId + "?start=99999999999"))
            .get("message")
            .asText());
    // A repeated filter is a multi-select, not a mistake.
    RawHttp.Answer multi = send("GET", "/api/search?outlet=a&outlet=b&size=1");
    assertEquals(200, multi.status(), multi.body());
  }

  @Test
  void aMethodARouteDoesNotHaveIs405WithAllow() throws IOException {
    RawHttp.Answer a = send("DELETE", "/api/search");
    assertEquals(405, a.status());
    assertEquals("GET", a.header("Allow"));
    assertEquals(
        "DELETE is not a method of /api/search; it allows GET", json(a).get("message").asText());
    assertEquals("POST", send("PUT", "/api/documents").header("Allow"));
    assertEquals(404, send("DELETE", "/api/nosuch").status());
  }

  private static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }

  /**
   * Requests Jetty itself refuses before a route sees them (characters a URI may not hold, a path
   * climbing out of the root, broken escapes in the path) get the same JSON error as every other
   * bad request, never Jetty's own text or HTML page.
   */
  @Test
  void everyRequestJettyRefusesGetsAJsonError() throws IOException {
    List<String> targets =
        List.of(
            "/api/search/{",
            "/api/{id}",
            "/api/documents/{x}",
            "/api/search?q={",
            "/api/search?q=}",
            "/api/search|x",
            "/api/search^",
            "/api/search`",
            "/api/search\\x",
            "/api/search\"",
            "/api/search<x>",
            "/api/%",
            "/api/search%zz",
            "/api/%2e%2e/%2e%2e/etc/passwd",
            "/../../etc/passwd",
            "/api/documents/a%00b",
            "/api/search\u007f",
            "/api/search\u00ff");
    for (String target : targets) {
      RawHttp.Answer a = server.send("GET", target);
      assertTrue(a.status() >= 400 && a.status() < 500, target + " -> " + a.status());
      assertTrue(
          String.valueOf(a.header("Content-Type")).startsWith("application/json"),
          target + " -> " + a.head() + "\n" + a.body());
      JsonNode body = JSON.readTree(a.body());
      assertFalse(body.path("error").asText().isEmpty(), target + " -> " + a.body());
      assertFalse(body.path("message").asText().isEmpty(), target + " -> " + a.body());
      assertFalse(a.body().contains("/work/") || a.body().contains("Exception"), a.body());
    }
  }

  @Test
  void aBraceInThePathNamesTheFix() throws IOException {
    RawHttp.Answer a = server.send("GET", "/api/search/{");
    assertEquals(400, a.status(), a.head());
    JsonNode body = JSON.readTree(a.body());
    assertEquals("bad_request", body.get("error").asText());
    assertTrue(
        body.get("message").asText().contains("percent-encode special characters"),
        body.toString());
  }
}
