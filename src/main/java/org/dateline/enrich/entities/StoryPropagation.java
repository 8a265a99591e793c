package org.dateline.enrich.entities;

import edu.stanford.nlp.ling.CoreLabel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One story, one reading of each name: a name the model recognised somewhere in the story is tagged
 * at its other mentions too, and all its mentions get the type most of them got. A person's surname
 * counts as that person ("Bali said" after "Mustafa Bali"). Matching is exact and case-sensitive,
 * so an all-capitals headline or a lower-case word never picks up a tag. Stateless.
 */
final class StoryPropagation {

  /** A labelled run of tokens {@code [from, to)} in one sentence. */
  record Span(int sentence, int from, int to, EntityType type) {}

  /** Longest name (in tokens) looked for at untagged positions. */
  private static final int MAX_NAME_TOKENS = 8;

  private StoryPropagation() {}

  static List<Span> apply(List<List<CoreLabel>> sentences, List<Span> spans) {
    Map<String, Map<EntityType, Integer>> votes = new HashMap<>();
    List<String> surnames = new ArrayList<>();
    for (Span s : spans) {
      List<CoreLabel> tokens = sentences.get(s.sentence());
      vote(votes, key(tokens, s.from(), s.to()), s.type());
      if (s.type() == EntityType.PERSON && s.to() - s.from() >= 2) {
        surnames.add(tokens.get(s.to() - 1).word());
      }
    }
    Map<String, EntityType> known = new HashMap<>();
    votes.forEach(
        (name, counts) -> {
          if (isName(name)) {
            known.put(
                name,
                counts.entrySet().stream()
                    .max(
                        Map.Entry.<EntityType, Integer>comparingByValue()
                            .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .orElseThrow()
                    .getKey());
          }
        });
    for (String surname : surnames) {
      if (isName(surname)) {
        known.put(surname, EntityType.PERSON); // "Bali said" after "Mustafa Bali": the person
      }
    }
    List<Span> out = new ArrayList<>(spans.size());
    List<boolean[]> covered = new ArrayList<>();
    for (List<CoreLabel> sentence : sentences) {
      covered.add(new boolean[sentence.size()]);
    }
    for (Span s : spans) {
      EntityType majority = known.get(key(sentences.get(s.sentence()), s.from(), s.to()));
      out.add(majority == null ? s : new Span(s.sentence(), s.from(), s.to(), majority));
      for (int i = s.from(); i < s.to(); i++) {
        covered.get(s.sentence())[i] = true;
      }
    }
    for (int si = 0; si < sentences.size(); si++) {
      tagOthers(si, sentences.get(si), covered.get(si), known, out);
    }
    out.sort(Comparator.comparingInt(Span::sentence).thenComparingInt(Span::from));
    return out;
  }

  private static void tagOthers(
      int si,
      List<CoreLabel> tokens,
      boolean[] covered,
      Map<String, EntityType> known,
      List<Span> out) {
    int i = 0;
    while (i < tokens.size()) {
      if (!startsUpper(tokens.get(i).word())) {
        i++; // every known name starts with a capital (isName): none starts here
        continue;
      }
      int matched = 0;
      for (int len = Math.min(MAX_NAME_TOKENS, tokens.size() - i);
          len >= 1 && matched == 0;
          len--) {
        if (free(covered, i, i + len) && known.containsKey(key(tokens, i, i + len))) {
          matched = len;
        }
      }
      if (matched > 0 && standsAlone(tokens, covered, i, i + matched)) {
        out.add(new Span(si, i, i + matched, known.get(key(tokens, i, i + matched))));
        i += matched;
      } else {
        i++;
      }
    }
  }

  /** A match glued to a capitalised neighbour is part of a longer name the model did not tag. */
  private static boolean standsAlone(List<CoreLabel> tokens, boolean[] covered, int from, int to) {
    boolean before = from > 0 && !covered[from - 1] && startsUpper(tokens.get(from - 1).word());
    boolean after = to < tokens.size() && !covered[to] && startsUpper(tokens.get(to).word());
    return !before && !after;
  }

  private static boolean free(boolean[] covered, int from, int to) {
    for (int i = from; i < to; i++) {
      if (covered[i]) {
        return false;
      }
    }
    return true;
  }

  private static void vote(Map<String, Map<EntityType, Integer>> votes, String name, EntityType t) {
    votes.computeIfAbsent(name, k -> new EnumMap<>(EntityType.class)).merge(t, 1, Integer::sum);
  }

  /**
   * What propagates: capitalised mixed-case names ("Baghouz") and short acronyms ("SDF"), two
   * letters or more; not long all-capital strings, which are headline words more often than names.
   */
  private static boolean isName(String name) {
    if (name.length() < 2 || !startsUpper(name)) {
      return false;
    }
    boolean allCaps = name.equals(name.toUpperCase(java.util.Locale.ROOT));
    return !allCaps || name.length() <= 6 && name.chars().allMatch(Character::isUpperCase);
  }

  private static boolean startsUpper(String word) {
    return !word.isEmpty() && Character.isUpperCase(word.charAt(0));
  }

  static String key(List<CoreLabel> tokens, int from, int to) {
    if (to - from == 1) {
      return tokens.get(from).word();
    }
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to; i++) {
      if (i > from) {
        sb.append(' ');
      }
      sb.append(tokens.get(i).word());
    }
    return sb.toString();
  }
}
