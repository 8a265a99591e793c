package org.dateline.enrich.entities;

import java.util.Set;

/**
 * The legal forms companies carry after their names ("Corp", "Inc", "and Co", "Plc", "AG"), on
 * folded {@link NameKey name keys}. "General Motors Corp" and "General Motors" name one company:
 * news copy gives the legal form at first mention and drops it after, and outlets differ in which
 * they print. Stateless.
 */
final class LegalForms {

  /** Words of a legal form, folded as {@link NameKey#of} folds them ("N.V." is "nv"). */
  private static final Set<String> WORDS =
      Set.of(
          "co",
          "cos",
          "corp",
          "corporation",
          "inc",
          "incorporated",
          "ltd",
          "limited",
          "plc",
          "llc",
          "lp",
          "ag",
          "nv",
          "bv",
          "sa",
          "spa",
          "gmbh",
          "kgaa",
          "srl",
          "mij", // Dutch: Maatschappij ("Graan Elevator Mij")
          "ab", // Swedish: Aktiebolag ("Volvo AB")
          "oy",
          "oyj",
          "asa",
          "bhd", // Malaysian: Berhad ("Sime Darby Bhd")
          "berhad",
          "pty",
          "kk",
          "se",
          "group",
          "holdings",
          "holding",
          "company");

  private LegalForms() {}

  /**
   * The key without its trailing legal form ("morgan stanley and co inc" gives "morgan stanley"),
   * or null when it ends in none or is nothing but one.
   */
  static String base(String key) {
    int end = key.length();
    while (end > 0) {
      int space = key.lastIndexOf(' ', end - 1);
      String word = key.substring(space + 1, end);
      boolean and = end < key.length() && word.equals("and");
      if (!WORDS.contains(word) && !and) {
        return end < key.length() ? key.substring(0, end) : null;
      }
      end = Math.max(space, 0);
    }
    return null; // nothing but legal-form words: no company name to join
  }

  /**
   * True when every word of the key is a legal form, "and" or "sons": "Co Inc" and "Sons Inc" (the
   * model's cut of "Smith and Sons Inc") are no company's name.
   */
  static boolean only(String key) {
    if (key.isEmpty()) {
      return false;
    }
    for (String word : NameKey.words(key)) {
      if (!WORDS.contains(word) && !word.equals("and") && !word.equals("sons")) {
        return false;
      }
    }
    return true;
  }
}
