package org.dateline.index;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.dateline.enrich.Article;
import org.dateline.enrich.entities.EntityType;
import org.dateline.enrich.entities.Mention;
import org.dateline.enrich.entities.ResolverMemory;

/**
 * The archive's entities as the last {@link EntityPass} left them, kept in the index folder as
 * {@value #FILE_NAME}: per entity its id, type, canonical name, spellings with mention counts,
 * number of articles and first and last day; and the resolver's {@link ResolverMemory}, so the next
 * pass resolves only new articles. {@code generation} is the pass that wrote it; the index commit
 * of that pass records the same number ({@link ArticleIndex#ENTITY_CATALOG_KEY}), so a catalog that
 * does not match its index (a crash between the two) is noticed and rebuilt. Immutable value;
 * written atomically (temporary file, then a move).
 */
public record EntityCatalog(
    int format,
    long generation,
    String registry,
    long articles,
    int entityCount,
    List<Entity> entities,
    ResolverMemory memory) {

  public static final String FILE_NAME = "entities-catalog.json.gz";

  /**
   * The catalog as plain JSON, as indexes before issue 20 kept it (gzip takes Reuters' 5.0 MB to
   * 1.4): still read when there is no compressed one, deleted by the next write.
   */
  static final String PLAIN_FILE_NAME = "entities-catalog.json";

  /**
   * Bumped when the file's layout or the meaning of its counts changes. 2: the memory counts name
   * parts per outlet; 3: an entity's id is no longer written (it is the hash of its type and
   * canonical name, {@link #id}: 16 hexadecimal digits that gzip cannot shrink, a quarter of
   * Reuters' catalog, 1.31 -> 0.99 MB).
   */
  public static final int FORMAT = 3;

  /** The earlier format still read: the same but for each entity's id, written first. */
  static final int FORMAT_WITH_IDS = 2;

  private static boolean readable(int format) {
    return format == FORMAT || format == FORMAT_WITH_IDS;
  }

  /**
   * One entity: spellings as written (runs of spaces folded) with how many mentions use each.
   * Written as a JSON array (no field names), since the catalog holds one per entity; without its
   * id, which is read back as {@link #id} of the type and canonical name ({@link EntityJson}).
   */
  @JsonSerialize(using = EntityJson.Writer.class)
  @JsonDeserialize(using = EntityJson.Reader.class)
  public record Entity(
      String id,
      EntityType type,
      String canonical,
      long documents,
      String firstSeen,
      String lastSeen,
      Map<String, Long> variants) {}

  /** The fields before the entities, read without reading the rest. */
  public record Header(
      int format, long generation, String registry, long articles, int entityCount) {}

  /** What a server reads: the entities without the resolver's memory. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Entities(int format, long generation, List<Entity> entities) {}

  private static final int BUFFER_BYTES = 1 << 16;

  // Name keys and spellings are JSON object keys here, tens of thousands of them: not worth
  // interning in the parser's symbol table as it does for field names.
  private static final ObjectMapper JSON =
      new ObjectMapper(
              JsonFactory.builder().disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).build())
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
          .configure(JsonParser.Feature.AUTO_CLOSE_SOURCE, true);

  /**
   * One digest per thread: an entity's id is worked out for every entity when a catalog of format 3
   * is read (24,105 at Reuters) and for every mention an entity pass counts.
   */
  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("SHA-256 is part of every JVM", e);
            }
          });

  /**
   * The stable id of an entity: a hash of its type and canonical name (the first 8 bytes of the
   * SHA-256 of {@code type + "\n" + canonical}, in lowercase hexadecimal).
   */
  public static String id(EntityType type, String canonical) {
    byte[] d =
        SHA_256.get().digest((type.jsonName() + "\n" + canonical).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(d, 0, 8);
  }

  static String sha256(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  /**
   * The catalog file of {@code indexDir}: the compressed one, or else a plain one left from before.
   */
  public static Path file(Path indexDir) {
    Path gz = indexDir.resolve(FILE_NAME);
    Path plain = indexDir.resolve(PLAIN_FILE_NAME);
    return Files.notExists(gz) && Files.exists(plain) ? plain : gz;
  }

  private static InputStream open(Path indexDir) throws IOException {
    Path f = file(indexDir);
    InputStream in = Files.newInputStream(f);
    return f.getFileName().toString().equals(FILE_NAME)
        ? new GZIPInputStream(in, BUFFER_BYTES)
        : in;
  }

  /** The catalog of {@code indexDir}, or null when there is none or it cannot be read. */
  public static EntityCatalog read(Path indexDir) {
    try {
      EntityCatalog c = JSON.readValue(open(indexDir), EntityCatalog.class);
      return readable(c.format()) ? c : null;
    } catch (IOException e) {
      return null; // missing, cut short or of another layout: the pass rebuilds it
    }
  }

  /** The header of {@code indexDir}'s catalog, or null when there is none or it is unreadable. */
  public static Header readHeader(Path indexDir) {
    Map<String, String> fields = new HashMap<>();
    try (JsonParser p = JSON.getFactory().createParser(open(indexDir))) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME && !p.currentName().equals("entities")) {
        String name = p.currentName();
        if (p.nextToken().isScalarValue()) {
          fields.put(name, p.getText());
        } else {
          p.skipChildren();
        }
      }
      Header h =
          new Header(
              Integer.parseInt(fields.get("format")),
              Long.parseLong(fields.get("generation")),
              fields.get("registry"),
              Long.parseLong(fields.get("articles")),
              Integer.parseInt(fields.get("entityCount")));
      return readable(h.format()) ? h : null;
    } catch (IOException | RuntimeException e) {
      return null; // missing, cut short or of another layout: the pass rebuilds it
    }
  }

  /**
   * The entities of {@code indexDir}'s catalog, without the resolver memory; null when the folder
   * has no catalog.
   */
  public static Entities readEntities(Path indexDir) throws IOException {
    try {
      Entities e = JSON.readValue(open(indexDir), Entities.class);
      if (!readable(e.format())) {
        throw new IOException(
            file(indexDir)
                + " has format "
                + e.format()
                + ", this Dateline reads "
                + FORMAT
                + "; run: dateline entities apply");
      }
      return e;
    } catch (NoSuchFileException | java.io.FileNotFoundException e) {
      return null;
    }
  }

  /** Writes the catalog into {@code indexDir}: a reader sees the old file or the new, whole. */
  public void write(Path indexDir) throws IOException {
    Path tmp = Files.createTempFile(indexDir, "entities-catalog-", ".tmp");
    try {
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp), BUFFER_BYTES)) {
        JSON.writeValue(out, this);
      }
      try {
        Files.move(
            tmp,
            indexDir.resolve(FILE_NAME),
            StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, indexDir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING);
      }
      Files.deleteIfExists(indexDir.resolve(PLAIN_FILE_NAME));
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * The day an article was published as its outlet printed it (the stated offset's calendar day,
   * UTC when none is stated), as the entity endpoints report it; null if undated.
   */
  public static String day(Article a) {
    return a.date() == null ? null : a.date().localDay().toString();
  }

  /** Counts entities article by article; starts empty or from a catalog. Not thread-safe. */
  public static final class Tally {
    private final Map<String, Counts> byId = new HashMap<>();

    /** One entity's counts while they change. */
    private static final class Counts {
      final EntityType type;
      final String canonical;
      long documents;
      String first;
      String last;
      final Map<String, Long> variants = new LinkedHashMap<>();

      Counts(EntityType type, String canonical) {
        this.type = type;
        this.canonical = canonical;
      }

      void seen(String day) {
        if (day != null) {
          first = first == null || day.compareTo(first) < 0 ? day : first;
          last = last == null || day.compareTo(last) > 0 ? day : last;
        }
      }
    }

    public Tally() {}

    public Tally(EntityCatalog from) {
      for (Entity e : from.entities()) {
        Counts c = new Counts(e.type(), e.canonical());
        c.documents = e.documents();
        c.first = e.firstSeen();
        c.last = e.lastSeen();
        c.variants.putAll(e.variants());
        byId.put(e.id(), c);
      }
    }

    /** Counts the article's mentions in. */
    public void add(Article a) {
      String day = day(a);
      for (String id : tally(a.mentions(), 1)) {
        Counts c = byId.get(id);
        c.documents++;
        c.seen(day);
      }
    }

    /**
     * Counts the article's mentions out; returns the entities left with fewer articles (their first
     * and last day may be too wide now: see {@link #dates}).
     */
    public Set<String> remove(Article a) {
      Set<String> shrunk = tally(a.mentions(), -1);
      for (String id : shrunk) {
        byId.get(id).documents--;
      }
      return shrunk;
    }

    /** The ids of the entities the mentions name. */
    public static Set<String> ids(List<Mention> mentions) {
      Set<String> ids = new LinkedHashSet<>();
      for (Mention m : mentions) {
        ids.add(id(m.type(), m.canonical() == null ? m.text() : m.canonical()));
      }
      return ids;
    }

    private Set<String> tally(List<Mention> mentions, long sign) {
      Set<String> ids = new LinkedHashSet<>();
      for (Mention m : mentions) {
        String canonical = m.canonical() == null ? m.text() : m.canonical();
        String id = id(m.type(), canonical);
        Counts c = byId.computeIfAbsent(id, k -> new Counts(m.type(), canonical));
        c.variants.merge(
            m.text().replaceAll("\\s+", " "),
            sign,
            (was, plus) -> was + plus > 0 ? was + plus : null); // null: the spelling is gone
        ids.add(id);
      }
      return ids;
    }

    /** The type and canonical name of an entity counted here, for a query on its field. */
    public Entity peek(String id) {
      Counts c = byId.get(id);
      return c == null
          ? null
          : new Entity(id, c.type, c.canonical, c.documents, c.first, c.last, Map.of());
    }

    /** Sets an entity's first and last day (recounted from the index). */
    public void dates(String id, String first, String last) {
      Counts c = byId.get(id);
      c.first = first;
      c.last = last;
    }

    /** The entities with at least one article, most articles first, then by name. */
    public List<Entity> entities() {
      List<Entity> out = new ArrayList<>(byId.size());
      byId.forEach(
          (id, c) -> {
            if (c.documents > 0) {
              out.add(
                  new Entity(id, c.type, c.canonical, c.documents, c.first, c.last, c.variants));
            }
          });
      out.sort(
          Comparator.comparingLong((Entity e) -> -e.documents())
              .thenComparing(Entity::canonical)
              .thenComparing(Entity::id));
      return out;
    }
  }
}
