package org.dateline.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.dateline.TestIndexes;
import org.dateline.alert.Alerts;
import org.dateline.config.Config;
import org.dateline.config.Limits;
import org.dateline.search.SearchService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client driven by {@code /api/openapi.json} alone calls every operation it describes, as a
 * generated client would: path parameters from what earlier answers gave (a document, a story, an
 * entity, a batch job), the required query parameters from their described defaults and enums, a
 * body of the described media type built from its schema. Every answer's status must be one the
 * operation describes, its content type one described for that status, and a JSON body must be
 * valid against the described schema (JSON Schema 2020-12, as OpenAPI 3.1 means it). The seeds are
 * indexed with the recogniser, so the entity routes have entities to show.
 */
class OpenApiClientIT {

  @TempDir static Path dir;
  static SearchService search;
  static Alerts alerts;
  static Javalin app;
  static String base;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();
  static final String KEY = "client-test-write-key";

  @BeforeAll
  static void start() throws IOException {
    TestIndexes.indexWithEntities(dir, TestIndexes.SEEDS);
    search = SearchService.readOnly(dir);
    alerts = Alerts.open(dir.resolve("alerts"), Limits.defaults());
    Config config = TestIndexes.config(dir);
    // the writes need a key: the client sends it as the description's "key" scheme says
    app =
        ApiServer.create(
                search,
                config.withAccess(config.access().withWriteKeys(List.of(KEY))),
                files -> TestIndexes.index(dir, false, files.toArray(Path[]::new)),
                alerts)
            .start(0);
    base = "http://localhost:" + app.port();
  }

  @AfterAll
  static void stop() throws IOException {
    app.stop();
    alerts.close();
    search.close();
  }

  /** One call: its operation, the status it got, and what was wrong with the answer. */
  record Call(String operation, int status, List<String> problems) {}

  @Test
  void everyOperationAnswersAsDescribed() throws Exception {
    JsonNode api = JSON.readTree(get("/api/openapi.json").body());
    Map<String, String> known = knownValues();
    Map<String, Integer> statuses = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    // writes after reads, deletes last: the document keeps its tags and note until removed
    List<String[]> operations = new ArrayList<>();
    api.get("paths")
        .properties()
        .forEach(
            p ->
                p.getValue()
                    .properties()
                    .forEach(o -> operations.add(new String[] {o.getKey(), p.getKey()})));
    operations.sort(
        java.util.Comparator.<String[]>comparingInt(o -> order(o[0])).thenComparing(o -> o[1]));
    for (String[] op : operations) {
      JsonNode operation = api.get("paths").get(op[1]).get(op[0]);
      Call call = call(api, op[0].toUpperCase(Locale.ROOT), op[1], operation, known);
      statuses.put(call.operation(), call.status());
      call.problems().forEach(pr -> problems.add(call.operation() + ": " + pr));
    }
    assertEquals(List.of(), problems, statuses.toString());
    assertEquals(30, statuses.size(), statuses.toString());
    Map<String, Integer> expected = new TreeMap<>();
    statuses.forEach(
        (k, v) ->
            expected.put(
                k,
                switch (k) {
                  case "POST /api/documents", "POST /api/alerts" -> 201;
                  case "DELETE /api/alerts/{id}" -> 204;
                  default -> 200;
                }));
    assertEquals(expected, statuses);
  }

  private static int order(String method) {
    return switch (method) {
      case "get" -> 0;
      case "delete" -> 2;
      default -> 1;
    };
  }

  /** Ids the path parameters take, read from answers of the running server. */
  private static Map<String, String> knownValues() throws Exception {
    JsonNode hits = JSON.readTree(get("/api/search?q=Baghouz&size=1").body()).get("hits");
    JsonNode entities = JSON.readTree(get("/api/entities?type=person").body());
    Map<String, String> known = new java.util.HashMap<>();
    known.put("/api/documents/{id}", hits.get(0).get("id").asText());
    known.put("/api/stories/{id}", hits.get(0).get("story").get("id").asText());
    known.put("/api/entities/{id}", entities.get(0).get("id").asText());
    HttpResponse<String> batch =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/api/batch"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("Baghouz\n"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    known.put("/api/batch/{id}", batch.headers().firstValue("X-Dateline-Batch").orElse("none"));
    known.put("{tag}", "checked");
    HttpResponse<String> alert =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/api/alerts"))
                .header("Content-Type", "application/json")
                .header("X-Dateline-Key", KEY)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"known\",\"q\":\"Baghouz\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    known.put("/api/alerts/{id}", JSON.readTree(alert.body()).path("id").asText("none"));
    return known;
  }

