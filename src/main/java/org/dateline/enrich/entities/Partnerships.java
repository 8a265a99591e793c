package org.dateline.enrich.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Firms named after their partners' surnames: "Duff and Phelps", "Pratt and Whitney", "Woodhouse,
 * Drake and Carey". The model reads such a name as people ("Duff", then "Drake" and "Carey"), and a
 * surname alone is then joined to whichever person of the archive bears it. News copy names people
 * and companies in full, or alone, somewhere else in the story; a partner's surname appears only in
 * the firm's name. So single capitalised words joined by commas and a final "and" (or "&amp;"), one
 * of them read as a person and none of them named elsewhere in the story ("Reagan and Republicans"
 * where "Reagan said"; "Burroughs and Sperry" where "Sperry Corp"; spelling variants count) and not
 * followed by a plural verb ("Blair and Brown are"), are one organisation. Not joined: a run with a
 * part the model typed a place ("France and Italy"), a month or a weekday, and a run that a
 * capitalised word directly precedes or follows ("Dean Witter and Cargill": which words belong to
 * which name is not known). Stateless.
 */
final class Partnerships {

  private static final String WORD = "[A-Z][a-z]+(?:-[A-Z][a-z]+)?";

  /** Two or more capitalised words, the last after "and" or "&amp;", the others after commas. */
  private static final Pattern RUN =
      Pattern.compile("(?<![\\p{L}\\p{N}.&'-])" + WORD + "(?:, " + WORD + ")* (?:and|&) " + WORD);

  private static final Pattern PART = Pattern.compile(WORD);

  /** People coordinated take a plural verb ("Blair and Brown are"), a firm a singular one. */
  private static final Pattern PLURAL_VERB = Pattern.compile("\\A,? (?:have|are|were)\\b");

  private static final Set<String> CALENDAR =
      Set.of(
          "january",
          "february",
          "march",
          "april",
          "may",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december",
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
          "sunday");

  private Partnerships() {}

  /**
   * The mentions with each partnership's name that holds a mention typed a person made one
   * organisation mention spanning it, the mentions inside it dropped. {@code text} is the text the
   * offsets point into, with wrapped lines unwrapped.
   */
  static List<Mention> joined(String text, List<Mention> mentions) {
    if (mentions.stream().noneMatch(m -> m.type() == EntityType.PERSON)) {
      return mentions;
    }
    List<int[]> runs = new ArrayList<>();
    Matcher run = RUN.matcher(text);
    while (run.find()) {
      if (!dated(run.group())) {
        runs.add(
            new int[] {run.start(), run.end(), standsAlone(text, run.start(), run.end()) ? 1 : 0});
      }
    }
    if (runs.isEmpty()) {
      return mentions;
    }
    List<Mention> sorted = new ArrayList<>(mentions);
    sorted.sort(Comparator.comparingInt(Mention::start));
    // the words the story names outside the runs: a part named there is a name of its own
    // ("Reagan said", "Sperry Corp"). Not counted: a run's words where a capitalised word stands
    // beside it ("Pratt and Whitney PW4000": not joined, but no other use of the words either), a
    // name before a number (a grade or a model, "Duff 1"), a headline in capitals (no bounds:
    // "DUFF AND PHELPS UPGRADES").
    Set<String> outside = new HashSet<>();
    for (Mention m : sorted) {
      if (inside(runs, m) < 0 && !m.text().equals(m.text().toUpperCase(Locale.ROOT))) {
        List<String> words = NameKey.words(NameKey.of(m.text()));
        if (words.size() > 1 || !beforeNumber(text, m.end())) {
          words.forEach(w -> outside.add(NameKey.skeleton(w)));
        }
      }
    }
    // each run's mentions, and whether its words make a firm's name; a run with a capitalised word
    // beside it joins only as a name the story also writes alone ("Pratt and Whitney PW4000")
    int[][] spans = new int[runs.size()][];
    boolean[] firm = new boolean[runs.size()];
    Set<String> firms = new HashSet<>();
    int from = 0;
    for (int i = 0; i < runs.size(); i++) {
      int[] r = runs.get(i);
      int first = from;
      while (first < sorted.size() && sorted.get(first).end() <= r[0]) {
        first++;
      }
      int last = first;
      boolean person = false;
      boolean refused = false;
      while (last < sorted.size() && sorted.get(last).start() < r[1]) {
        Mention m = sorted.get(last);
        person |= m.type() == EntityType.PERSON;
        refused |=
            m.type() == EntityType.ORGANIZATION
                || (m.type() == EntityType.PLACE
                    && Gazetteer.shared().isPlace(NameKey.of(m.text())))
                || m.start() < r[0]
                || m.end() > r[1];
        last++;
      }
      spans[i] = new int[] {first, last};
      from = first;
      String name = text.substring(r[0], r[1]);
      firm[i] =
          person
              && !refused
              && !named(name, outside)
              && !looseStart(text, r, sorted, first, last)
              && !PLURAL_VERB
                  .matcher(text)
                  .region(r[1], Math.min(text.length(), r[1] + 12))
                  .lookingAt();
      if (firm[i] && r[2] == 1) {
        firms.add(name);
      }
    }
    List<Mention> out = new ArrayList<>(sorted.size());
    int next = 0;
    for (int i = 0; i < runs.size(); i++) {
      int[] r = runs.get(i);
      String name = text.substring(r[0], r[1]);
      if (!firm[i] || !firms.contains(name)) {
        continue;
      }
      out.addAll(sorted.subList(next, spans[i][0]));
      out.add(new Mention(name, EntityType.ORGANIZATION, r[0], r[1], null));
      next = spans[i][1];
    }
    if (next == 0 && out.isEmpty()) {
      return mentions;
    }
    out.addAll(sorted.subList(next, sorted.size()));
    return out;
  }

