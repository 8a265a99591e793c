package org.dateline.enrich.entities;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which full names of people each first and each last name is part of, outlet by outlet: what joins
 * a name written alone ("Brown", "Mr Brown", "Clayton") to the one person of that outlet's archive
 * it stands for, and what tells a given name from a surname across the archive. Counted from the
 * names written in full as stories are read, and kept in the {@link ResolverMemory}. Not
 * thread-safe.
 */
final class NameParts {

  /**
   * A name alone joins the full name that holds at least this share of its outlet's full names with
   * that part: the one person it means there, the others being rare namesakes (BBC News has "Gordon
   * Brown" 113 times, six other Browns 18 times together, and "Mr Brown" 255 times).
   */
  static final double MIN_SHARE = 0.8;

  private static final String FIRST = "first ";
  private static final String LAST = "last ";

  /** Forms of address, not names: "Mr Brown" is "Brown" alone. A closed class of English words. */
  private static final Set<String> HONORIFICS =
      Set.of("mr", "mrs", "ms", "miss", "mister", "dr", "sir", "dame", "lord", "lady");

  /** Outlet ("" when unknown), then part ("first john", "last brown"), then full name key. */
  private final Map<String, Map<String, Map<String, Integer>>> counts = new HashMap<>();

  /** Word to {as a first name, as a last name}, over every outlet; null when stale. */
  private Map<String, int[]> archiveWide;

  NameParts(ResolverMemory prior) {
    prior
        .parts()
        .forEach(
            (outlet, parts) -> {
              Map<String, Map<String, Integer>> mine = new HashMap<>();
              parts.forEach((part, names) -> mine.put(part, new HashMap<>(names)));
              counts.put(outlet, mine);
            });
  }

  /** Counts a person's name as a story of {@code outlet} writes it, if written in full. */
  void count(String outlet, String written) {
    List<String> words = NameKey.words(NameKey.of(written));
    if (words.size() < 2 || alone(written) != null) {
      return;
    }
    String key = String.join(" ", words);
    Map<String, Map<String, Integer>> parts =
        counts.computeIfAbsent(outlet == null ? "" : outlet, o -> new HashMap<>());
    parts.computeIfAbsent(FIRST + words.get(0), p -> new HashMap<>()).merge(key, 1, Integer::sum);
    parts
        .computeIfAbsent(LAST + words.get(words.size() - 1), p -> new HashMap<>())
        .merge(key, 1, Integer::sum);
    archiveWide = null;
  }

  /** Everything counted (for the memory). */
  Map<String, Map<String, Map<String, Integer>>> counts() {
    return counts;
  }

  /**
   * The one word a person's name is written as, a form of address aside ("Mr Brown" gives "brown",
   * "Blair" gives "blair"), or null for a name of several words.
   */
  static String alone(String written) {
    List<String> words = NameKey.words(NameKey.of(written));
    if (words.size() == 2 && HONORIFICS.contains(words.get(0))) {
      return words.get(1);
    }
    return words.size() == 1 && !HONORIFICS.contains(words.get(0)) ? words.get(0) : null;
  }

  /** The full names of {@code outlet}'s stories that {@code word} was the first or last word of. */
  Map<String, Integer> fullNames(String outlet, String word) {
    Map<String, Map<String, Integer>> parts = counts.get(outlet == null ? "" : outlet);
    if (parts == null) {
      return Map.of();
    }
    Map<String, Integer> out = new HashMap<>(parts.getOrDefault(LAST + word, Map.of()));
    parts.getOrDefault(FIRST + word, Map.of()).forEach((k, n) -> out.merge(k, n, Integer::sum));
    return out;
  }

  /** True when the archive's full names have {@code word} first more often than last. */
  boolean isGivenName(String word) {
    if (archiveWide == null) {
      archiveWide = new HashMap<>();
      counts.values().forEach(parts -> parts.forEach(this::addWide));
    }
    int[] seen = archiveWide.get(word);
    return seen != null && seen[0] > seen[1];
  }

  private void addWide(String part, Map<String, Integer> names) {
    boolean first = part.startsWith(FIRST);
    String word = part.substring(first ? FIRST.length() : LAST.length());
    int n = names.values().stream().mapToInt(Integer::intValue).sum();
    archiveWide.computeIfAbsent(word, w -> new int[2])[first ? 0 : 1] += n;
  }
}
