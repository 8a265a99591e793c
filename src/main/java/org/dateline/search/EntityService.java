package org.dateline.search;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.dateline.enrich.entities.EntityType;
import org.dateline.enrich.entities.NameKey;
import org.dateline.index.EntityCatalog;
import org.dateline.index.Schema;
import org.dateline.search.facet.FacetSearcher;
import org.dateline.search.facet.FacetValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archive's entities: autocomplete, one entity's variants, co-occurring entities and dates, and
 * expansion of a name query to its variants. Served from the index folder's entity catalog ({@link
 * EntityCatalog}, written by each entity pass), read again whenever the file changes; one entity's
 * articles and co-occurring entities come from a query on its facet field. Memory: the catalog's
 * entities and nothing per article. Thread-safe.
 */
public final class EntityService {

  private static final Logger LOG = LoggerFactory.getLogger(EntityService.class);

  /** An entity in a list: its id (stable for a type and canonical name) and document count. */
  public record EntitySummary(String id, EntityType type, String canonical, long documents) {}

  /** A spelling and how many mentions use it. */
  public record Variant(String text, long mentions) {}

  /** Another entity named in the same articles, and in how many. */
  public record Cooccurrence(String id, EntityType type, String canonical, long documents) {}

  /** One entity in full. */
  public record EntityDetail(
      String id,
      EntityType type,
      String canonical,
      long documents,
      List<Variant> variants,
      List<Cooccurrence> cooccurring,
      String firstSeen,
      String lastSeen) {}

  public static final int DEFAULT_LIMIT = 10;
  public static final int MAX_LIMIT = 1000;
  private static final int MAX_COOCCURRING = 50;
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

  /** Two words or more of letters (and the marks, hyphens, apostrophes and dots of names). */
  private static final Pattern PLAIN_NAME =
      Pattern.compile("\\p{L}[\\p{L}\\p{M}.'’-]*(\\s+\\p{L}[\\p{L}\\p{M}.'’-]*)+");

  private static final Pattern OPERATOR = Pattern.compile("\\b(AND|OR|NOT|TO)\\b");

  /** One word or more of letters (and the marks, hyphens, apostrophes and dots of names). */
  private static final Pattern NAME =
      Pattern.compile("\\p{L}[\\p{L}\\p{M}.'’-]*(\\s+\\p{L}[\\p{L}\\p{M}.'’-]*)*");

  private final CrossScriptSpellings otherScripts = new CrossScriptSpellings();

  private final SearchService search;

  /** The catalog last read, and the file attributes it was read with. */
  private Catalog cached = Catalog.EMPTY;

  private Object cachedStamp;

  public EntityService(SearchService search) {
    this.search = search;
  }

  /** The stable id of an entity: a hash of its type and canonical name. */
  public static String id(EntityType type, String canonical) {
    return EntityCatalog.id(type, canonical);
  }

  /**
   * Entities whose name or a word of it (or a variant) starts with {@code prefix}, most documents
   * first.
   */
  public List<EntitySummary> list(EntityType type, String prefix, int limit) throws IOException {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    String p = prefix == null ? "" : prefix.strip().toLowerCase(Locale.ROOT);
    // the catalog lists entities most documents first, then by name
    return search.withSearcher(this::catalogFor).entities.stream()
        .filter(e -> type == null || e.type() == type)
        .filter(e -> p.isEmpty() || matches(e, p))
        .limit(limit)
        .map(e -> new EntitySummary(e.id(), e.type(), e.canonical(), e.documents()))
        .toList();
  }

  /** One entity, or null when no entity has this id. */
  public EntityDetail detail(String id) throws IOException {
    return search.withSearcher(
        searcher -> {
          EntityCatalog.Entity e = catalogFor(searcher).byId.get(id);
          if (e == null) {
            return null;
          }
          List<Variant> variants =
              e.variants().entrySet().stream()
                  .sorted(
                      Map.Entry.<String, Long>comparingByValue()
                          .reversed()
                          .thenComparing(Map.Entry.comparingByKey()))
                  .map(x -> new Variant(x.getKey(), x.getValue()))
                  .toList();
          return new EntityDetail(
              e.id(),
              e.type(),
              e.canonical(),
              e.documents(),
              variants,
              cooccurring(searcher, e),
              e.firstSeen(),
              e.lastSeen());
        });
  }

  /** Entities named in the articles that name {@code e}: facet counts over a drill-down on it. */
  private static List<Cooccurrence> cooccurring(IndexSearcher searcher, EntityCatalog.Entity e)
      throws IOException {
    FacetSearcher fs = (FacetSearcher) searcher;
    if (!fs.hasFacets()) {
      return List.of();
    }
    DrillDownQuery q = new DrillDownQuery(Schema.facetsConfig());
    q.add(e.type().jsonName(), e.canonical());
    FacetsCollector hits = searcher.search(q, new FacetsCollectorManager());
    Facets counts = fs.counts(hits);
    List<Cooccurrence> out = new ArrayList<>();
    for (EntityType type : EntityType.values()) {
      // one more than needed: the entity itself is among its own dimension's top values
      for (FacetValue v : FacetValue.top(counts, type.jsonName(), MAX_COOCCURRING + 1)) {
        if (type != e.type() || !v.value().equals(e.canonical())) {
          out.add(new Cooccurrence(id(type, v.value()), type, v.value(), v.count()));
        }
      }
    }
    out.sort(
        Comparator.comparingLong((Cooccurrence c) -> -c.documents())
            .thenComparing(Cooccurrence::canonical));
    return out.size() > MAX_COOCCURRING ? List.copyOf(out.subList(0, MAX_COOCCURRING)) : out;
  }

