package org.dateline.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HEAD gets the status and headers GET gets, and no body. */
class HeadRequestsTest {

  @TempDir static Path work;
  static SeedsServer server;

  @BeforeAll
  static void start() throws IOException {
    server = SeedsServer.start(work.resolve("index"));
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
  }

  @Test
  void headOfTheDescriptionHasGetsTypeAndLength() throws IOException {
    RawHttp.Answer get = server.send("GET", "/api/openapi.json");
    RawHttp.Answer head = server.send("HEAD", "/api/openapi.json");
    assertEquals(200, head.status());
    assertTrue(head.header("Content-Type").startsWith("application/json"), head.head());
    assertEquals(get.header("Content-Type"), head.header("Content-Type"));
    // the description (47 kB) is streamed: no length known in advance, for GET as for HEAD
    assertEquals(get.header("Content-Length"), head.header("Content-Length"));
    assertEquals(get.header("Transfer-Encoding"), head.header("Transfer-Encoding"));
    assertTrue(get.body().length() > 10_000, "GET has the body");
    assertEquals("", head.body());
  }

  @Test
  void headOfABadSearchIsRefusedAsGetIs() throws IOException {
    RawHttp.Answer get = server.send("GET", "/api/search?q=oil&size=-1");
    RawHttp.Answer head = server.send("HEAD", "/api/search?q=oil&size=-1");
    assertEquals(400, get.status());
    assertEquals(400, head.status());
    assertEquals("", head.body());
  }

  @Test
  void headOfHealthHasGetsLength() throws IOException {
    RawHttp.Answer get = server.send("GET", "/api/health");
    RawHttp.Answer head = server.send("HEAD", "/api/health");
    assertEquals(200, head.status());
    assertEquals(
        String.valueOf(get.body().getBytes(StandardCharsets.UTF_8).length),
        head.header("Content-Length"));
    assertEquals("", head.body());
  }

  @Test
  void headOfAnUnknownRouteIsNotFound() throws IOException {
    assertEquals(404, server.send("HEAD", "/api/no-such-route").status());
  }

  @Test
  void headOfAnArticleGivesItsJsonType() throws IOException {
    RawHttp.Answer head = server.send("HEAD", "/api/documents/" + server.docId);
    assertEquals(200, head.status());
    assertTrue(head.header("Content-Type").startsWith("application/json"), head.head());
    assertEquals("", head.body());
  }
}
