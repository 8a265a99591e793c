package org.dateline.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * An article's mentions as schema 8 and 9 stored them in the meta JSON (issue 20, disk; read by
 * {@link StoredMeta}, written since schema 10 by {@link CompactMeta}): what the stored body already
 * holds is not stored again.
 *
 * <ul>
 *   <li>A mention is {@code [start,end,"type"]}, then its canonical name ({@code null} unresolved,
 *       {@code 0} the same as its text), then its text only where the body does not hold it at the
 *       mention's offsets; trailing defaults are left out: {@code [0,13,"person",0]} is "Ronald
 *       Reagan" resolved to itself.
 *   <li>A recognised mention that is one of the mentions without its canonical name is that
 *       mention's index ({@code 3}); the entity pass resolves nearly every recognised mention, so
 *       both lists were stored in full before.
 * </ul>
 *
 * The array form of schema 7 (text first) and the object form before it still read. Thread-safe.
 */
final class StoredMentions {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private StoredMentions() {}

  /**
   * Rewrites a stored {@code mentions} (or {@code recognised}, with {@code mentions} already
   * expanded) array in place into the schema 7 form {@code ["text","type",start,end,canonical]}
   * that {@link StoredMeta}'s reader takes.
   */
  static void expand(ArrayNode stored, ArrayNode mentions, String body) {
    for (int i = 0; i < stored.size(); i++) {
      JsonNode n = stored.get(i);
      if (n.isIntegralNumber() && mentions != null && n.asInt() < mentions.size()) {
        ArrayNode unresolved = ((ArrayNode) mentions.get(n.asInt())).deepCopy();
        unresolved.set(4, NODES.nullNode());
        stored.set(i, unresolved);
      } else if (n.isArray() && n.size() >= 3 && n.get(0).isNumber()) {
        stored.set(i, expand(n, body));
      }
    }
  }

  private static ArrayNode expand(JsonNode n, String body) {
    int start = n.get(0).asInt();
    int end = n.get(1).asInt();
    JsonNode stated = n.get(4);
    String text =
        stated == null ? slice(body, start, end) : stated.isNull() ? null : stated.asText();
    JsonNode canonical = n.get(3);
    ArrayNode out = NODES.arrayNode(5);
    out.add(text).add(n.get(2)).add(start).add(end);
    if (canonical == null || canonical.isNull()) {
      out.addNull();
    } else if (canonical.isNumber()) {
      out.add(text);
    } else {
      out.add(canonical);
    }
    return out;
  }

  /** The body's characters at a mention's offsets, or null where they are not all in it. */
  private static String slice(String body, int start, int end) {
    return body == null || start < 0 || end < start || end > body.length()
        ? null
        : body.substring(start, end);
  }
}
