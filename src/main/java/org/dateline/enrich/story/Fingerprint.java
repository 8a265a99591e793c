package org.dateline.enrich.story;

import java.util.Arrays;
import java.util.List;

/**
 * What a story's text is known by: the distinct shingles of {@link #SHINGLE_WORDS} words of its
 * {@link StoryText#words}, {@link #MIN_HASHES} MinHash values over them (candidates are found by
 * those), and for a text too short to compare by shingles an exact hash of its title and words.
 * Immutable; pure computation.
 *
 * @param shingles the distinct shingle hashes, sorted
 * @param inOrder the shingle hashes in the order of the text, one for each word that starts a
 *     shingle (which words a shared shingle covers: {@link Overlap#coverage}); empty for a short
 *     text
 * @param numbersMasked the same with every number read as one symbol (what is left when the numbers
 *     are taken out of the comparison: see {@link CopyRule}); empty for a short text
 * @param minHashes one MinHash value per slot, {@link #VALUE_BITS} bits each; empty for a short
 *     text
 * @param exactHash hash of the title and words of a short text; 0 for a long or empty one
 * @param nameHashes the names, numbers and vocabulary of the text ({@link #numbers}, {@link
 *     #names}, {@link #vocabulary}), read once, when first asked; none for a short text
 * @param corrected whether the title marks the article as a correction or re-send ({@link
 *     Correction}): the same story as the text it corrects, whatever number it changed
 */
