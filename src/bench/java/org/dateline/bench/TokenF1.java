package org.dateline.bench;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Bag-of-tokens precision, recall and F1 between an extracted and a true text. */
public record TokenF1(double precision, double recall, double f1) {

  /** Scores extracted against expected; an empty extraction scores 0 unless both are empty. */
  public static TokenF1 of(String extracted, String expected) {
    Map<String, Integer> got = tokens(extracted);
    Map<String, Integer> want = tokens(expected);
    int gotTotal = total(got);
    int wantTotal = total(want);
    if (gotTotal == 0 || wantTotal == 0) {
      double same = gotTotal == wantTotal ? 1 : 0;
      return new TokenF1(same, same, same);
    }
    int overlap = 0;
    for (Map.Entry<String, Integer> e : got.entrySet()) {
      overlap += Math.min(e.getValue(), want.getOrDefault(e.getKey(), 0));
    }
    double p = (double) overlap / gotTotal;
    double r = (double) overlap / wantTotal;
    return new TokenF1(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
  }

  /** Lower-cased runs of letters and digits with their counts. */
  static Map<String, Integer> tokens(String text) {
    Map<String, Integer> counts = new HashMap<>();
    if (text == null) {
      return counts;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    int start = -1;
    for (int i = 0; i <= lower.length(); ) {
      int cp = i < lower.length() ? lower.codePointAt(i) : ' ';
      boolean word = i < lower.length() && Character.isLetterOrDigit(cp);
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        counts.merge(lower.substring(start, i), 1, Integer::sum);
        start = -1;
      }
      i += i < lower.length() ? Character.charCount(cp) : 1;
    }
    return counts;
  }

  private static int total(Map<String, Integer> counts) {
    int n = 0;
    for (int c : counts.values()) {
      n += c;
    }
    return n;
  }
}
