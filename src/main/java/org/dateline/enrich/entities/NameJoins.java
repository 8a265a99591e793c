package org.dateline.enrich.entities;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Two archive-wide joins of organisations the recogniser cut short. Stateless.
 *
 * <ul>
 *   <li>A company whose own name is a possessive ("Moody's Investors Service Inc", "McDonald's
 *       Corp") is the word alone ("Moody") where the model cut the name before its "'s": the key
 *       folds the possessive away, so "Moody" and the company's first word are one key. Only where
 *       one such company holds most mentions of the names starting with the word: a parent's name
 *       written alone beside its subsidiaries' ("UBS", "UBS Securities Inc") is no possessive and
 *       is not joined.
 *   <li>A party's name with and without "Party" ("Labour Party", "Labour") is one party, where both
 *       were mostly typed an organisation.
 * </ul>
 */
final class NameJoins {

  /** A spelling whose first word ends in a possessive: "Moody's Investors Service Inc". */
  private static final Pattern POSSESSIVE_HEAD = Pattern.compile("\\A[^\\s'’]+['’]s\\s");

  private static final String PARTY = " party";

  private NameJoins() {}

  static void possessives(NameGroups groups, Set<String> splits) {
    Map<String, Map<String, Integer>> companiesByHead = new HashMap<>();
    for (String key : groups.seenKeys()) {
      int space = key.indexOf(' ');
      if (space < 0
          || splits.contains(key)
          || groups.ownType(key) != EntityType.ORGANIZATION
          || !writtenPossessive(groups.canonical(key))) {
        continue;
      }
      companiesByHead
          .computeIfAbsent(key.substring(0, space), h -> new HashMap<>())
          .merge(groups.find(key), groups.mentions(key), Integer::sum);
    }
    companiesByHead.forEach(
        (head, companies) -> {
          String top = dominant(companies);
          if (top != null
              && !splits.contains(head)
              && !groups.writtenAsAcronym(head)
              && groups.ownType(head) == EntityType.ORGANIZATION) {
            groups.union(top, head);
          }
        });
  }

  /**
   * The group holding more than half the mentions (headlines cut into names give a few one-off
   * groups beside the company: "MOODY'S DOWNGRADES DAYTON HUDSON"), or null.
   */
  private static String dominant(Map<String, Integer> mentions) {
    int all = mentions.values().stream().mapToInt(Integer::intValue).sum();
    return mentions.entrySet().stream()
        .filter(e -> 2 * e.getValue() > all)
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(null);
  }

  private static boolean writtenPossessive(String name) {
    return name != null && POSSESSIVE_HEAD.matcher(name).find();
  }

  static void parties(NameGroups groups, Set<String> splits) {
    for (String key : List.copyOf(groups.seenKeys())) {
      if (!key.endsWith(PARTY) || key.length() == PARTY.length()) {
        continue;
      }
      String base = key.substring(0, key.length() - PARTY.length());
      if (!splits.contains(key)
          && !splits.contains(base)
          && groups.ownType(key) == EntityType.ORGANIZATION
          && groups.ownType(base) == EntityType.ORGANIZATION) {
        groups.union(key, base);
      }
    }
  }
}
