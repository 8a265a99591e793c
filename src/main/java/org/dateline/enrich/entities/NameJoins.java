package org.dateline.enrich.entities;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Archive-wide joins of names written two ways. Stateless.
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
 *   <li>A person's name with a familiar form of the given name ("Jim Wright", "Don Regan") is the
 *       person named with the full form ("James Wright", "Donald Regan"), the rest of the name the
 *       same, where both were mostly typed a person.
 *   <li>A person's name with middle initials ("Martin T. Sosnoff", "Carl C. Icahn") is the person
 *       named without them ("Martin Sosnoff"), where both were mostly typed a person and no other
 *       initials stand between the same two names ("John A. Smith" and "John B. Smith" are two
 *       people, and "John Smith" may be either).
 * </ul>
 */
final class NameJoins {

  /** A spelling whose first word ends in a possessive: "Moody's Investors Service Inc". */
  private static final Pattern POSSESSIVE_HEAD = Pattern.compile("\\A[^\\s'’]+['’]s\\s");

  private static final String PARTY = " party";

  /**
   * Familiar forms of English given names, each of one full form only (forms of two, "Pat" or
   * "Steve", are left out), as name keys.
   */
  private static final Map<String, String> FULL_GIVEN_NAMES =
      Map.ofEntries(
          Map.entry("alex", "alexander"),
          Map.entry("andy", "andrew"),
          Map.entry("ben", "benjamin"),
          Map.entry("bill", "william"),
          Map.entry("billy", "william"),
          Map.entry("bob", "robert"),
          Map.entry("bobby", "robert"),
          Map.entry("chuck", "charles"),
          Map.entry("dan", "daniel"),
          Map.entry("danny", "daniel"),
          Map.entry("dave", "david"),
          Map.entry("dick", "richard"),
          Map.entry("don", "donald"),
          Map.entry("doug", "douglas"),
          Map.entry("ed", "edward"),
          Map.entry("eddie", "edward"),
          Map.entry("fred", "frederick"),
          Map.entry("geoff", "geoffrey"),
          Map.entry("greg", "gregory"),
          Map.entry("jeff", "jeffrey"),
          Map.entry("jim", "james"),
          Map.entry("jimmy", "james"),
          Map.entry("joe", "joseph"),
          Map.entry("ken", "kenneth"),
          Map.entry("larry", "lawrence"),
          Map.entry("liz", "elizabeth"),
          Map.entry("matt", "matthew"),
          Map.entry("mike", "michael"),
          Map.entry("nick", "nicholas"),
          Map.entry("peggy", "margaret"),
          Map.entry("phil", "philip"),
          Map.entry("rick", "richard"),
          Map.entry("ron", "ronald"),
          Map.entry("sam", "samuel"),
          Map.entry("stan", "stanley"),
          Map.entry("ted", "edward"),
          Map.entry("tim", "timothy"),
          Map.entry("tom", "thomas"),
          Map.entry("tommy", "thomas"),
          Map.entry("tony", "anthony"));

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
    return dominant(mentions, 1);
  }

  /** The group with more than {@code times} times the mentions of all others together, or null. */
  static String dominant(Map<String, Integer> mentions, int times) {
    int all = mentions.values().stream().mapToInt(Integer::intValue).sum();
    return mentions.entrySet().stream()
        .filter(e -> e.getValue() > times * (all - e.getValue()))
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

  static void givenNames(NameGroups groups, Set<String> splits) {
    for (String key : List.copyOf(groups.seenKeys())) {
      int space = key.indexOf(' ');
      String full = space < 0 ? null : FULL_GIVEN_NAMES.get(key.substring(0, space));
      if (full == null) {
        continue;
      }
      String formal = full + key.substring(space);
      if (!splits.contains(key)
          && !splits.contains(formal)
          && groups.ownType(key) == EntityType.PERSON
          && groups.ownType(formal) == EntityType.PERSON) {
        groups.union(formal, key);
      }
    }
  }

  static void middleInitials(NameGroups groups, Set<String> splits) {
    Map<String, Set<String>> byBase = new HashMap<>();
    for (String key : groups.seenKeys()) {
      List<String> words = NameKey.words(key);
      if (words.size() < 3 || groups.ownType(key) != EntityType.PERSON || splits.contains(key)) {
        continue;
      }
      boolean initials = true;
      for (int i = 1; i < words.size() - 1 && initials; i++) {
        initials = words.get(i).length() == 1;
      }
      if (initials) {
        String base = words.get(0) + " " + words.get(words.size() - 1);
        byBase.computeIfAbsent(base, b -> new TreeSet<>()).add(key);
      }
    }
    byBase.forEach(
        (base, initialled) -> {
          if (initialled.size() == 1
              && !splits.contains(base)
              && groups.ownType(base) == EntityType.PERSON) {
            groups.union(base, initialled.iterator().next());
          }
        });
  }
}