  private static Call call(
      JsonNode api, String method, String template, JsonNode op, Map<String, String> known)
      throws Exception {
    String name = method + " " + template;
    String path = template;
    StringBuilder query = new StringBuilder();
    for (JsonNode p : op.path("parameters")) {
      JsonNode param = resolve(api, p);
      String in = param.path("in").asText();
      if (in.equals("path")) {
        String paramName = param.get("name").asText();
        // {tag} is any tag; an {id} is the one the route's own collection gave
        String key =
            paramName.equals("tag") ? "{tag}" : template.substring(0, template.indexOf('}') + 1);
        path = path.replace("{" + paramName + "}", enc(known.getOrDefault(key, "x")));
      } else if (in.equals("query")
          && (param.path("required").asBoolean() || param.path("name").asText().equals("q"))) {
        // the required parameters, and the query text a user of any search route types
        query.append(query.isEmpty() ? "?" : "&").append(param.get("name").asText()).append('=');
        query.append(enc(valueOf(param.path("schema"))));
      }
    }
    HttpRequest.Builder req =
        HttpRequest.newBuilder(URI.create(base + path + query)).header("X-Dateline-Key", KEY);
    // as a generated client does: it accepts what the operation's success is described as
    List<String> accepts = new ArrayList<>();
    op.path("responses")
        .properties()
        .forEach(
            r -> {
              if (r.getKey().startsWith("2")) {
                resolve(api, r.getValue())
                    .path("content")
                    .fieldNames()
                    .forEachRemaining(accepts::add);
              }
            });
    if (!accepts.isEmpty()) {
      req.header("Accept", String.join(", ", accepts));
    }
    JsonNode body = op.path("requestBody").path("content");
    if (body.isMissingNode() || body.isEmpty()) {
      req.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      var media = body.properties().iterator().next();
      Body b = body(media.getKey(), resolve(api, media.getValue().path("schema")).path("example"));
      req.header("Content-Type", b.contentType()).method(method, b.publisher());
    }
    HttpResponse<InputStream> r = HTTP.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
    String type = r.headers().firstValue("Content-Type").orElse("");
    String text;
    try (InputStream in = r.body()) {
      // an event stream stays open for as long as the client listens: its head is the answer
      text =
          type.startsWith("text/event-stream")
              ? ""
              : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return new Call(name, r.statusCode(), check(api, op, r.statusCode(), type, text));
  }

  /** A request body of the media type, as a client fills it from the schema. */
  private record Body(String contentType, HttpRequest.BodyPublisher publisher) {}

  private static Body body(String type, JsonNode example) {
    if (!example.isMissingNode()) {
      return new Body(type, HttpRequest.BodyPublishers.ofString(example.toString()));
    }
    return switch (type) {
      case "multipart/form-data" -> {
        String boundary = "dateline-test-boundary";
        String part =
            "--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"harbour.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nHarbour storm\n\nThe port of Rotterdam closed.\r\n"
                + "--"
                + boundary
                + "--\r\n";
        yield new Body(
            "multipart/form-data; boundary=" + boundary, HttpRequest.BodyPublishers.ofString(part));
      }
      case "application/json" ->
          new Body(
              type, HttpRequest.BodyPublishers.ofString("{\"text\":\"checked by the client\"}"));
      default -> new Body(type, HttpRequest.BodyPublishers.ofString("Baghouz\n"));
    };
  }

  /** A described value: the default, else the first enum member, else one of the type. */
  private static String valueOf(JsonNode schema) {
    if (schema.has("default")) {
      return schema.get("default").asText();
    }
    if (schema.has("enum")) {
      return schema.get("enum").get(0).asText();
    }
    return switch (schema.path("type").asText()) {
      case "integer" -> "1";
      case "boolean" -> "true";
      default -> "Baghouz";
    };
  }

  /** What is wrong with an answer, measured against the operation's description. */
  private static List<String> check(
      JsonNode api, JsonNode op, int status, String contentType, String body) throws IOException {
    List<String> problems = new ArrayList<>();
    JsonNode described = op.path("responses").path(Integer.toString(status));
    if (described.isMissingNode()) {
      problems.add("status " + status + " is not described: " + body);
      return problems;
    }
    JsonNode content = resolve(api, described).path("content");
    String type = contentType.split(";")[0].strip();
    if (content.isMissingNode() || content.isEmpty()) {
      return problems; // described without content (the JSON error of components.responses)
    }
    String anyOfKind = type.substring(0, Math.max(0, type.indexOf('/'))) + "/*";
    if (!content.has(type) && !content.has(anyOfKind) && !content.has("*/*")) {
      problems.add("content type " + type + " is not among those described: " + content);
      return problems;
    }
    if (type.equals("application/json")) {
      Set<ValidationMessage> invalid =
          schema(api, content.get(type).path("schema")).validate(JSON.readTree(body));
      invalid.forEach(m -> problems.add(m.getMessage()));
    }
    return problems;
  }

  /** The schema as a document of its own, with the description's components to refer to. */
  private static JsonSchema schema(JsonNode api, JsonNode schema) {
    ObjectNode doc = schema.deepCopy();
    doc.set("components", api.get("components"));
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(doc);
  }

  private static JsonNode resolve(JsonNode api, JsonNode node) {
    String ref = node.path("$ref").asText("");
    return ref.isEmpty() ? node : api.at(ref.substring(1));
  }

  private static HttpResponse<String> get(String pathAndQuery) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(base + pathAndQuery)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
