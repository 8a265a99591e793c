package org.dateline.enrich.entities;

/**
 * The feature table's most recent answers, one thread's own: a small direct-mapped memo in front of
 * {@link FeatureTable}. A Reuters article asks the table about 60 feature strings per token, and
 * the same few thousand strings (a common word, a shape, a class pair) come back in every article;
 * in the table each answer costs two reads far apart in a million-feature layout, here it is one
 * read of arrays small enough to stay in the core's cache. A slot holds the last string that fell
 * in it and the table's answer for it (an index or -1), and is replaced by the next different
 * string: a memo of a function of the string alone, so its answers are the table's. Not
 * thread-safe: one per thread.
 */
final class RecentFeatures {

  /** Slots (a power of two): 8,192 strings of about 20 characters, well inside a core's cache. */
  static final int SLOTS = 1 << 13;

  private static final int SHIFT = Integer.SIZE - Integer.numberOfTrailingZeros(SLOTS);

  /** Fibonacci hashing: spreads the String hash's bits over the slot number. */
  private static final int GOLDEN = 0x9E3779B9;

  private final String[] keys = new String[SLOTS];

  private final int[] hashes = new int[SLOTS];

  private final int[] answers = new int[SLOTS];

  private final FeatureTable table;

  RecentFeatures(FeatureTable table) {
    this.table = table;
  }

  /** What {@code table.indexOf(feature)} answers. */
  int indexOf(String feature) {
    int hash = feature.hashCode();
    int s = (hash * GOLDEN) >>> SHIFT;
    String known = keys[s];
    if (known != null && hashes[s] == hash && known.equals(feature)) {
      return answers[s];
    }
    int answer = table.lookUp(feature, hash);
    keys[s] = feature;
    hashes[s] = hash;
    answers[s] = answer;
    return answer;
  }
}