  /**
   * The query with each name in it (the whole query, or a quoted phrase) replaced by all its
   * spellings in the archive: {@code "Mostafa Bali"} becomes {@code ("Mostafa Bali" OR "Mustafa
   * Bali" OR "Mostefa Bali")}. Surname-only references are left out (they would match other
   * people). A name is also spelled in the other scripts the archive's words are written in ({@link
   * CrossScriptSpellings}): {@code Baghouz} becomes {@code ("Baghouz" OR "الباغوز")}.
   */
  public String expand(String query) throws IOException {
    if (query == null || query.isBlank()) {
      return query;
    }
    return search.withSearcher(searcher -> expand(searcher, query, true));
  }

  /**
   * As {@link #expand}, with the catalog's spellings only: what every search's suggestions use (the
   * other scripts' spellings are worked out only when variants are asked for).
   */
  String expandFromCatalog(String query) throws IOException {
    if (query == null || query.isBlank()) {
      return query;
    }
    return search.withSearcher(searcher -> expand(searcher, query, false));
  }

  private String expand(IndexSearcher searcher, String query, boolean scripts) throws IOException {
    Catalog c = catalogFor(searcher);
    IndexReader reader = searcher.getIndexReader();
    String whole = query.strip();
    String bare =
        whole.startsWith("\"") && whole.endsWith("\"") && whole.length() > 1
            ? whole.substring(1, whole.length() - 1)
            : whole;
    if (!bare.contains("\"")) {
      String expanded = withOtherScripts(reader, bare, c.expansion(bare), scripts);
      if (expanded != null) {
        return expanded;
      }
    }
    Matcher m = QUOTED.matcher(query);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String expanded = withOtherScripts(reader, m.group(1), c.expansion(m.group(1)), scripts);
      m.appendReplacement(out, Matcher.quoteReplacement(expanded != null ? expanded : m.group()));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * {@code expanded} (the catalog's spellings of {@code name}, or null) with the name's spellings
   * in other scripts OR-ed to it; null when there are neither.
   */
  private String withOtherScripts(IndexReader reader, String name, String expanded, boolean scripts)
      throws IOException {
    if (!scripts || !NAME.matcher(name.strip()).matches() || OPERATOR.matcher(name).find()) {
      return expanded;
    }
    List<String> others = otherScripts.spellings(reader, name);
    if (others.isEmpty()) {
      return expanded;
    }
    List<String> all = new ArrayList<>();
    all.add(expanded != null ? expanded : "\"" + name.strip() + "\"");
    all.addAll(others);
    return "(" + String.join(" OR ", all) + ")";
  }

  /**
   * The entity a whole query names, typed as plain words ({@code Tony Blair}, no quotes or
   * operators, two words or more), or null when it names none or several.
   */
  public EntitySummary named(String query) throws IOException {
    String q = query == null ? "" : query.strip();
    if (!plainName(q)) {
      return null;
    }
    Catalog c = search.withSearcher(this::catalogFor);
    List<EntityCatalog.Entity> found = c.byKey.get(NameKey.of(q));
    if (found == null || found.size() != 1) {
      return null;
    }
    EntityCatalog.Entity e = found.get(0);
    return new EntitySummary(e.id(), e.type(), e.canonical(), e.documents());
  }

  /** Whether {@code q} is two words or more typed as a name: no quotes, operators or syntax. */
  static boolean plainName(String q) {
    return PLAIN_NAME.matcher(q).matches() && !OPERATOR.matcher(q).find();
  }

  /**
   * The canonical name of the one entity of dimension {@code dim} (person, organization, place)
   * that {@code name} spells: the same name key ("Mustafa Bali", "mustafa bali"), else, for a name
   * of two words or more, the same consonant skeleton ("Mostafa Bali"); null when none or more than
   * one entity fits.
   */
  public String canonical(String dim, String name) throws IOException {
    Catalog c = search.withSearcher(this::catalogFor);
    String key = NameKey.of(name);
    EntityCatalog.Entity e = only(c.byKey.get(key), dim);
    if (e == null && key.contains(" ")) {
      // vowels alone told apart: only for full names, where a skeleton is rarely shared
      e = only(c.bySkeleton.get(NameKey.skeleton(key)), dim);
    }
    return e == null ? null : e.canonical();
  }

  private static EntityCatalog.Entity only(List<EntityCatalog.Entity> candidates, String dim) {
    if (candidates == null) {
      return null;
    }
    List<EntityCatalog.Entity> ofDim =
        candidates.stream().filter(e -> e.type().jsonName().equals(dim)).toList();
    return ofDim.size() == 1 ? ofDim.get(0) : null;
  }

  /** The catalog of the searcher's index folder, read again when the file has changed. */
  private synchronized Catalog catalogFor(IndexSearcher searcher) throws IOException {
    Path dir = indexDir(searcher.getIndexReader());
    if (dir == null) {
      return Catalog.EMPTY;
    }
    Object stamp = stamp(dir);
    if (stamp == null) {
      cached = Catalog.EMPTY;
    } else if (!stamp.equals(cachedStamp)) {
      cached = read(dir);
    }
    cachedStamp = stamp;
    return cached;
  }

  /**
   * What tells one version of the catalog file from another ({@link EntityCatalog#file}: the
   * compressed one, else a plain one left from before), or null when there is neither. When the
   * compressed file is there (the common case) that is one {@code stat} on every request that asks
   * for a name, where asking {@link EntityCatalog#file} first took two more; a missing file is
   * answered without an exception (an index without entities asks on every request too).
   */
  private static Object stamp(Path dir) throws IOException {
    BasicFileAttributes a = attributesIfExists(dir.resolve(EntityCatalog.FILE_NAME));
    if (a == null) {
      a = attributesIfExists(EntityCatalog.file(dir));
    }
    if (a == null) {
      return null; // an index without entities (or not yet resolved)
    }
    return List.of(String.valueOf(a.fileKey()), a.lastModifiedTime(), a.size());
  }

  /** The file's attributes, or null when there is no such file. */
  private static BasicFileAttributes attributesIfExists(Path file) throws IOException {
    return file.getFileSystem().provider().readAttributesIfExists(file, BasicFileAttributes.class);
  }

  /** The catalog file's entities; none (and a line on stderr) when it cannot be read. */
  private static Catalog read(Path dir) {
    try {
      EntityCatalog.Entities read = EntityCatalog.readEntities(dir);
      return read == null ? Catalog.EMPTY : new Catalog(read.entities());
    } catch (IOException e) {
      LOG.warn(
          "the entity catalog cannot be read ({}); entities are listed again after"
              + " 'dateline entities apply'",
          e.getMessage());
      return Catalog.EMPTY;
    }
  }

  private static Path indexDir(IndexReader reader) {
    if (reader instanceof DirectoryReader dr
        && FilterDirectory.unwrap(dr.directory()) instanceof FSDirectory fs) {
      return fs.getDirectory();
    }
    return null;
  }

  private static boolean matches(EntityCatalog.Entity e, String prefix) {
    if (startsWord(e.canonical(), prefix)) {
      return true;
    }
    return e.variants().keySet().stream().anyMatch(v -> startsWord(v, prefix));
  }

  private static boolean startsWord(String name, String prefix) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.startsWith(prefix)) {
      return true;
    }
    for (String w : n.split("[\\s\\-]+")) {
      if (w.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** The entities of one catalog file, by id and by the name keys of their spellings. */
  private static final class Catalog {
    static final Catalog EMPTY = new Catalog(List.of());

    final List<EntityCatalog.Entity> entities;
    final Map<String, EntityCatalog.Entity> byId = new HashMap<>();
    final Map<String, List<EntityCatalog.Entity>> byKey = new HashMap<>();
    final Map<String, List<EntityCatalog.Entity>> bySkeleton = new HashMap<>();

    Catalog(List<EntityCatalog.Entity> entities) {
      this.entities = entities;
      for (EntityCatalog.Entity e : entities) {
        byId.put(e.id(), e);
        Set<String> keys = new LinkedHashSet<>();
        keys.add(NameKey.of(e.canonical()));
        e.variants().keySet().forEach(v -> keys.add(NameKey.of(v)));
        keys.forEach(k -> byKey.computeIfAbsent(k, x -> new ArrayList<>(1)).add(e));
        Set<String> skeletons = new LinkedHashSet<>();
        keys.forEach(k -> skeletons.add(NameKey.skeleton(k)));
        skeletons.forEach(k -> bySkeleton.computeIfAbsent(k, x -> new ArrayList<>(1)).add(e));
      }
    }

    /** The OR of every spelling of the entity named {@code name}, or null when none is. */
    String expansion(String name) {
      List<EntityCatalog.Entity> found = byKey.get(NameKey.of(name));
      if (found == null || found.size() != 1) {
        return null;
      }
      EntityCatalog.Entity e = found.get(0);
      Set<String> spellings = new LinkedHashSet<>();
      spellings.add(name.strip());
      spellings.add(e.canonical());
      List<String> canonicalWords = NameKey.words(NameKey.of(e.canonical()));
      for (String v : e.variants().keySet()) {
        boolean surnameOnly =
            !v.contains(" ") && canonicalWords.size() > 1 && canonicalWords.contains(NameKey.of(v));
        if (!surnameOnly) {
          spellings.add(v);
        }
      }
      List<String> quoted = spellings.stream().map(s -> "\"" + s.replace("\"", "") + "\"").toList();
      return quoted.size() == 1 ? quoted.get(0) : "(" + String.join(" OR ", quoted) + ")";
    }
  }
}
