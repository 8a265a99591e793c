package org.dateline.index;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a desk adds to articles, kept beside the index and never in an article's own fields: tags, a
 * star per key, one note per article. Keyed by article id, which is derived from the source file's
 * path and the item's place in it, so it outlives re-indexing the same file (and a rebuild of the
 * index). Every change is written whole to a new file, forced to disk, then renamed over the old
 * one: after a crash (even {@code kill -9}) the store is the one before or the one after the
 * change, never a torn file. Thread-safe: changes are serialised; reads see a snapshot.
 */
public final class DeskStore {

  /** The store's file name in the index folder. */
  public static final String FILE_NAME = "desk.json";

  /** A note on an article: its text, the label of the key that wrote it, and when. */
  public record Note(String text, String author, Instant time) {}

  /** Everything the desk holds about one article. */
  public record Marks(List<String> tags, List<String> starredBy, Note note) {
    public Marks {
      tags = List.copyOf(new TreeSet<>(tags));
      starredBy = List.copyOf(new TreeSet<>(starredBy));
    }

    static final Marks NONE = new Marks(List.of(), List.of(), null);

    boolean empty() {
      return tags.isEmpty() && starredBy.isEmpty() && note == null;
    }
  }

  /** The file's layout. */
  record Contents(Map<String, Marks> articles) {}

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final Path file;
  private volatile Map<String, Marks> marks;

  private DeskStore(Path file, Map<String, Marks> marks) {
    this.file = file;
    this.marks = marks;
  }

  /** The store of the index in {@code indexDir} (empty when it has none yet). */
  public static DeskStore open(Path indexDir) throws IOException {
    Path file = indexDir.resolve(FILE_NAME);
    Map<String, Marks> marks = new TreeMap<>();
    if (Files.exists(file)) {
      Contents c = JSON.readValue(file.toFile(), Contents.class);
      if (c.articles() != null) {
        marks.putAll(c.articles());
      }
    }
    return new DeskStore(file, Map.copyOf(marks));
  }

  /** What the desk holds about article {@code id} (empty marks when nothing). */
  public Marks of(String id) {
    return marks.getOrDefault(id, Marks.NONE);
  }

  /** Ids of the articles tagged {@code tag}. */
  public List<String> tagged(String tag) {
    return marks.entrySet().stream()
        .filter(e -> e.getValue().tags().contains(tag))
        .map(Map.Entry::getKey)
        .toList();
  }

  /** Ids of the articles starred by {@code key}. */
  public List<String> starredBy(String key) {
    return marks.entrySet().stream()
        .filter(e -> e.getValue().starredBy().contains(key))
        .map(Map.Entry::getKey)
        .toList();
  }

  public Marks tag(String id, String tag, boolean on) throws IOException {
    return change(id, m -> new Marks(with(m.tags(), tag, on), m.starredBy(), m.note()));
  }

  /**
   * Tags (or, with {@code on} false, untags) every article of {@code ids} in one change, one write;
   * returns how many articles changed (the others had the tag already, or had not got it).
   */
  public synchronized int tagAll(Collection<String> ids, String tag, boolean on)
      throws IOException {
    Map<String, Marks> next = new TreeMap<>(marks);
    int changed = 0;
    for (String id : ids) {
      Marks m = next.getOrDefault(id, Marks.NONE);
      if (m.tags().contains(tag) == on) {
        continue;
      }
      changed++;
      Marks edited = new Marks(with(m.tags(), tag, on), m.starredBy(), m.note());
      if (edited.empty()) {
        next.remove(id);
      } else {
        next.put(id, edited);
      }
    }
    if (changed > 0) {
      write(next);
      marks = Map.copyOf(next);
    }
    return changed;
  }

  /** Every tag in use with the articles that carry it, tags in alphabetical order. */
  public Map<String, List<String>> tags() {
    Map<String, List<String>> out = new TreeMap<>();
    marks.forEach(
        (id, m) -> m.tags().forEach(t -> out.computeIfAbsent(t, k -> new ArrayList<>()).add(id)));
    return out;
  }

  public Marks star(String id, String key, boolean on) throws IOException {
    return change(id, m -> new Marks(m.tags(), with(m.starredBy(), key, on), m.note()));
  }

  /** Sets (or, with a null note, removes) the article's note. */
  public Marks note(String id, Note note) throws IOException {
    return change(id, m -> new Marks(m.tags(), m.starredBy(), note));
  }

  private static List<String> with(List<String> values, String value, boolean on) {
    TreeSet<String> out = new TreeSet<>(values);
    if (on) {
      out.add(value);
    } else {
      out.remove(value);
    }
    return List.copyOf(out);
  }

  private synchronized Marks change(String id, java.util.function.UnaryOperator<Marks> edit)
      throws IOException {
    Map<String, Marks> next = new TreeMap<>(marks);
    Marks changed = edit.apply(of(id));
    if (changed.empty()) {
      next.remove(id);
    } else {
      next.put(id, changed);
    }
    write(next);
    marks = Map.copyOf(next);
    return changed;
  }

  /** Write-then-rename: the new contents forced to disk before they replace the old. */
  private void write(Map<String, Marks> contents) throws IOException {
    AtomicFile.write(file, JSON.writeValueAsBytes(new Contents(new TreeMap<>(contents))));
  }
}
