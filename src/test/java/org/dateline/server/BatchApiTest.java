package org.dateline.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.dateline.TestIndexes;
import org.dateline.search.SearchService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/batch} on the seeds with their entities: with variants, each spelling of a name
 * finds every article that writes any of its spellings; a bad line gets its own row; the CSV has
 * one record per line; the batch's progress is there to ask for.
 */
class BatchApiTest {

  @TempDir static Path dir;
  static SearchService search;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void open() throws IOException {
    search = TestIndexes.entitySeedsSearch(dir);
  }

  @AfterAll
  static void close() throws IOException {
    search.close();
  }

  /** The seed files (by number) each row's hits come from. */
  private static List<Set<String>> seedsFound(String jsonl) throws IOException {
    List<Set<String>> out = new ArrayList<>();
    for (String line : jsonl.split("\n")) {
      Set<String> files = new TreeSet<>();
      for (JsonNode hit : JSON.readTree(line).get("hits")) {
        String path = search.document(hit.get("id").asText()).hit().path();
        files.add(Path.of(path).getFileName().toString().substring(0, 3));
      }
      out.add(files);
    }
    return out;
  }

  @Test
  void everySpellingFindsTheArticlesOfAllSpellings() {
    // grep of the seeds: Mostefa (001), Mostafa (002), Mustafa (003, 004) Bali; Baghouz (000-003)
    // and Baghuz (004); Deir Ezzor (000, 001, 003) and Deir ez-Zor (004)
    String body = "Mostefa Bali\nMostafa Bali\nBaghuz\nDeir ez-Zor\n";
    JavalinTest.test(
        ApiServer.create(search, TestIndexes.config(dir)),
        (server, client) -> {
          Http.Response r =
              Http.send(
                  server,
                  "POST",
                  "/api/batch?variants=true&format=jsonl&hits=10",
                  body,
                  "Content-Type",
                  "text/plain");
          assertEquals(200, r.code(), r.body());
          assertEquals(
              List.of(
                  Set.of("001", "002", "003", "004"),
                  Set.of("001", "002", "003", "004"),
                  Set.of("000", "001", "002", "003", "004"),
                  Set.of("000", "001", "003", "004")),
              seedsFound(r.body()));
          Http.Response exact = Http.send(server, "POST", "/api/batch?format=jsonl&hits=10", body);
          // the analyser itself reads "ez-Zor" as "Ezzor"; the names need the archive's variants
          assertEquals(
              List.of(
                  Set.of("001"), Set.of("002"), Set.of("004"), Set.of("000", "001", "003", "004")),
              seedsFound(exact.body()),
              "without variants, each spelling alone");
          JsonNode status =
              JSON.readTree(
                  client.get("/api/batch/" + r.header("X-Dateline-Batch")).body().string());
          assertEquals("DONE", status.get("state").asText());
          assertEquals(4, status.get("lines").asInt());
          assertEquals(4, status.get("done").asInt());
          assertEquals(0, status.get("errors").asInt());
        });
  }

  @Test
  void csvRowsInInputOrderWithAnErrorRowForABadLine() {
    JavalinTest.test(
        ApiServer.create(search, TestIndexes.config(dir)),
        (server, client) -> {
          Http.Response r =
              Http.send(
                  server,
                  "POST",
                  "/api/batch?hits=1",
                  "query,note\n\"Baghouz\",x\n\"head office\",y\n(unbalanced,z\n",
                  "Content-Type",
                  "text/csv");
          assertEquals(200, r.code(), r.body());
          assertEquals("text/csv; charset=utf-8", r.header("Content-Type"));
          String[] rows = r.body().split("\r\n");
          assertEquals(5, rows.length, r.body());
          assertEquals(
              "line,query,searched,articles,stories,outlets,first_date,last_date,error,hit1_id,"
                  + "hit1_title,hit1_outlet,hit1_date,hit1_kwic",
              rows[0]);
          assertTrue(rows[1].startsWith("1,query,query,0,0,0,,,,"), rows[1]);
          assertTrue(
              rows[2].startsWith("2,Baghouz,Baghouz,4,4,1,2019-01-28,2019-03-05,,"), rows[2]);
          assertTrue(
              rows[4].startsWith(
                  "4,(unbalanced,(unbalanced,0,0,0,,,\"the parenthesis at position 1"
                      + " opens a group that is never closed"),
              rows[4]);
          JsonNode status =
              JSON.readTree(
                  client.get("/api/batch/" + r.header("X-Dateline-Batch")).body().string());
          assertEquals(1, status.get("errors").asInt());
          Http.Response near =
              Http.send(server, "POST", "/api/batch?hits=1&proximity=5", "head office\n");
          assertTrue(
              near.body().split("\r\n")[1].startsWith("1,head office,\"\"\"head office\"\"~5\",2,"),
              near.body());
        });
  }

  @Test
  void badBatchesAreRefusedWhole() {
    JavalinTest.test(
        ApiServer.create(search, TestIndexes.config(dir)),
        (server, client) -> {
          assertEquals(400, Http.send(server, "POST", "/api/batch?q=x", "a\n").code());
          assertEquals(400, Http.send(server, "POST", "/api/batch?proximity=-3", "a\n").code());
          // -1 is how "exact" is kept inside; asked for, it is a negative slop like any other
          Http.Response minusOne = Http.send(server, "POST", "/api/batch?proximity=-1", "a\n");
          assertEquals(400, minusOne.code());
          assertTrue(
              minusOne.body().contains("proximity must be between 0 and 50, got -1"),
              minusOne.body());
          assertEquals(400, Http.send(server, "POST", "/api/batch?proximity=51", "a\n").code());
          assertEquals(400, Http.send(server, "POST", "/api/batch?format=xml", "a\n").code());
          assertEquals(400, Http.send(server, "POST", "/api/batch", "a\n".repeat(100_001)).code());
          assertEquals(404, client.get("/api/batch/0123").code());
        });
  }
}
