package org.dateline.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;
import org.dateline.enrich.Article;
import org.dateline.enrich.entities.EntityType;
import org.dateline.enrich.entities.Mention;
import org.dateline.enrich.entities.NameKey;
import org.dateline.index.Schema;

/**
 * The archive's entities: autocomplete, one entity's variants, co-occurring entities and dates, and
 * expansion of a name query to its variants. Built from the stored articles once per index version
 * and cached until the searcher changes. Thread-safe.
 */
public final class EntityService {

  /** An entity in a list: its id (stable for a type and canonical name) and document count. */
  public record EntitySummary(String id, EntityType type, String canonical, long documents) {}

  /** A spelling and how many mentions use it. */
  public record Variant(String text, long mentions) {}

  /** Another entity named in the same articles, and in how many. */
  public record Cooccurrence(String id, EntityType type, String canonical, long documents) {}

  /** One entity in full. */
  public record EntityDetail(String id, EntityType type, String canonical, long documents,
      List<Variant> variants, List<Cooccurrence> cooccurring, String firstSeen, String lastSeen) {}

  public static final int DEFAULT_LIMIT = 10;
  public static final int MAX_LIMIT = 1000;
  private static final int MAX_COOCCURRING = 50;
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

  private final SearchService search;
  private Object cachedKey;
  private Catalog cached;

  public EntityService(SearchService search) {
    this.search = search;
  }

  /** The stable id of an entity: a hash of its type and canonical name. */
  public static String id(EntityType type, String canonical) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256")
          .digest((type.jsonName() + "\n" + canonical).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  /** Entities whose name or a word of it (or a variant) starts with {@code prefix}, most documents first. */
  public List<EntitySummary> list(EntityType type, String prefix, int limit) throws IOException {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    String p = prefix == null ? "" : prefix.strip().toLowerCase(Locale.ROOT);
    return catalog().entities.values().stream()
        .filter(e -> type == null || e.type == type)
        .filter(e -> p.isEmpty() || e.matches(p))
        .sorted(Comparator.comparingLong((Entry e) -> -e.docs.size()).thenComparing(e -> e.canonical))
        .limit(limit)
        .map(Entry::summary)
        .toList();
  }

  /** One entity, or null when no entity has this id. */
  public EntityDetail detail(String id) throws IOException {
    Catalog c = catalog();
    Entry e = c.entities.get(id);
    if (e == null) {
      return null;
    }
    Map<String, Long> with = new HashMap<>();
    for (int doc : e.docs) {
      for (String other : c.byDoc.get(doc)) {
        if (!other.equals(id)) {
          with.merge(other, 1L, Long::sum);
        }
      }
    }
    List<Cooccurrence> co = with.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
            .thenComparing(x -> c.entities.get(x.getKey()).canonical))
        .limit(MAX_COOCCURRING)
        .map(x -> {
          Entry o = c.entities.get(x.getKey());
          return new Cooccurrence(o.id, o.type, o.canonical, x.getValue());
        })
        .toList();
    List<Variant> variants = e.variants.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .map(x -> new Variant(x.getKey(), x.getValue()))
        .toList();
    return new EntityDetail(e.id, e.type, e.canonical, e.docs.size(), variants, co, e.first, e.last);
  }

