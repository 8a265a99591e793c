package org.dateline.index;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dateline.enrich.entities.EntityType;

/**
 * How an {@link EntityCatalog.Entity} is written in the catalog file: a JSON array {@code [type,
 * canonical, documents, firstSeen, lastSeen, {spelling: mentions, ...}]}, without the id, which is
 * {@link EntityCatalog#id} of the type and canonical name. A catalog of format 2 wrote the id first
 * ({@code [id, type, ...]}, seven elements); it is read as written.
 */
final class EntityJson {

  private EntityJson() {}

  /** Writes an entity without its id. */
  static final class Writer extends JsonSerializer<EntityCatalog.Entity> {
    @Override
    public void serialize(EntityCatalog.Entity e, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeStartArray();
      gen.writeString(e.type().jsonName());
      gen.writeString(e.canonical());
      gen.writeNumber(e.documents());
      gen.writeString(e.firstSeen());
      gen.writeString(e.lastSeen());
      gen.writeStartObject();
      for (Map.Entry<String, Long> v :
          (e.variants() == null ? Map.<String, Long>of() : e.variants()).entrySet()) {
        gen.writeNumberField(v.getKey(), v.getValue());
      }
      gen.writeEndObject();
      gen.writeEndArray();
    }
  }

  /** Reads an entity of either format: with its id first (7 elements) or without (6). */
  static final class Reader extends JsonDeserializer<EntityCatalog.Entity> {
    @Override
    public EntityCatalog.Entity deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      if (!p.isExpectedStartArrayToken()) {
        return (EntityCatalog.Entity) ctxt.handleUnexpectedToken(EntityCatalog.Entity.class, p);
      }
      List<String> scalars = new ArrayList<>(6);
      Map<String, Long> variants = null;
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        if (t == JsonToken.START_OBJECT) {
          variants = new LinkedHashMap<>();
          for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            p.nextToken();
            variants.put(name, p.getLongValue());
          }
        } else if (t == null) {
          throw ctxt.wrongTokenException(p, EntityCatalog.Entity.class, JsonToken.END_ARRAY, "");
        } else {
          scalars.add(t == JsonToken.VALUE_NULL ? null : p.getText());
        }
      }
      if (variants == null && !scalars.isEmpty() && scalars.getLast() == null) {
        scalars.removeLast(); // no spellings, written as null
        variants = Map.of();
      }
      int at = scalars.size() - 5; // 1 with the id first (format 2), 0 without
      if ((at != 0 && at != 1) || variants == null) {
        throw ctxt.weirdStringException(
            scalars.toString(), EntityCatalog.Entity.class, "not an entity of the catalog");
      }
      EntityType type = EntityType.valueOf(scalars.get(at).toUpperCase(Locale.ROOT));
      String canonical = scalars.get(at + 1);
      String id = at == 1 ? scalars.get(0) : EntityCatalog.id(type, canonical);
      return new EntityCatalog.Entity(
          id,
          type,
          canonical,
          Long.parseLong(scalars.get(at + 2)),
          scalars.get(at + 3),
          scalars.get(at + 4),
          variants);
    }
  }
}
