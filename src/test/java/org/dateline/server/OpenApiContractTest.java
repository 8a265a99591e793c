package org.dateline.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.dateline.search.ConcordanceLine;
import org.dateline.search.Hit;
import org.dateline.search.WrittenName;
import org.dateline.search.facet.FacetValue;
import org.dateline.search.kwic.KwicLine;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI description is valid by the parser openapi-generator uses (swagger-parser), and it
 * says what the server does: every operation has a unique operationId, the records the server
 * writes have exactly the properties their schemas list, the date parameters have a pattern that
 * accepts the forms the server reads, and exports are described as text, not as one JSON object.
 */
class OpenApiContractTest {

  /** The description as the server serves it (fragments included). */
  static String description() throws IOException {
    return new String(OpenApi.document(), StandardCharsets.UTF_8);
  }

  @Test
  void theDescriptionIsValidOpenApi() throws IOException {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setValidateInternalRefs(true);
    SwaggerParseResult result = new OpenAPIParser().readContents(description(), null, options);
    assertNotNull(result.getOpenAPI(), String.valueOf(result.getMessages()));
    assertEquals(List.of(), result.getMessages());
    assertEquals("3.1.0", result.getOpenAPI().getOpenapi());
  }

  @Test
  void everyOperationHasAUniqueOperationId() throws IOException {
    JsonNode paths = new ObjectMapper().readTree(description()).get("paths");
    List<String> ids = new ArrayList<>();
    paths
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(op -> ids.add(op.getValue().path("operationId").asText(""))));
    assertEquals(30, ids.size());
    assertTrue(ids.stream().noneMatch(String::isBlank), ids.toString());
    assertEquals(ids.size(), Set.copyOf(ids).size(), ids.toString());
  }

  @Test
  void recordsTheServerWritesHaveExactlyTheSchemasProperties() throws IOException {
    JsonNode schemas = new ObjectMapper().readTree(description()).get("components").get("schemas");
    for (Class<?> type :
        List.of(
            Hit.class,
            KwicLine.class,
            WrittenName.class,
            FacetValue.class,
            ConcordanceLine.class,
            org.dateline.search.SearchResponse.class,
            org.dateline.search.UnmatchedFilter.class,
            org.dateline.search.Suggestion.class,
            org.dateline.search.EntityService.EntitySummary.class,
            org.dateline.alert.AlertEvent.class,
            org.dateline.alert.AlertStatus.class)) {
      Set<String> fields = new TreeSet<>();
      for (RecordComponent c : type.getRecordComponents()) {
        fields.add(new PropertyNamingStrategies.SnakeCaseStrategy().translate(c.getName()));
      }
      Set<String> described = new TreeSet<>();
      schemas
          .get(type.getSimpleName())
          .get("properties")
          .fieldNames()
          .forEachRemaining(described::add);
      assertEquals(fields, described, type.getSimpleName());
    }
  }

  @Test
  void dateParametersHaveAPatternForTheFormsTheServerReads() throws IOException {
    JsonNode params =
        new ObjectMapper().readTree(description()).get("components").get("parameters");
    for (String name : List.of("from", "to")) {
      Pattern p = Pattern.compile(params.get(name).get("schema").get("pattern").asText());
      for (String ok : List.of("2019-02-23", "2019-02", "2019")) {
        assertTrue(p.matcher(ok).find(), name + " " + ok);
      }
      for (String bad : List.of("+999999999-01-01", "2019-2-3", "yesterday", "20190223")) {
        assertTrue(!p.matcher(bad).find(), name + " " + bad);
      }
    }
  }

  @Test
  void exportsAreDescribedAsTextNotAsOneJsonObject() throws IOException {
    JsonNode content =
        new ObjectMapper()
            .readTree(description())
            .at("/paths/~1api~1export/get/responses/200/content");
    content
        .properties()
        .forEach(
            type ->
                assertEquals("string", type.getValue().at("/schema/type").asText(), type.getKey()));
    JsonNode concordance =
        new ObjectMapper()
            .readTree(description())
            .at("/paths/~1api~1concordance/get/responses/200/content");
    assertEquals("string", concordance.at("/text~1csv/schema/type").asText());
  }
}
