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
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fuzzer generated from the server's own {@code /api/openapi.json}: every operation it describes,
 * every parameter of each, with values of the described type (enum members, bounds and one past
 * them, pattern-shaped dates) and mistyped ones (words for numbers, junk for dates, broken
 * escapes), one at a time and then in random combinations, a bounded number of requests. Every
 * answer must be below 500, and every 4xx a JSON {@code {error, message}} with both filled in.
 * {@code -Ddateline.fuzz.combinations=N} per operation (40 by default), {@code
 * -Ddateline.fuzz.seed} the seed.
 */
class OpenApiFuzzTest {

  private static final int COMBINATIONS = Integer.getInteger("dateline.fuzz.combinations", 40);
  private static final long SEED = Long.getLong("dateline.fuzz.seed", 20190323L);
  private static final List<String> MISTYPED =
      List.of(
          "abc",
          "-1",
          "99999999999",
          "1.5",
          "",
          "%ZZ",
          "%C3%28",
          "%00",
          "2019-02-30",
          "+999999999-01-01",
          "(((((a",
          "/[a-z]{1,1000}{1,1000}/",
          "\\",
          "true",
          "null",
          "%E2%80%AE");

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

  /** One operation of the description: method, path template, its parameters resolved. */
  record Operation(String method, String path, List<JsonNode> parameters) {}

  static List<Operation> operations(JsonNode api) {
    List<Operation> out = new ArrayList<>();
    api.get("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        op -> {
                          List<JsonNode> params = new ArrayList<>();
                          op.getValue()
                              .path("parameters")
                              .forEach(p -> params.add(resolve(api, p)));
                          out.add(
                              new Operation(
                                  op.getKey().toUpperCase(Locale.ROOT), path.getKey(), params));
                        }));
    return out;
  }

  private static JsonNode resolve(JsonNode api, JsonNode node) {
    String ref = node.path("$ref").asText("");
    return ref.isEmpty() ? node : api.at(ref.substring(1));
  }

  /** Values of the parameter's described type: enum members, defaults, bounds and past them. */
  static List<String> typed(JsonNode param) {
    JsonNode schema = param.path("schema");
    List<String> out = new ArrayList<>();
    schema.path("enum").forEach(v -> out.add(v.asText()));
    if (schema.has("default")) {
      out.add(schema.get("default").asText());
    }
    switch (schema.path("type").asText()) {
      case "integer" -> {
        for (String bound : List.of("minimum", "maximum")) {
          if (schema.has(bound)) {
            long b = schema.get(bound).asLong();
            out.addAll(
                List.of(Long.toString(b), Long.toString(bound.equals("minimum") ? b - 1 : b + 1)));
          }
        }
        out.addAll(List.of("0", "1", "2147483647", "2147483648"));
      }
      case "boolean" -> out.addAll(List.of("true", "false"));
      default ->
          out.addAll(
              schema.has("pattern")
                  ? List.of("2019", "2019-02", "2019-02-23", "0001-01-01", "9999-12-31")
                  : List.of(
                      "Syria",
                      "Baghuz~2",
                      "\"Mustafa Bali\"",
                      "date:[2019-01-01 TO 2019-02-28]",
                      "*a*",
                      "person",
                      "The Guardian"));
    }
    return out;
  }

  private String target(Operation op, Map<String, String> query, String id) {
    // every other path parameter (a tag) gets a plain, valid value
    StringBuilder t =
        new StringBuilder(op.path().replace("{id}", id).replaceAll("\\{[a-z_]+\\}", "fuzz"));
    char sep = '?';
    for (Map.Entry<String, String> e : query.entrySet()) {
      String v = e.getValue();
      // Values that are escapes already (%ZZ, %C3%28) go as written; the rest are encoded.
      String encoded = v.startsWith("%") ? v : HostileRequests.enc(v);
      t.append(sep).append(e.getKey()).append('=').append(encoded);
      sep = '&';
    }
    return t.toString();
  }

  @Test
  void everyDescribedOperationAndParameterAnswersBelow500WithJsonErrors() throws IOException {
    RawHttp.Answer described = server.send("GET", "/api/openapi.json");
    assertEquals(200, described.status());
    List<Operation> ops = operations(JSON.readTree(described.body()));
    assertEquals(30, ops.size());
    Random r = new Random(SEED);
    Map<Integer, Integer> byStatus = new TreeMap<>();
    List<String> wrong = new ArrayList<>();
    int sent = 0;
    for (Operation op : ops) {
      List<Map<String, String>> queries = new ArrayList<>();
      queries.add(Map.of());
      for (JsonNode p : op.parameters()) {
        if (p.path("in").asText().equals("query")) {
          for (String v : concat(typed(p), MISTYPED)) {
            queries.add(Map.of(p.get("name").asText(), v));
          }
        }
      }
      for (int i = 0; i < COMBINATIONS; i++) {
        queries.add(randomQuery(r, op));
      }
      for (Map<String, String> q : queries) {
        for (String id :
            op.path().contains("{id}") ? List.of(server.docId, "%ZZ", "no-such-id") : List.of("")) {
          sent++;
          check(op, target(op, q, id), byStatus, wrong);
        }
      }
    }
    System.out.printf(
        "OpenAPI fuzz: %d requests over %d operations (seed %d): by status %s%n",
        sent, ops.size(), SEED, byStatus);
    assertEquals(List.of(), wrong);
    assertTrue(
        byStatus.getOrDefault(200, 0) > 0 && byStatus.getOrDefault(400, 0) > 0,
        byStatus.toString());
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static Map<String, String> randomQuery(Random r, Operation op) {
    Map<String, String> q = new TreeMap<>();
    for (JsonNode p : op.parameters()) {
      if (p.path("in").asText().equals("query") && r.nextInt(3) == 0) {
        List<String> values = r.nextBoolean() ? typed(p) : MISTYPED;
        q.put(p.get("name").asText(), values.get(r.nextInt(values.size())));
      }
    }
    return q;
  }

  private static void check(
      Operation op, String target, Map<Integer, Integer> byStatus, List<String> wrong)
      throws IOException {
    RawHttp.Answer a = server.send(op.method(), target);
    byStatus.merge(a.status(), 1, Integer::sum);
    String where =
        op.method()
            + " "
            + target
            + " -> "
            + a.status()
            + " "
            + (a.body().length() > 200 ? a.body().substring(0, 200) : a.body());
    if (a.status() >= 500) {
      wrong.add(where);
    } else if (a.status() >= 400) {
      String type = a.header("Content-Type");
      if (type == null || !type.startsWith("application/json") || !a.body().startsWith("{")) {
        wrong.add("not JSON: " + where);
        return;
      }
      JsonNode body = JSON.readTree(a.body());
      if (body.path("error").asText("").isBlank() || body.path("message").asText("").isBlank()) {
        wrong.add("no error or message: " + where);
      }
    }
    assertFalse(a.body().contains("\tat org."), "stack trace: " + where);
  }
}