public record Fingerprint(
    long[] shingles,
    long[] inOrder,
    long[] numbersMasked,
    int[] minHashes,
    long exactHash,
    NameHashes nameHashes,
    boolean corrected) {

  public static final int SHINGLE_WORDS = 5;
  public static final int MIN_HASHES = 64;

  /** Bits kept of each MinHash value: enough that unrelated articles rarely share one. */
  public static final int VALUE_BITS = 24;

  /** Below this many shingles a text is matched only by its exact hash. */
  public static final int MIN_SHINGLES = 40;

  private static final long[] SEEDS = seeds();

  /** A fingerprint without names (one that is not verified against another). */
  public Fingerprint(
      long[] shingles, long[] inOrder, long[] numbersMasked, int[] minHashes, long exactHash) {
    this(shingles, inOrder, numbersMasked, minHashes, exactHash, NameHashes.NONE, false);
  }

  /** No shingles, no MinHash values, no exact hash: a text that is never compared. */
  public static final Fingerprint NONE =
      new Fingerprint(new long[0], new long[0], new long[0], new int[0], 0);

  /** The fingerprint of an article's title and text. */
  public static Fingerprint of(String title, String text) {
    return withHashes(verifying(title, text, true), title, text);
  }

  /**
   * What the index keeps of {@code title} and {@code text} ({@link #minHashes} and {@link
   * #exactHash}, the same as {@link #of}'s) and nothing to verify a copy with: for writing an
   * article again whose text did not change, without reading its names, numbers and amounts.
   */
  public static Fingerprint hashesOf(String title, String text) {
    String stripped = StoryText.strip(text == null ? "" : text, true);
    long[] shingles = distinct(inOrder(StoryText.tokens(stripped)));
    return withHashes(
        new Fingerprint(shingles, new long[0], new long[0], new int[0], 0), title, text);
  }

  /** {@code v} with its MinHash values or, for a short text, its exact hash. */
  private static Fingerprint withHashes(Fingerprint v, String title, String text) {
    // A short text is matched by its exact hash only: its MinHash values would never be used.
    int[] minHashes = v.comparable() ? minHashes(v.shingles) : new int[0];
    long exact = 0;
    List<String> all = v.comparable() ? List.of() : StoryText.allWords(text);
    if (!all.isEmpty()) {
      // A short notice says little besides its numbers: its title tells two companies apart.
      // The title is taken whole: a headline in capitals before a dash is no dateline.
      exact = mix(hashWords(StoryText.tokens(title == null ? "" : title)) ^ hashWords(all) * 31);
      exact = exact == 0 ? 1 : exact;
    }
    return new Fingerprint(
        v.shingles, v.inOrder, v.numbersMasked, minHashes, exact, v.nameHashes, v.corrected);
  }

  /**
   * What verifying a candidate copy needs of {@code title} and {@code text}: its shingles, plain
   * and with numbers masked, whether the title marks a correction (no MinHash values, no exact
   * hash); its names are read only if a names test asks.
   */
  public static Fingerprint forVerifying(String title, String text) {
    return verifying(title, text, false);
  }

  /**
   * With {@code kept}, the fingerprint outlives this call (an article's own, kept among the recent
   * copies): its names hold only the stripped text until asked, not the list of its words.
   */
  private static Fingerprint verifying(String title, String text, boolean kept) {
    // stripped once: the words and the names are read from the same text
    String stripped = StoryText.strip(text == null ? "" : text, true);
    List<String> words = StoryText.tokens(stripped);
    long[] wordHashes = wordHashes(words);
    long[] inOrder = shinglesOf(wordHashes, wordHashes.length);
    long[] shingles = distinct(inOrder);
    if (shingles.length < MIN_SHINGLES) {
      return new Fingerprint(shingles, new long[0], new long[0], new int[0], 0);
    }
    NameHashes names = NameHashes.whenAsked(stripped, kept ? null : words, Fingerprint::hash);
    return new Fingerprint(
        shingles,
        inOrder,
        distinct(maskedShingles(words, wordHashes)),
        new int[0],
        0,
        names,
        Correction.marked(title));
  }

  /** Hashes of the numbers the text prints, each whole ({@link Names}), sorted. */
  public long[] numbers() {
    return nameHashes.numbers();
  }

  /** Hashes of the names the text prints ({@link Names}), sorted. */
  public long[] names() {
    return nameHashes.names();
  }

  /** The amounts the text prints, with their other forms and paragraphs ({@link Amounts}). */
  Amounts amounts() {
    return nameHashes.amounts();
  }

  /**
   * Hashes of every word, name and number of the text and of the other forms of its amounts ({@link
   * Amounts}), sorted, distinct.
   */
  public long[] vocabulary() {
    return nameHashes.vocabulary();
  }

  /**
   * The words with every number as one and the same symbol: a run of words holding a digit is one
   * number ("1.5", "6-3/8" and "2.85-1/4" are cut into two or three words), so a text that prints
   * "1.5 billion" where another prints "two billion" masks to the same words. (The fingerprint
   * takes these shingles from the words' hashes, {@link #maskedShingles}; a test holds it to this.)
   */
  static List<String> masked(List<String> words) {
    List<String> out = new java.util.ArrayList<>(words.size());
    boolean inNumber = false;
    for (String w : words) {
      boolean number = HouseStyle.isNumber(w);
      if (!number || !inNumber) {
        out.add(number ? "#" : w);
      }
      inNumber = number;
    }
    return out;
  }

  /**
   * The shorter of two fingerprints: fewer distinct shingles, then fewer words, then the smaller
   * shingles; the same whichever is given first. The copy rule reads the shorter text's
   * containment, numbers and names, so a pair gets one answer in either order (two results notices
   * of 47 shingles each were copies in one order and not in the other: session 11).
   */
  public static Fingerprint shorter(Fingerprint a, Fingerprint b) {
    int c = Integer.compare(a.shingles.length, b.shingles.length);
    c = c != 0 ? c : Integer.compare(a.inOrder.length, b.inOrder.length);
    c = c != 0 ? c : Arrays.compare(a.shingles, b.shingles);
    c = c != 0 ? c : Arrays.compare(a.numbersMasked, b.numbersMasked);
    return c <= 0 ? a : b;
  }

  /** True when the text is long enough to be compared by its shingles. */
  public boolean comparable() {
    return shingles.length >= MIN_SHINGLES;
  }

  static long[] shingles(List<String> words) {
    return distinct(inOrder(words));
  }

  /** The shingle hashes of {@code words} in text order (repeats kept). */
  static long[] inOrder(List<String> words) {
    return shinglesOf(wordHashes(words), words.size());
  }

  private static long[] wordHashes(List<String> words) {
    long[] out = new long[words.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = hash(words.get(i));
    }
    return out;
  }

  /** The shingle hashes, in order, of the first {@code n} words hashed in {@code wordHashes}. */
  private static long[] shinglesOf(long[] wordHashes, int n) {
    if (n < SHINGLE_WORDS) {
      return new long[0];
    }
    long[] out = new long[n - SHINGLE_WORDS + 1];
    for (int i = 0; i < out.length; i++) {
      long h = 0;
      for (int k = 0; k < SHINGLE_WORDS; k++) {
        h = mix(h * 0x100000001B3L + wordHashes[i + k]);
      }
      out[i] = h;
    }
    return out;
  }

  private static final long NUMBER_HASH = hash("#");

  /**
   * {@link #inOrder} of {@link #masked}'s words, from the words' hashes already taken: a number's
   * run is the one hash of "#" (no list of masked words made, no word hashed twice).
   */
  private static long[] maskedShingles(List<String> words, long[] wordHashes) {
    long[] masked = new long[words.size()];
    int n = 0;
    boolean inNumber = false;
    for (int i = 0; i < masked.length; i++) {
      boolean number = HouseStyle.isNumber(words.get(i));
      if (!number || !inNumber) {
        masked[n++] = number ? NUMBER_HASH : wordHashes[i];
      }
      inNumber = number;
    }
    return shinglesOf(masked, n);
  }

  /** {@code hashes} sorted, each once (a stream's sorted().distinct() cost a twelfth of this). */
  static long[] distinct(long[] hashes) {
    if (hashes.length == 0) {
      return hashes;
    }
    long[] out = hashes.clone();
    Arrays.sort(out);
    int n = 1;
    for (int i = 1; i < out.length; i++) {
      if (out[i] != out[n - 1]) {
        out[n++] = out[i];
      }
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  private static int[] minHashes(long[] shingles) {
    int[] out = new int[MIN_HASHES];
    for (int slot = 0; slot < MIN_HASHES; slot++) {
      long min = Long.MAX_VALUE;
      for (long s : shingles) {
        // Compared unsigned so that every 64-bit value counts.
        long v = mix(s ^ SEEDS[slot]);
        if (Long.compareUnsigned(v, min) < 0) {
          min = v;
        }
      }
      out[slot] = (int) (mix(min) & ((1L << VALUE_BITS) - 1));
    }
    return out;
  }

  private static long hashWords(List<String> words) {
    long h = 0x9E3779B97F4A7C15L;
    for (String w : words) {
      h = mix(h * 0x100000001B3L + hash(w));
    }
    return h;
  }

  /** FNV-1a over the word's chars, then mixed. */
  private static long hash(String word) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < word.length(); i++) {
      h = (h ^ word.charAt(i)) * 0x100000001B3L;
    }
    return mix(h);
  }

  /** The finaliser of SplitMix64: every input bit moves every output bit. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static long[] seeds() {
    long[] seeds = new long[MIN_HASHES];
    long state = 0x5DEECE66DL;
    for (int i = 0; i < seeds.length; i++) {
      state += 0x9E3779B97F4A7C15L;
      seeds[i] = mix(state);
    }
    return seeds;
  }

  /** How many slots two fingerprints agree on (0 when either has no shingle). */
  public int sharedMinHashes(Fingerprint other) {
    if (minHashes.length == 0 || other.minHashes.length == 0) {
      return 0;
    }
    int n = 0;
    for (int i = 0; i < MIN_HASHES; i++) {
      n += minHashes[i] == other.minHashes[i] ? 1 : 0;
    }
    return n;
  }

  // Records compare arrays by identity; fingerprints are compared by content (the names, read
  // from the case of the text, only check a coverage join: not part of what a text is known by).
  @Override
  public boolean equals(Object o) {
    return o instanceof Fingerprint f
        && exactHash == f.exactHash
        && Arrays.equals(shingles, f.shingles)
        && Arrays.equals(inOrder, f.inOrder)
        && Arrays.equals(numbersMasked, f.numbersMasked)
        && Arrays.equals(minHashes, f.minHashes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(minHashes) * 31 + Long.hashCode(exactHash);
  }

  @Override
  public String toString() {
    return "Fingerprint["
        + shingles.length
        + " shingles, exact "
        + Long.toHexString(exactHash)
        + "]";
  }
}
