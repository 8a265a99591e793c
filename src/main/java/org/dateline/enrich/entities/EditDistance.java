package org.dateline.enrich.entities;

/** Levenshtein distance with a chosen cost per substituted letter. Stateless. */
final class EditDistance {

  /** The cost of writing one letter in place of another (0 when they are one letter). */
  @FunctionalInterface
  interface Substitution {
    int cost(char x, char y);
  }

  private EditDistance() {}

  /**
   * The least total cost of letters added (1 each), dropped (1 each) and changed to make b of a.
   */
  static int of(String a, String b, Substitution substitution) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + substitution.cost(a.charAt(i - 1), b.charAt(j - 1));
        cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
