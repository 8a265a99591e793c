package org.dateline.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.dateline.enrich.Article;
import org.dateline.enrich.entities.Mention;
import org.dateline.index.EntityCatalog;
import org.dateline.index.Schema;

/**
 * Every fact an index holds about each article, as text to compare two indexes of the same files (a
 * speed change must not change one of them): title, text, date, outlet, agencies, authors,
 * language, URL, where each value came from, entity names, mentions resolved and as recognised, the
 * article's story (the ids of the articles in it, and its id), and the entity catalog beside the
 * index. Maps are written in key order, so two runs print the same text for the same facts.
 */
public final class IndexFacts {

  /** The fact kinds, in the order they are printed. */
  public static final List<String> KINDS =
      List.of(
          "title",
          "text",
          "date",
          "outlet",
          "agencies",
          "authors",
          "language",
          "url",
          "provenance",
          "entities",
          "mentions",
          "recognised",
          "story",
          "story_id");

  /** Facts by article id, each article's by kind. */
  private final SortedMap<String, Map<String, String>> articles;

  /** The catalog's entities as lines ("" when the index has no catalog). */
  private final List<String> catalog;

  private IndexFacts(SortedMap<String, Map<String, String>> articles, List<String> catalog) {
    this.articles = articles;
    this.catalog = catalog;
  }

  /** The facts of the index in {@code dir} (its last commit). */
  public static IndexFacts read(Path dir) throws IOException {
    SortedMap<String, Map<String, String>> out = new TreeMap<>();
    Map<Long, TreeSet<String>> stories = new LinkedHashMap<>();
    Map<String, Long> storyOf = new TreeMap<>();
    try (FSDirectory directory = FSDirectory.open(dir);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        StoredFields stored = leaf.reader().storedFields();
        Bits live = leaf.reader().getLiveDocs();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if (live != null && !live.get(doc)) {
            continue;
          }
          Document d = stored.document(doc);
          Article a = Schema.toArticle(d);
          long story = Schema.storyOf(d);
          out.put(a.id(), facts(a));
          storyOf.put(a.id(), story);
          stories.computeIfAbsent(story, s -> new TreeSet<>()).add(a.id());
        }
      }
    }
    for (Map.Entry<String, Long> e : storyOf.entrySet()) {
      Map<String, String> f = out.get(e.getKey());
      f.put("story", String.join(",", stories.get(e.getValue())));
      f.put("story_id", Long.toHexString(e.getValue()));
    }
    return new IndexFacts(out, catalogLines(dir));
  }

  private static Map<String, String> facts(Article a) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("title", a.title());
    f.put("text", sha256(a.text()));
    f.put("date", String.valueOf(a.date()));
    f.put("outlet", String.valueOf(a.outlet()));
    f.put("agencies", a.agencies().toString());
    f.put("authors", a.authors().toString());
    f.put("language", String.valueOf(a.language()));
    f.put("url", String.valueOf(a.url()));
    f.put("provenance", new TreeMap<>(a.provenance()).toString());
    f.put("entities", new TreeMap<>(a.entities()).toString());
    f.put("mentions", mentions(a.mentions()));
    f.put("recognised", mentions(a.recognised()));
    return f;
  }

  private static String mentions(List<Mention> mentions) {
    List<String> out = new ArrayList<>(mentions.size());
    for (Mention m : mentions) {
      out.add(m.start() + "-" + m.end() + ":" + m.type() + ":" + m.text() + "=" + m.canonical());
    }
    return out.toString();
  }

  private static List<String> catalogLines(Path dir) {
    EntityCatalog c = EntityCatalog.read(dir);
    if (c == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (EntityCatalog.Entity e : c.entities()) {
      out.add(
          String.join(
              " ",
              e.id(),
              e.type().toString(),
              e.canonical(),
              Long.toString(e.documents()),
              e.firstSeen(),
              e.lastSeen(),
              new TreeMap<>(e.variants()).toString()));
    }
    out.sort(null);
    return out;
  }

  /** How many articles this index holds. */
  public int size() {
    return articles.size();
  }

  /**
   * The differences from {@code other}: for each kind, how many articles differ (an article in one
   * index only counts under "missing"), with up to {@code examples} examples in total.
   */
  public Differences compare(IndexFacts other, int examples) {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("missing", 0L);
    KINDS.forEach(k -> counts.put(k, 0L));
    List<String> shown = new ArrayList<>();
    TreeSet<String> ids = new TreeSet<>(articles.keySet());
    ids.addAll(other.articles.keySet());
    for (String id : ids) {
      Map<String, String> a = articles.get(id);
      Map<String, String> b = other.articles.get(id);
      if (a == null || b == null) {
        counts.merge("missing", 1L, Long::sum);
        note(shown, examples, id + " only in " + (a == null ? "the second" : "the first"));
        continue;
      }
      for (String kind : KINDS) {
        if (!a.get(kind).equals(b.get(kind))) {
          counts.merge(kind, 1L, Long::sum);
          note(shown, examples, id + " " + kind + ":\n    " + a.get(kind) + "\n    " + b.get(kind));
        }
      }
    }
    long catalogDiffering = catalog.equals(other.catalog) ? 0 : symmetricDifference(other.catalog);
    return new Differences(size(), other.size(), counts, catalogDiffering, shown);
  }

  private long symmetricDifference(List<String> theirs) {
    TreeSet<String> a = new TreeSet<>(catalog);
    TreeSet<String> b = new TreeSet<>(theirs);
    long n = 0;
    for (String s : a) {
      n += b.contains(s) ? 0 : 1;
    }
    for (String s : b) {
      n += a.contains(s) ? 0 : 1;
    }
    return n;
  }

  private static void note(List<String> shown, int max, String example) {
    if (shown.size() < max) {
      shown.add(example);
    }
  }

  /**
   * What differs between two indexes.
   *
   * @param byKind articles differing in each fact kind
   * @param catalogEntries catalog entities in one catalog and not the other (same id, other counts
   *     or spellings count twice)
   */
  public record Differences(
      int first, int second, Map<String, Long> byKind, long catalogEntries, List<String> examples) {

    /** True when every article and every catalog entry is the same in both. */
    public boolean none() {
      return catalogEntries == 0 && byKind.values().stream().allMatch(n -> n == 0);
    }
  }

  private static String sha256(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