  /** The index of the run holding the mention, or -1. */
  private static int inside(List<int[]> runs, Mention m) {
    for (int i = 0; i < runs.size(); i++) {
      if (m.start() >= runs.get(i)[0] && m.end() <= runs.get(i)[1]) {
        return i;
      }
    }
    return -1;
  }

  private static boolean beforeNumber(String text, int end) {
    return end + 1 < text.length()
        && text.charAt(end) == ' '
        && Character.isDigit(text.charAt(end + 1));
  }

  /**
   * A run whose first word is followed by a comma and is no mention of the model's: a sentence's
   * first word ("Afterwards, Reynolds and Reynolds"), not a partner.
   */
  private static boolean looseStart(
      String text, int[] r, List<Mention> sorted, int first, int last) {
    int comma = text.indexOf(',', r[0]);
    if (comma < 0 || comma > r[1] || text.indexOf(" and ", r[0]) < comma) {
      return false;
    }
    return first == last || sorted.get(first).start() != r[0];
  }

  /** No capitalised word directly before or after the run (a space apart). */
  private static boolean standsAlone(String text, int start, int end) {
    if (start >= 2 && text.charAt(start - 1) == ' ' && Character.isLetter(text.charAt(start - 2))) {
      int w = start - 2;
      while (w > 0 && Character.isLetter(text.charAt(w - 1))) {
        w--;
      }
      if (Character.isUpperCase(text.charAt(w))) {
        return false;
      }
    }
    if (end + 1 < text.length()
        && text.charAt(end) == ' '
        && Character.isUpperCase(text.charAt(end + 1))) {
      return false;
    }
    return true;
  }

  /** True when a part is a month or a weekday ("May, July and October"). */
  private static boolean dated(String run) {
    Matcher part = PART.matcher(run);
    while (part.find()) {
      if (CALENDAR.contains(part.group().toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /** True when a part is a word the story names outside the runs, in any spelling. */
  private static boolean named(String run, Set<String> outside) {
    Matcher part = PART.matcher(run);
    while (part.find()) {
      if (outside.contains(NameKey.skeleton(NameKey.of(part.group())))) {
        return true;
      }
    }
    return false;
  }
}