  /**
   * The query with each name in it (the whole query, or a quoted phrase) replaced by all its
   * spellings in the archive: {@code "Mostafa Bali"} becomes {@code ("Mostafa Bali" OR "Mustafa Bali"
   * OR "Mostefa Bali")}. Surname-only references are left out (they would match other people).
   */
  public String expand(String query) throws IOException {
    if (query == null || query.isBlank()) {
      return query;
    }
    Catalog c = catalog();
    String whole = query.strip();
    String bare = whole.startsWith("\"") && whole.endsWith("\"") && whole.length() > 1
        ? whole.substring(1, whole.length() - 1) : whole;
    if (!bare.contains("\"")) {
      String expanded = c.expansion(bare);
      if (expanded != null) {
        return expanded;
      }
    }
    Matcher m = QUOTED.matcher(query);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String expanded = c.expansion(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(expanded != null ? expanded : m.group()));
    }
    m.appendTail(out);
    return out.toString();
  }

  private Catalog catalog() throws IOException {
    return search.withSearcher(this::catalogFor);
  }

  private synchronized Catalog catalogFor(IndexSearcher searcher) throws IOException {
    IndexReader reader = searcher.getIndexReader();
    Object key = reader.getReaderCacheHelper() == null ? reader : reader.getReaderCacheHelper().getKey();
    if (cached == null || cachedKey != key) {
      cached = Catalog.build(reader);
      cachedKey = key;
    }
    return cached;
  }

  /** One entity's aggregate. */
  private static final class Entry {
    final String id;
    final EntityType type;
    final String canonical;
    final Set<Integer> docs = new LinkedHashSet<>();
    final Map<String, Long> variants = new LinkedHashMap<>();
    String first;
    String last;

    Entry(EntityType type, String canonical) {
      this.id = EntityService.id(type, canonical);
      this.type = type;
      this.canonical = canonical;
    }

    boolean matches(String prefix) {
      if (startsWord(canonical, prefix)) {
        return true;
      }
      return variants.keySet().stream().anyMatch(v -> startsWord(v, prefix));
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

    EntitySummary summary() {
      return new EntitySummary(id, type, canonical, docs.size());
    }

    void seen(String date) {
      if (date == null) {
        return;
      }
      String day = date.length() >= 10 ? date.substring(0, 10) : date;
      if (first == null || day.compareTo(first) < 0) {
        first = day;
      }
      if (last == null || day.compareTo(last) > 0) {
        last = day;
      }
    }
  }

  /** Every entity of one index version. */
  private static final class Catalog {
    final Map<String, Entry> entities = new HashMap<>();
    final List<Set<String>> byDoc = new ArrayList<>();
    final Map<String, List<Entry>> byKey = new HashMap<>();

    static Catalog build(IndexReader reader) throws IOException {
      Catalog c = new Catalog();
      for (LeafReaderContext leaf : reader.leaves()) {
        StoredFields stored = leaf.reader().storedFields();
        Bits live = leaf.reader().getLiveDocs();
        for (int d = 0; d < leaf.reader().maxDoc(); d++) {
          if (live == null || live.get(d)) {
            c.add(Schema.toArticle(stored.document(d)));
          }
        }
      }
      for (Entry e : c.entities.values()) {
        c.byKey.computeIfAbsent(NameKey.of(e.canonical), k -> new ArrayList<>()).add(e);
        for (String v : e.variants.keySet()) {
          c.byKey.computeIfAbsent(NameKey.of(v), k -> new ArrayList<>()).add(e);
        }
      }
      return c;
    }

    private void add(Article a) {
      int doc = byDoc.size();
      Set<String> ids = new LinkedHashSet<>();
      String date = SearchService.HitBuilder.isoDate(a);
      for (Mention m : a.mentions()) {
        String canonical = m.canonical() == null ? m.text() : m.canonical();
        Entry e = entities.computeIfAbsent(EntityService.id(m.type(), canonical),
            k -> new Entry(m.type(), canonical));
        e.variants.merge(m.text().replaceAll("\\s+", " "), 1L, Long::sum);
        if (ids.add(e.id)) {
          e.docs.add(doc);
          e.seen(date);
        }
      }
      byDoc.add(ids);
    }

    /** The OR of every spelling of the entity named {@code name}, or null when none is. */
    String expansion(String name) {
      List<Entry> found = byKey.get(NameKey.of(name));
      if (found == null || found.size() != 1) {
        return null;
      }
      Entry e = found.get(0);
      Set<String> spellings = new LinkedHashSet<>();
      spellings.add(name.strip());
      spellings.add(e.canonical);
      List<String> canonicalWords = NameKey.words(NameKey.of(e.canonical));
      for (String v : e.variants.keySet()) {
        boolean surnameOnly = !v.contains(" ") && canonicalWords.size() > 1
            && canonicalWords.contains(NameKey.of(v));
        if (!surnameOnly) {
          spellings.add(v);
        }
      }
      List<String> quoted = spellings.stream().map(s -> "\"" + s.replace("\"", "") + "\"").toList();
      return quoted.size() == 1 ? quoted.get(0) : "(" + String.join(" OR ", quoted) + ")";
    }
  }
}
