package org.dateline.enrich.entities;

import java.util.ArrayList;
import java.util.List;

/**
 * What the model's feature templates read from one word form, worked out once: the word as the
 * model reads it (its word function applied), its word cluster, the features it gives in every role
 * that depends on it alone (as the token, its left or right neighbour, a word of the window, in the
 * edge clique) and its prefix and suffix n-grams, each as a hash and an index in the model's
 * feature table. A token then costs a lookup of its word form instead of building and looking up
 * some thirty strings. Thread-safe: immutable.
 */
final class WordFeatures implements FeatureSpelling {

  // roles of the word, in RoleFeatures: base 0 is the word, 1 the cluster as CoreLabel.get reads
  // it (null spelled "null"), 2 the cluster as CoreLabel.getString reads it (null is "")
  static final int DISTSIM = 0;
  static final int WORD = 1;
  static final int PW = 2;
  static final int PDISTSIM = 3;
  static final int NW = 4;
  static final int NDISTSIM = 5;
  static final int DISJN = 6;
  static final int DISJP = 7;
  static final int PSEQW = 8;
  static final int PSEQ_PW = 9;
  static final int PSEQ_PDS = 10;
  static final int PSEQ_CDS = 11;

  private static final String[] SUFFIXES = {
    "-DISTSIM|C",
    "-WORD|C",
    "-PW|C",
    "-PDISTSIM|C",
    "-NW|C",
    "-NDISTSIM|C",
    "-DISJN|C",
    "-DISJP|C",
    "-PSEQW|CpC",
    "-PSEQpW|CpC",
    "-PSEQpDS|CpC",
    "-PSEQcDS|CpC"
  };
  private static final byte[] BASES = {1, 0, 0, 1, 0, 1, 0, 0, 0, 0, 2, 2};

  /** Longest n-gram, as the model's {@code maxNGramLeng}. */
  static final int MAX_NGRAM = 6;

  final String word;

  /** The word cluster (null: none). */
  final String cluster;

  /** The word cluster as the templates read it with {@code get} and with {@code getString}. */
  final String clusterGot;

  final String clusterString;

  final boolean nameCase;
  final boolean noUpperCase;
  final boolean hasLetter;

  final RoleFeatures roles;

  /** The distinct n-grams of the word, in the order the templates add them: hash, index. */
  private final int[] ngrams;

  /** Where each n-gram starts and ends in {@code '<' + word + '>'}. */
  private final int[] ngramSpans;

  /** {@code word} as the model reads it; {@code cluster} its word cluster (null: none). */
  WordFeatures(String word, String cluster, FeatureTable table) {
    this.word = word;
    this.cluster = cluster;
    this.clusterGot = String.valueOf(cluster);
    this.clusterString = cluster == null ? "" : cluster;
    this.nameCase = isNameCase(word);
    this.noUpperCase = noUpperCase(word);
    this.hasLetter = hasLetter(word);
    this.roles =
        new RoleFeatures(new String[] {word, clusterGot, clusterString}, BASES, SUFFIXES, table);
    List<String> grams = new ArrayList<>();
    List<int[]> spans = new ArrayList<>();
    String padded = '<' + word + '>';
    int len = padded.length();
    for (int j = 2; j <= Math.min(MAX_NGRAM, len); j++) {
      addGram(padded, 0, j, grams, spans);
    }
    for (int i = Math.max(0, len - MAX_NGRAM); i < len - 1; i++) {
      addGram(padded, i, len, grams, spans);
    }
    ngrams = new int[grams.size() * 2];
    ngramSpans = new int[grams.size() * 2];
    for (int k = 0; k < grams.size(); k++) {
      String g = grams.get(k);
      ngrams[2 * k] = g.hashCode();
      ngrams[2 * k + 1] = table.indexOf(g);
      ngramSpans[2 * k] = spans.get(k)[0];
      ngramSpans[2 * k + 1] = spans.get(k)[1];
    }
  }

  /**
   * Adds {@code '#' + padded[from, to) + '#' + "|C"} unless the word already gave it (a short
   * word's longest prefix is its longest suffix): the clique's set would drop the repeat anyway.
   */
  private static void addGram(
      String padded, int from, int to, List<String> grams, List<int[]> spans) {
    String g = '#' + padded.substring(from, to) + "#|C";
    if (!grams.contains(g)) {
      grams.add(g);
      spans.add(new int[] {from, to});
    }
  }

  /** Adds the word's n-grams to {@code out}, in order. */
  void addNgramsTo(OrderedFeatures out) {
    for (int k = 0; k < ngrams.length; k += 2) {
      out.add(ngrams[k], ngrams[k + 1], this, k / 2);
    }
  }

  @Override
  public String spell(int ngram) {
    String padded = '<' + word + '>';
    return '#' + padded.substring(ngramSpans[2 * ngram], ngramSpans[2 * ngram + 1]) + "#|C";
  }

  /** As CoreNLP's occurrence templates: a capital, then no capital, at least two characters. */
  private static boolean isNameCase(String s) {
    if (s.length() < 2) {
      return false;
    }
    if (!(Character.isUpperCase(s.charAt(0)) || Character.isTitleCase(s.charAt(0)))) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      if (Character.isUpperCase(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean noUpperCase(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (Character.isUpperCase(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasLetter(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetter(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
