package org.dateline.enrich.entities;

/**
 * {@link String#hashCode()} of a concatenation from the hashes of its parts: {@code s.hashCode()}
 * is the sum of {@code s[i] * 31^(n-1-i)}, so {@code (a + b).hashCode() == a.hashCode() *
 * 31^b.length() + b.hashCode()} in int arithmetic. Lets the recogniser know a feature string's hash
 * (which decides its place in CoreNLP's {@code HashSet} and in the feature table) without building
 * the string. Thread-safe: stateless.
 */
final class StringHashes {

  /** 31 to the power i, for parts up to this long; longer ones are computed. */
  private static final int[] POWERS = new int[4_096];

  static {
    int p = 1;
    for (int i = 0; i < POWERS.length; i++) {
      POWERS[i] = p;
      p *= 31;
    }
  }

  private StringHashes() {}

  /** The hash of {@code prefix + part}, where {@code prefixHash} is the prefix's hash. */
  static int append(int prefixHash, String part) {
    return prefixHash * power(part.length()) + part.hashCode();
  }

  /** 31 to the power {@code n}, modulo 2^32 as Java's int arithmetic does it. */
  static int power(int n) {
    if (n < POWERS.length) {
      return POWERS[n];
    }
    int p = POWERS[POWERS.length - 1];
    for (int i = POWERS.length - 1; i < n; i++) {
      p *= 31;
    }
    return p;
  }
}
