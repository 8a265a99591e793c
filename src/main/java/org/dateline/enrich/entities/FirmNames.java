package org.dateline.enrich.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Firms named after people. The model often cuts a company's name where a person's name ends it:
 * "Dean Witter Reynolds Inc" comes out as the person "Dean Witter" and the company "Reynolds Inc".
 * In a story, person names written just before a company's name with a legal form, a space (or one
 * line break) apart and nothing else between, are the start of that company's name. It also cuts
 * before the generic words that end many firms' names: "Central Bank and Trust Co" comes out as
 * "Central Bank" and "Trust Co", "Computer Associates International Inc" as "Computer Associates"
 * and "International Inc". Stateless.
 */
final class FirmNames {

  /**
   * Words that end many firms' names and name no firm alone ("Trust Co", "Loan Association",
   * "International Inc"), folded as {@link NameKey#of} folds them; legal forms count too.
   */
  private static final Set<String> GENERIC =
      Set.of(
          "trust",
          "loan",
          "savings",
          "association",
          "international",
          "industries",
          "systems",
          "bank",
          "banks",
          "bancorp",
          "financial",
          "securities",
          "investment",
          "investments",
          "services",
          "communications",
          "resources",
          "technologies",
          "enterprises",
          "properties",
          "associates",
          "insurance");

  private FirmNames() {}

  /**
   * The mentions with each organisation of generic words alone ("Trust Co", "International Inc")
   * joined to the name just before it, a space (or one line break) apart: "Computer Associates" +
   * "International Inc", "Wendy's" + "International Inc"; or " and " (or " &amp; ") apart where
   * that name is an organisation's ending in a generic word too: "Central Bank" + "Trust Co",
   * "Federated Financial Savings" + "Loan Association" ("Florida and Trust Co banks" stays apart).
   * {@code text} is the text the offsets point into, with wrapped lines unwrapped.
   */
  static List<Mention> withGenericTails(String text, List<Mention> mentions) {
    if (mentions.size() < 2) {
      return mentions;
    }
    List<Mention> sorted = byStart(mentions);
    boolean changed = false;
    List<Mention> out = new ArrayList<>(sorted.size());
    for (Mention m : sorted) {
      Mention before = out.isEmpty() ? null : out.get(out.size() - 1);
      if (before != null
          && m.type() == EntityType.ORGANIZATION
          && generic(m.text())
          && before.end() < m.start()
          && (spacesOnly(text, before.end(), m.start())
              || (before.type() == EntityType.ORGANIZATION
                  && endsGeneric(before.text())
                  && isAnd(text.substring(before.end(), m.start()))))) {
        out.set(out.size() - 1, organisation(text, before.start(), m.end()));
        changed = true;
        continue;
      }
      out.add(m);
    }
    return changed ? out : mentions;
  }

  /** Every word generic or a legal form. */
  private static boolean generic(String name) {
    List<String> words = NameKey.words(NameKey.of(name));
    return !words.isEmpty()
        && words.stream().allMatch(w -> GENERIC.contains(w) || LegalForms.only(w));
  }

  private static boolean endsGeneric(String name) {
    List<String> words = NameKey.words(NameKey.of(name));
    return !words.isEmpty() && GENERIC.contains(words.get(words.size() - 1));
  }

  private static boolean isAnd(String between) {
    return between.equals(" and ") || between.equals(" & ") || between.equals(" &amp; ");
  }

  /**
   * The mentions with each run of person names that directly precedes a company's name ending in a
   * legal form ("Dean Witter" + "Reynolds Inc") joined into one organisation mention. Only spaces,
   * or one line break, may stand between them: "Roger Smith, General Motors Corp chairman" stays a
   * person and a company. {@code text} is the text the offsets point into, with wrapped lines
   * unwrapped.
   */
  static List<Mention> joined(String text, List<Mention> mentions) {
    if (mentions.size() < 2) {
      return mentions;
    }
    List<Mention> sorted = byStart(mentions);
    boolean changed = false;
    List<Mention> out = new ArrayList<>(sorted.size());
    for (Mention m : sorted) {
      int from = out.size();
      if (m.type() == EntityType.ORGANIZATION && LegalForms.base(NameKey.of(m.text())) != null) {
        while (from > 0
            && out.get(from - 1).type() == EntityType.PERSON
            && spacesOnly(
                text,
                out.get(from - 1).end(),
                from == out.size() ? m.start() : out.get(from).start())) {
          from--;
        }
      }
      if (from == out.size()) {
        out.add(m);
        continue;
      }
      int start = out.get(from).start();
      out.subList(from, out.size()).clear();
      out.add(organisation(text, start, m.end()));
      changed = true;
    }
    return changed ? out : mentions;
  }

  private static List<Mention> byStart(List<Mention> mentions) {
    List<Mention> sorted = new ArrayList<>(mentions);
    sorted.sort(Comparator.comparingInt(Mention::start));
    return sorted;
  }

  /** One organisation mention spanning {@code start} to {@code end}, a wrapped line joined. */
  private static Mention organisation(String text, int start, int end) {
    return new Mention(
        text.substring(start, end).replace('\n', ' '), EntityType.ORGANIZATION, start, end, null);
  }

  private static boolean spacesOnly(String text, int from, int to) {
    if (to <= from) {
      return false;
    }
    if (to - from == 1 && text.charAt(from) == '\n') {
      return true; // a wrapped line the unwrapping left (its first line was short)
    }
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c != ' ' && c != '\t') {
        return false;
      }
    }
    return true;
  }
}
