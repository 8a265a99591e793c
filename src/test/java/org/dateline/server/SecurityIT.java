package org.dateline.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dateline.DatelineProcess;
import org.dateline.TestIndexes;
import org.dateline.ingest.HostileFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Security checks against a real {@code dateline serve} process: no path reaches a file outside the
 * index or the web folder, uploads need the write key and go through the same limits and typed
 * failures as {@code dateline index}, and no key (right or wrong) ever appears in the server's log.
 */
class SecurityIT {

  static final String WRITE_KEY = "w-SECRET-write-key-5f2c9a7e41";
  static final String WRONG_KEY = "w-SECRET-wrong-key-0b3d8e6f12";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path work;
  static Process server;
  static Path log;
  static int port;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    Path index = work.resolve("index");
    TestIndexes.index(index, false, TestIndexes.SEEDS);
    log = work.resolve("serve.log");
    server =
        DatelineProcess.start(
            log,
            Map.of("DATELINE_WRITE_KEYS", WRITE_KEY),
            "serve",
            "--port",
            "0",
            "--index",
            index.toString(),
            "--web",
            Path.of("web").toAbsolutePath().toString());
    Pattern listening = Pattern.compile("http://localhost:(\\d+)");
    for (int i = 0; i < 900 && port == 0; i++) {
      Matcher m = listening.matcher(Files.exists(log) ? Files.readString(log) : "");
      if (m.find()) {
        port = Integer.parseInt(m.group(1));
      } else if (!server.isAlive()) {
        throw new AssertionError("server ended: " + Files.readString(log));
      }
      Thread.sleep(100);
    }
  }

  @AfterAll
  static void stop() throws InterruptedException {
    server.destroy();
    server.waitFor();
  }

  /** Sends a raw request line (nothing normalised by a client) and returns the whole answer. */
  static String raw(String target) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void noPathReachesAFileOutsideTheIndexOrTheWebFolder() throws IOException {
    List<String> attempts =
        List.of(
            "/api/documents/../../etc/passwd",
            "/api/documents/..%2F..%2Fetc%2Fpasswd",
            "/api/documents/%2e%2e/%2e%2e/etc/passwd",
            "/api/documents/%252e%252e%252fetc%252fpasswd",
            "/api/documents/..%5c..%5cetc%5cpasswd",
            "/api/documents/%c0%ae%c0%ae/etc/passwd",
            "/api/documents//etc/passwd",
            "/api/documents/..",
            "/api/documents/%2e%2e",
            "/../../etc/passwd",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/..%2f..%2fetc%2fpasswd",
            "/../pom.xml",
            "/%2e%2e/pom.xml",
            "/..%2fpom.xml",
            "/css/../../pom.xml",
            "/css/..%2f..%2fpom.xml",
            "/.git/config",
            "/etc/passwd",
            "//etc/passwd",
            "/api/export?format=csv&q=..%2F..%2Fetc%2Fpasswd",
            "/index.html/../../pom.xml",
            "/%00../pom.xml",
            "/file:///etc/passwd");
    for (String target : attempts) {
      String answer = raw(target);
      int status = Integer.parseInt(answer.substring(9, 12));
      assertFalse(
          answer.contains("root:x:0:0")
              || answer.contains("<artifactId>dateline")
              || answer.contains("[core]"),
          target + " leaked a file: " + answer);
      assertTrue(
          status == 200 && target.startsWith("/api/export") || status >= 400 && status < 500,
          target + " -> " + status);
    }
  }

  private static HttpResponse<String> upload(String key, String name, byte[] content)
      throws IOException, InterruptedException {
    String boundary = "----dateline" + System.nanoTime();
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\";"
                + " filename=\""
                + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + content.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(content, 0, body, head.length, content.length);
    System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/documents"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (key != null) {
      request.header("X-Dateline-Key", key);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void uploadsNeedTheKeyGoThroughTheIngestLimitsAndStayInTheUploadsFolder() throws Exception {
    byte[] story =
        "Harbour storm\n\nThe port of Rotterdam closed.".getBytes(StandardCharsets.UTF_8);
    assertEquals(401, upload(null, "story.txt", story).statusCode());
    HttpResponse<String> wrong = upload(WRONG_KEY, "story.txt", story);
    assertEquals(401, wrong.statusCode());
    assertFalse(wrong.body().contains(WRONG_KEY), "the key is not echoed");
    // A hostile upload gets the same typed failure as 'dateline index' gives it.
    Path junk = HostileFiles.binaryJunk(work.resolve("junk.html"), 16 * 1024);
    HttpResponse<String> refused = upload(WRITE_KEY, "junk.html", Files.readAllBytes(junk));
    assertEquals(422, refused.statusCode(), refused.body());
    JsonNode failure = JSON.readTree(refused.body()).get("failures").get(0);
    assertEquals("unsupported", failure.get("kind").asText());
    Path bomb = HostileFiles.zipBomb(work.resolve("bomb.zip"), 100);
    HttpResponse<String> bombed = upload(WRITE_KEY, "bomb.zip", Files.readAllBytes(bomb));
    assertEquals(422, bombed.statusCode(), bombed.body());
    assertTrue(bombed.body().contains("a zip bomb"), bombed.body());
    // A name that climbs out of the uploads folder is cut to its last part.
    HttpResponse<String> climbing = upload(WRITE_KEY, "../../../escaped.txt", story);
    assertEquals(201, climbing.statusCode(), climbing.body());
    String shown = JSON.readTree(climbing.body()).get("path").asText();
    assertTrue(shown.startsWith("index-uploads/"), shown);
    Path stored = work.resolve(shown);
    try (Stream<Path> all = Files.walk(work)) {
      assertEquals(
          List.of(stored),
          all.filter(p -> p.getFileName().toString().equals("escaped.txt")).toList());
    }
  }

  @Test
  void noKeyRightOrWrongEverAppearsInTheServerLog() throws Exception {
    byte[] story = "Court ruling\n\nThe judges ruled.".getBytes(StandardCharsets.UTF_8);
    assertEquals(401, upload(WRONG_KEY, "ruling.txt", story).statusCode());
    assertEquals(201, upload(WRITE_KEY, "ruling.txt", story).statusCode());
    HttpRequest bearer =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/search?q=" + WRONG_KEY))
            .header("Authorization", "Bearer " + WRONG_KEY)
            .build();
    HTTP.send(bearer, HttpResponse.BodyHandlers.discarding());
    String serverLog = Files.readString(log);
    assertFalse(serverLog.contains(WRITE_KEY), "write key in the log");
    assertFalse(serverLog.contains("SECRET"), "a key in the log:\n" + serverLog);
  }
}
