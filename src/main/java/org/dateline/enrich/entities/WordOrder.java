package org.dateline.enrich.entities;

import java.util.List;
import java.util.Set;

/**
 * The two word orders of a government body's name: "U.S. Department of Agriculture" is the "U.S.
 * Agriculture Department", the "Ministry of Finance" the "Finance Ministry". Only for heads whose
 * two orders name one body (a "Council of State" and a "State Council" can be two). Stateless.
 */
final class WordOrder {

  private static final Set<String> HEADS =
      Set.of("department", "ministry", "office", "bureau", "agency", "authority");

  private WordOrder() {}

  /**
   * For a folded key "[prefix] head of [the] subject", the key "[prefix] subject head"; null for
   * any other key.
   */
  static String alternative(String key) {
    List<String> words = NameKey.words(key);
    for (int i = 0; i + 2 < words.size(); i++) {
      if (HEADS.contains(words.get(i)) && words.get(i + 1).equals("of")) {
        int subject = words.get(i + 2).equals("the") ? i + 3 : i + 2;
        if (subject >= words.size()) {
          return null;
        }
        StringBuilder sb = new StringBuilder();
        for (String w : words.subList(0, i)) {
          sb.append(w).append(' ');
        }
        for (String w : words.subList(subject, words.size())) {
          sb.append(w).append(' ');
        }
        return sb.append(words.get(i)).toString();
      }
    }
    return null;
  }
}
