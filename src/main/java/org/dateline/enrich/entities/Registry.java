package org.dateline.enrich.entities;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Corrections a person makes to the entities, kept as plain JSON ({@value #FILE_NAME} in the index
 * folder) and re-applied after every indexing run and by {@code dateline entities apply}:
 *
 * <ul>
 *   <li>{@code merge}: these spellings are one entity, with this canonical name and type (the
 *       shipped alias list, {@code aliases.json}, uses the same form);
 *   <li>{@code split}: these names stay entities of their own, whatever the variant rules say;
 *   <li>{@code rename}: canonical name → the name to show instead;
 *   <li>{@code retype}: canonical or written name → person, organization or place;
 *   <li>{@code suppress}: names (written or canonical) that are not entities at all.
 * </ul>
 *
 * Immutable.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Registry(
    List<Merge> merge,
    List<String> split,
    Map<String, String> rename,
    Map<String, EntityType> retype,
    List<String> suppress) {

  public static final String FILE_NAME = "entities-registry.json";

  /** One entity under several names. */
  public record Merge(String canonical, EntityType type, List<String> variants) {
    public Merge {
      variants = variants == null ? List.of() : List.copyOf(variants);
    }
  }

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
          .configure(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL, false);

  public Registry {
    merge = merge == null ? List.of() : List.copyOf(merge);
    split = split == null ? List.of() : List.copyOf(split);
    rename = rename == null ? Map.of() : Map.copyOf(rename);
    retype = retype == null ? Map.of() : Map.copyOf(retype);
    suppress = suppress == null ? List.of() : List.copyOf(suppress);
  }

  public static Registry empty() {
    return new Registry(null, null, null, null, null);
  }

  /**
   * The alias list Dateline ships (Daesh / IS / ISIS / Islamic State, U.S. / United States, ...).
   */
  public static Registry shipped() {
    return Shipped.LIST;
  }

  /** Loaded once, on first use. */
  private static final class Shipped {
    static final Registry LIST = load();
  }

  private static Registry load() {
    try (InputStream in = Registry.class.getResourceAsStream("aliases.json")) {
      return JSON.readValue(in, Registry.class);
    } catch (IOException e) {
      throw new UncheckedIOException("the shipped alias list is unreadable", e);
    }
  }

  /** The registry of an index folder; empty when the folder has none. */
  public static Registry read(Path indexDir) throws IOException {
    Path file = indexDir.resolve(FILE_NAME);
    if (!Files.exists(file)) {
      return empty();
    }
    try {
      return JSON.readValue(file.toFile(), Registry.class);
    } catch (IOException e) {
      throw new IOException(
          file
              + " is not a valid entity registry: "
              + e.getMessage()
              + " (fields: merge, split, rename, retype, suppress; types: person, organization, place)",
          e);
    }
  }

  public void write(Path indexDir) throws IOException {
    Files.writeString(indexDir.resolve(FILE_NAME), JSON.writeValueAsString(this));
  }

  /**
   * A digest of every entry (maps in key order), so a pass can tell whether the registry changed
   * since the entities were last resolved.
   */
  public String fingerprint() {
    try {
      byte[] json =
          JSON.writer()
              .with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
              .writeValueAsBytes(this);
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(json));
    } catch (IOException | java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("a registry always serialises", e);
    }
  }

  /** This registry's entries after {@code base}'s (a user's registry extends the shipped list). */
  public Registry over(Registry base) {
    List<Merge> m = new ArrayList<>(base.merge);
    m.addAll(merge);
    List<String> sp = new ArrayList<>(base.split);
    sp.addAll(split);
    Map<String, String> rn = new LinkedHashMap<>(base.rename);
    rn.putAll(rename);
    Map<String, EntityType> rt = new LinkedHashMap<>(base.retype);
    rt.putAll(retype);
    List<String> su = new ArrayList<>(base.suppress);
    su.addAll(suppress);
    return new Registry(m, sp, rn, rt, su);
  }
}
