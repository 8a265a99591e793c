package org.dateline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.store.FSDirectory;
import org.dateline.TestIndexes;
import org.dateline.config.AccessConfig;
import org.dateline.config.Config;
import org.dateline.index.Schema;
import org.dateline.pipeline.IngestProgress;
import org.dateline.search.SearchService;
import org.dateline.server.ApiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upload runs what {@code dateline serve} gives the server ({@link IndexCommand#run}), so its
 * entity pass is the incremental one: the new article is resolved by a new pass generation, the
 * earlier articles keep the generation that resolved them, and the entity list counts the new one.
 */
class UploadEntityPassTest {

  private static final String WRITE_KEY = "write-key-entity-pass-0123456789";

  @TempDir Path dir;

  /** Pass generation by article path file name, read from the committed index. */
  private static Map<String, Long> generations(Path index) throws IOException {
    Map<String, Long> out = new TreeMap<>();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      for (LeafReaderContext leaf : reader.leaves()) {
        SortedDocValues paths = leaf.reader().getSortedDocValues(Schema.PATH);
        NumericDocValues pass = leaf.reader().getNumericDocValues(Schema.ENTITY_PASS);
        for (int d = 0; d < leaf.reader().maxDoc(); d++) {
          if ((leaf.reader().getLiveDocs() == null || leaf.reader().getLiveDocs().get(d))
              && paths.advanceExact(d)) {
            long g = pass != null && pass.advanceExact(d) ? pass.longValue() : 0;
            out.put(
                Path.of(paths.lookupOrd(paths.ordValue()).utf8ToString()).getFileName().toString(),
                g);
          }
        }
      }
    }
    return out;
  }

  @Test
  void anUploadIsResolvedIncrementally() throws IOException {
    Path index = dir.resolve("index");
    Config config =
        TestIndexes.config(index)
            .withWebDir(Path.of("web"))
            .withAccess(AccessConfig.defaults().withWriteKeys(List.of(WRITE_KEY)));
    PrintWriter quiet = new PrintWriter(Writer.nullWriter());
    IndexCommand.run(config, List.of(TestIndexes.SEEDS), false, IngestProgress.NONE, quiet);
    Map<String, Long> before = generations(index);
    assertEquals(5, before.size());
    before.values().forEach(g -> assertEquals(1L, g, before.toString()));

    Path note =
        Files.writeString(
            dir.resolve("harbour-note.txt"),
            "Harbour strike in Hamburg\n\n"
                + "Dock workers in Hamburg walked out on Monday, said union leader Klaus Wendler.\n");
    try (SearchService search = SearchService.readOnly(index)) {
      JavalinTest.test(
          ApiServer.create(
              search,
              config,
              files -> IndexCommand.run(config, files, false, IngestProgress.NONE, quiet)),
          (server, client) -> {
            assertEquals(201, upload(server.port(), note));
            JsonNode hamburg =
                new ObjectMapper()
                    .readTree(
                        client.get("/api/entities?type=place&prefix=hamburg").body().string());
            assertEquals(1, hamburg.size(), hamburg.toString());
            assertEquals(1, hamburg.get(0).get("documents").asInt());
            JsonNode bali =
                new ObjectMapper()
                    .readTree(client.get("/api/entities?type=person&prefix=bali").body().string());
            assertEquals(4, bali.get(0).get("documents").asInt(), bali.toString());
          });
    }
    Map<String, Long> after = generations(index);
    assertEquals(2L, after.remove("harbour-note.txt"), after.toString());
    assertEquals(before, after, "the earlier articles were not resolved again");
  }

  private static int upload(int port, Path file) throws IOException {
    String boundary = "entity-pass-boundary";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName()
                + "\"\r\nContent-Type: text/plain\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(Files.readAllBytes(file));
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/documents"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("X-Dateline-Key", WRITE_KEY)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build();
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
