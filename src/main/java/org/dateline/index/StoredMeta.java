package org.dateline.index;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import org.dateline.enrich.Article;
import org.dateline.enrich.entities.EntityType;
import org.dateline.enrich.entities.Mention;

/**
 * An article's metadata as the index stored it up to schema 9 ({@link Schema#META}; since schema 10
 * {@link CompactMeta}): JSON of the article without what other stored fields hold (its text is the
 * body, its id the id field), its mentions as {@link StoredMentions} wrote them (schema 8: no text
 * the body holds), the entities by type only where the mentions do not give them, and the
 * recogniser's own mentions only where the entity pass changed them (read back, they are the
 * mentions). Every older form reads as well. Thread-safe.
 */
final class StoredMeta {

  private static final ObjectMapper READER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .registerModule(new SimpleModule().addDeserializer(Mention.class, new MentionReader()))
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private StoredMeta() {}

  /**
   * The article schema 9 or before stored, without its text; {@code body} and {@code id} as stored.
   */
  static Article read(String json, String body, String id) throws JsonProcessingException {
    ObjectNode meta = (ObjectNode) READER.readTree(json);
    if (!meta.has("id")) {
      meta.put("id", id);
    }
    boolean namesFromMentions = !meta.has("entities");
    if (namesFromMentions) {
      meta.putObject("entities");
    }
    if (meta.get("mentions") instanceof ArrayNode mentions) {
      StoredMentions.expand(mentions, null, body);
      if (meta.get("recognised") instanceof ArrayNode recognised) {
        StoredMentions.expand(recognised, mentions, body);
      }
    }
    Article article = READER.treeToValue(meta, Article.class);
    return namesFromMentions
        ? article.withEntities(Article.namesOf(article.mentions()), article.mentions())
        : article;
  }

  /** A mention from its array form or from the object form of older indexes. */
  private static final class MentionReader extends StdDeserializer<Mention> {

    MentionReader() {
      super(Mention.class);
    }

    @Override
    public Mention deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode n = p.readValueAsTree();
      boolean array = n.isArray();
      JsonNode text = array ? n.get(0) : n.get("text");
      JsonNode type = array ? n.get(1) : n.get("type");
      JsonNode start = array ? n.get(2) : n.get("start");
      JsonNode end = array ? n.get(3) : n.get("end");
      JsonNode canonical = array ? n.get(4) : n.get("canonical");
      return new Mention(
          text == null || text.isNull() ? null : text.asText(),
          type == null || type.isNull() ? null : ctxt.readTreeAsValue(type, EntityType.class),
          start == null ? 0 : start.asInt(),
          end == null ? 0 : end.asInt(),
          canonical == null || canonical.isNull() ? null : canonical.asText());
    }
  }
}
