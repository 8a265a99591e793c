package org.dateline.enrich.entities;

/**
 * How alike two romanised spellings of one consonant skeleton are. Romanisations of one name differ
 * in vowels, but not in any vowel: Arabic's three vowels are written a/e, i/e/y and u/o/w, so
 * "Mustafa" / "Mostefa" and "Mohammed" / "Mohammad" are one name, while "Labor" and "Libor" (a
 * against i) are two words that happen to share their consonants. An edit distance where such a
 * substitution costs two edits (a deletion and an insertion) instead of one. Stateless.
 */
final class Romanisation {

  /** Vowel pairs that romanisations use for one sound, two letters each, in alphabetical order. */
  private static final String ALTERNATES = "aeeiiyouuw";

  private Romanisation() {}

  /** 1 - weighted edits / the longer length, as Lucene's {@code LevenshteinDistance} scales it. */
  static float similarity(String a, String b) {
    int longer = Math.max(a.length(), b.length());
    if (longer == 0) {
      return 1f;
    }
    int edits = EditDistance.of(a, b, Romanisation::substitution);
    return 1f - Math.min(longer, edits) / (float) longer;
  }

  private static int substitution(char x, char y) {
    if (x == y) {
      return 0;
    }
    if (isVowel(x) && isVowel(y)) {
      char lo = (char) Math.min(x, y);
      char hi = (char) Math.max(x, y);
      for (int i = 0; i < ALTERNATES.length(); i += 2) {
        if (ALTERNATES.charAt(i) == lo && ALTERNATES.charAt(i + 1) == hi) {
          return 1;
        }
      }
      return 2;
    }
    return 1;
  }

  private static boolean isVowel(char c) {
    return "aeiouyw".indexOf(c) >= 0;
  }
}
