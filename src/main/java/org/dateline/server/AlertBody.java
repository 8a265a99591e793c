package org.dateline.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dateline.alert.AlertSpec;
import org.dateline.alert.AtomFeed;
import org.dateline.alert.DigestPeriod;
import org.dateline.search.BadRequestException;

/**
 * Reads the JSON body of {@code POST /api/alerts} and {@code PATCH /api/alerts/{id}}: {@code name,
 * q, filters {dim: value or [values]}, from, to, webhook_url, backfill_days, digest}. A PATCH
 * changes the fields it names and keeps the others ({@code null} removes a webhook or a date).
 * Unknown fields are refused, so a misspelt one is not silently ignored.
 */
final class AlertBody {

  private static final Set<String> FIELDS =
      Set.of("name", "q", "filters", "from", "to", "webhook_url", "backfill_days", "digest");

  private static final ObjectMapper JSON = new ObjectMapper();

  private AlertBody() {}

  /** The spec of {@code body}, its missing fields taken from {@code base} (null: none). */
  static AlertSpec read(String body, AlertSpec base) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      root = null;
    }
    if (root == null || !root.isObject()) {
      throw new BadRequestException(
          "send the alert as a JSON object: {\"name\": ..., \"q\": ..., \"filters\": {\"outlet\":"
              + " [...]}, \"from\": ..., \"to\": ..., \"webhook_url\": ..., \"backfill_days\": N,"
              + " \"digest\": \"hourly\"}");
    }
    for (String field : (Iterable<String>) root::fieldNames) {
      if (!FIELDS.contains(field)) {
        throw new BadRequestException(
            "unknown field '"
                + field
                + "'; an alert has "
                + String.join(", ", FIELDS.stream().sorted().toList()));
      }
    }
    AlertSpec b = base == null ? new AlertSpec(null, null, null, null, null, null, 0, null) : base;
    String q = root.has("q") ? text(root, "q") : b.query();
    return new AlertSpec(
        root.has("name") ? text(root, "name") : base == null ? null : b.name(),
        q,
        root.has("filters") ? filters(root.get("filters")) : b.filters(),
        root.has("from") ? SearchParams.day(text(root, "from"), "from", true) : b.from(),
        root.has("to") ? SearchParams.day(text(root, "to"), "to", false) : b.to(),
        root.has("webhook_url") ? text(root, "webhook_url") : b.webhookUrl(),
        root.has("backfill_days") ? days(root.get("backfill_days")) : b.backfillDays(),
        root.has("digest") ? DigestPeriod.of(text(root, "digest")) : b.digest());
  }

  private static String text(JsonNode root, String field) {
    JsonNode v = root.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new BadRequestException(field + " must be a string");
    }
    return writable(field, v.asText());
  }

  /**
   * {@code text}, when every character of it can be written in an Atom feed (XML 1.0) and a JSON
   * answer as it is: no control character but tab and line breaks, no noncharacter U+FFFE/U+FFFF,
   * no half of a surrogate pair. Otherwise the feed of the alert is not XML a reader can parse.
   */
  static String writable(String field, String text) {
    int bad = AtomFeed.firstUnwritable(text);
    if (bad >= 0) {
      throw new BadRequestException(
          field
              + " has a character that cannot be shown (U+"
              + String.format(java.util.Locale.ROOT, "%04X", (int) text.charAt(bad))
              + ", at position "
              + (bad + 1)
              + "): remove it");
    }
    return text;
  }

  private static int days(JsonNode v) {
    if (v.isNull()) {
      return 0;
    }
    if (!v.canConvertToInt() || !v.isIntegralNumber()) {
      throw new BadRequestException("backfill_days must be a whole number of days");
    }
    return v.asInt();
  }

  private static Map<String, List<String>> filters(JsonNode node) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isObject()) {
      throw new BadRequestException(
          "filters must be an object such as {\"outlet\": [\"Reuters\"], \"person\": \"...\"}");
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      List<String> values = new ArrayList<>();
      JsonNode v = e.getValue();
      if (v.isTextual()) {
        values.add(v.asText());
      } else if (v.isArray()) {
        for (JsonNode item : v) {
          if (!item.isTextual()) {
            throw new BadRequestException("filter '" + e.getKey() + "' values must be strings");
          }
          values.add(item.asText());
        }
      } else {
        throw new BadRequestException(
            "filter '" + e.getKey() + "' must be a string or a list of strings");
      }
      out.put(e.getKey(), values);
    }
    SearchParams.boundFilters(out);
    return out;
  }
}
