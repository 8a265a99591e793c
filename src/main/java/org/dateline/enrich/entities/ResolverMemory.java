package org.dateline.enrich.entities;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * What entity resolution keeps between passes, so that new stories can be resolved against an
 * archive without reading it again: for each name key, how often each full spelling and each type
 * was seen, and every "Long Name (LN)" link between a name and its acronym, in the order met; and,
 * per outlet, which full names of people each first and last name was part of ({@link NameParts}).
 * It is what {@link EntityResolver} counts while it reads stories, nothing more: replaying it gives
 * the same groups, canonical names and types as reading the stories again. Value type; the maps are
 * not copied (large), so callers must not change them.
 *
 * @param parts outlet, then "first word" or "last word" (see {@link NameParts}), then each full
 *     name key it was part of and how often
 */
public record ResolverMemory(
    Map<String, KeyCounts> keys,
    List<Link> links,
    Map<String, Map<String, Map<String, Integer>>> parts) {

  /** Spellings (the full name as written) and recognised types counted for one name key. */
  @JsonFormat(shape = JsonFormat.Shape.ARRAY)
  @JsonPropertyOrder({"spellings", "types"})
  public record KeyCounts(Map<String, Integer> spellings, Map<EntityType, Integer> types) {}

  /** A name key and the key of an acronym defined for it in a story. */
  @JsonFormat(shape = JsonFormat.Shape.ARRAY)
  @JsonPropertyOrder({"name", "acronym"})
  public record Link(String name, String acronym) {}

  public ResolverMemory {
    keys = keys == null ? Map.of() : keys;
    links = links == null ? List.of() : links;
    parts = parts == null ? Map.of() : parts;
  }

  /** Nothing learned yet. */
  public static ResolverMemory empty() {
    return new ResolverMemory(Map.of(), List.of(), Map.of());
  }
}
