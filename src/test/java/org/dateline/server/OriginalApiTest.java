package org.dateline.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dateline.TestIndexes;
import org.dateline.config.Config;
import org.dateline.search.SearchService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The original file of an article: a plain file byte for byte, a zip member alone, an mbox message
 * alone (the whole mbox on request), a feed item as its own XML, and nothing reached through a
 * symbolic link or by a path in the request.
 */
class OriginalApiTest {

  @TempDir static Path work;
  static Path sources;
  static Path index;
  static SearchService search;
  static final ObjectMapper JSON = new ObjectMapper();
  static final String STORY = "Kobani, Syria\n\nKurdish fighters held the town on Tuesday.\n";
  static final String NOTES = "Raqqa notes\n\nThe council met on Wednesday in Raqqa.\n";

  @BeforeAll
  static void indexFixtures() throws IOException {
    sources = Files.createDirectories(work.resolve("sources"));
    Files.copy(
        TestIndexes.SEEDS.resolve("004_2935b12a5db641dd.txt"), sources.resolve("guardian.txt"));
    try (OutputStream out = Files.newOutputStream(sources.resolve("bundle.zip"));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("wires/kobani story.txt"));
      zip.write(STORY.getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("notes.txt"));
      zip.write(NOTES.getBytes(StandardCharsets.UTF_8));
    }
    for (String[] fixture :
        List.of(
            new String[] {"tips.mbox", "tips.mbox"},
            new String[] {"feed.rss", "gazette.rss"},
            new String[] {"feed.atom", "courier.atom"})) {
      try (InputStream in = OriginalApiTest.class.getResourceAsStream("/fixtures/" + fixture[0])) {
        Files.copy(in, sources.resolve(fixture[1]));
      }
    }
    Files.writeString(
        sources.resolve("moved.txt"), "Moved away\n\nThis file will become a link.\n");
    index = work.resolve("index");
    TestIndexes.index(index, false, sources);
    search = SearchService.readOnly(index);
  }

  @AfterAll
  static void close() throws IOException {
    search.close();
  }

  private static String idOf(String pathEnd, String titleStart) throws IOException {
    for (var a : TestIndexes.storedArticles(index)) {
      if (a.path().endsWith(pathEnd) && (titleStart == null || a.title().startsWith(titleStart))) {
        return a.id();
      }
    }
    throw new AssertionError("no article of " + pathEnd);
  }

  private static Config config() {
    return TestIndexes.config(index);
  }

  @Test
  void aPlainFileByteForByte() throws IOException {
    String id = idOf("guardian.txt", null);
    JavalinTest.test(
        ApiServer.create(search, config()),
        (server, client) -> {
          Http.Response r = Http.send(server, "GET", "/api/documents/" + id + "/original", null);
          assertEquals(200, r.code(), r.body());
          assertArrayEquals(Files.readAllBytes(sources.resolve("guardian.txt")), r.bytes());
          assertEquals("text/plain", r.header("Content-Type"));
          assertEquals(
              "attachment; filename=\"guardian.txt\"; filename*=UTF-8''guardian.txt",
              r.header("Content-Disposition"));
          assertEquals("sandbox", r.header("Content-Security-Policy"));
        });
  }

  @Test
  void onlyPdfsAndImagesMayBeFramedByThePageAndOnlyPdfsGoUnsandboxed() {
    assertEquals("frame-ancestors 'self'", OriginalRoute.policy("application/pdf"));
    assertEquals("sandbox; frame-ancestors 'self'", OriginalRoute.policy("image/png"));
    assertEquals("sandbox", OriginalRoute.policy("text/plain"));
    assertEquals("sandbox", OriginalRoute.policy("text/html"));
    assertEquals("sandbox", OriginalRoute.policy("application/octet-stream"));
  }

  @Test
  void aZipMemberAloneWithASafeName() throws IOException {
    String id = idOf("bundle.zip", "Kobani");
    JavalinTest.test(
        ApiServer.create(search, config()),
        (server, client) -> {
          Http.Response r = Http.send(server, "GET", "/api/documents/" + id + "/original", null);
          assertEquals(200, r.code(), r.body());
          assertEquals(STORY, r.body());
          assertEquals(
              "attachment; filename=\"kobani_story.txt\"; filename*=UTF-8''kobani%20story.txt",
              r.header("Content-Disposition"));
        });
  }

  @Test
  void anMboxMessageAloneAndTheWholeMboxOnRequest() throws IOException {
    String id = idOf("tips.mbox", "Second");
    JavalinTest.test(
        ApiServer.create(search, config()),
        (server, client) -> {
          Http.Response r = Http.send(server, "GET", "/api/documents/" + id + "/original", null);
          assertEquals(200, r.code(), r.body());
          // The second message as written, without the mbox's "From " separator line.
          assertEquals(
              "From: B <b@example.org>\nSubject: Second tip about the quarry\n"
                  + "Date: Tue, 08 Jan 2019 11:00:00 +0000\nContent-Type: text/plain\n\n"
                  + "Trucks leave the quarry after midnight.\n",
              r.body());
          assertEquals("message/rfc822", r.header("Content-Type"));
          assertEquals(
              "attachment; filename=\"tips-2.eml\"; filename*=UTF-8''tips-2.eml",
              r.header("Content-Disposition"));
          Http.Response first =
              Http.send(
                  server,
                  "GET",
                  "/api/documents/" + idOf("tips.mbox", "First") + "/original",
                  null);
          assertEquals(200, first.code(), first.body());
          assertTrue(first.body().startsWith("From: A <a@example.org>\nSubject: First tip"));
          assertTrue(first.body().endsWith("The quarry dumps waste into the river at night.\n\n"));
          Http.Response whole =
              Http.send(server, "GET", "/api/documents/" + id + "/original?container=true", null);
          assertEquals(200, whole.code());
          assertArrayEquals(Files.readAllBytes(sources.resolve("tips.mbox")), whole.bytes());
        });
  }

  @Test
  void aFeedItemAsItsOwnXml() throws IOException {
    String id = idOf("gazette.rss", "Harbour crane");
    JavalinTest.test(
        ApiServer.create(search, config()),
        (server, client) -> {
          Http.Response r = Http.send(server, "GET", "/api/documents/" + id + "/original", null);
          assertEquals(200, r.code(), r.body());
          assertEquals(
              "<item>\n      <title>Harbour crane toppled by storm</title>\n"
                  + "      <link>https://harbour-gazette.example/2021/crane</link>\n"
                  + "      <guid>hg-1002</guid>\n"
                  + "      <pubDate>Wed, 03 Mar 2021 08:00:00 GMT</pubDate>\n"
                  + "      <description>A crane fell into the harbour overnight. Nobody was"
                  + " hurt.</description>\n    </item>",
              r.body());
          assertEquals("application/xml", r.header("Content-Type"));
          assertEquals(
              "attachment; filename=\"gazette-hg-1002.xml\"; filename*=UTF-8''gazette-hg-1002.xml",
              r.header("Content-Disposition"));
          Http.Response atom =
              Http.send(
                  server,
                  "GET",
                  "/api/documents/" + idOf("courier.atom", null) + "/original",
                  null);
          assertEquals(200, atom.code(), atom.body());
          assertTrue(atom.body().startsWith("<entry>"), atom.body());
          assertTrue(atom.body().contains("<id>urn:vc:77</id>"), atom.body());
          assertTrue(atom.body().endsWith("</entry>"), atom.body());
        });
  }

  @Test
  void noPathFromTheRequestAndNoSymbolicLinkOut() throws IOException {
    String id = idOf("moved.txt", null);
    Path secret = Files.writeString(work.resolve("secret.txt"), "outside the indexed folder\n");
    Path moved = sources.resolve("moved.txt");
    Files.delete(moved);
    Files.createSymbolicLink(moved, secret);
    JavalinTest.test(
        ApiServer.create(search, config()),
        (server, client) -> {
          Http.Response link = Http.send(server, "GET", "/api/documents/" + id + "/original", null);
          assertEquals(403, link.code(), link.body());
          assertEquals("original_refused", JSON.readTree(link.body()).get("error").asText());
          for (String path :
              List.of(
                  "/api/documents/..%2F..%2Fsecret.txt/original",
                  "/api/documents/%2E%2E/original",
                  "/api/documents/" + id + "/original?path=../secret.txt")) {
            Http.Response r = Http.send(server, "GET", path, null);
            assertEquals(path.contains("?") ? 400 : 404, r.code(), path + ": " + r.body());
          }
        });
  }
}
