package org.dateline.enrich.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Firms named after people. The model often cuts a company's name where a person's name ends it:
 * "Dean Witter Reynolds Inc" comes out as the person "Dean Witter" and the company "Reynolds Inc".
 * In a story, person names written just before a company's name with a legal form, a space (or one
 * line break) apart and nothing else between, are the start of that company's name. Stateless.
 */
final class FirmNames {

  private FirmNames() {}

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
    List<Mention> sorted = new ArrayList<>(mentions);
    sorted.sort(Comparator.comparingInt(Mention::start));
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
      out.add(
          new Mention(
              text.substring(start, m.end()).replace('\n', ' '),
              EntityType.ORGANIZATION,
              start,
              m.end(),
              null));
      changed = true;
    }
    return changed ? out : mentions;
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
