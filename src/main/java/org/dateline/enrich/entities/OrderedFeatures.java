package org.dateline.enrich.entities;

import java.util.Arrays;

/**
 * The features of one token's clique given as (hash, index) pairs, handed back as the indices the
 * CRF would have read from CoreNLP's {@code HashSet} of the same feature strings: repeats dropped,
 * then in that set's iteration order, features the model does not have left out. The order is
 * {@link FeatureSet}'s (by bucket of {@code HashMap}'s spread hash at the set's final capacity,
 * then by arrival); it matters because the CRF sums a clique's weights in it. A repeat is told from
 * a collision by spelling both features out, which only happens for equal hashes. Not thread-safe:
 * one per thread, {@link #clear cleared} before each clique.
 */
final class OrderedFeatures {

  private int[] hashes = new int[FeatureSet.FIRST_CAPACITY];
  private int[] indices = new int[FeatureSet.FIRST_CAPACITY];
  private FeatureSpelling[] spellings = new FeatureSpelling[FeatureSet.FIRST_CAPACITY];
  private int[] args = new int[FeatureSet.FIRST_CAPACITY];
  private int size;

  /** Open addressing over arrival numbers + 1 (0: empty); at most half full. */
  private int[] slots = new int[FeatureSet.FIRST_CAPACITY * 2];

  private final HashSetOrder setOrder = new HashSetOrder();

  /** Forgets every feature (keeps the arrays). */
  void clear() {
    Arrays.fill(spellings, 0, size, null);
    Arrays.fill(slots, 0);
    size = 0;
  }

  int size() {
    return size;
  }

  /**
   * Adds the feature {@code spelling.spell(arg)}, whose String hash is {@code hash} and whose index
   * in the model is {@code index} (-1: none), unless the clique has it already.
   */
  void add(int hash, int index, FeatureSpelling spelling, int arg) {
    int mask = slots.length - 1;
    int s = HashSetOrder.spread(hash) & mask;
    for (int at = slots[s]; at != 0; at = slots[s]) {
      int i = at - 1;
      if (hashes[i] == hash && same(i, spelling, arg)) {
        return;
      }
      s = (s + 1) & mask;
    }
    if (size == hashes.length) {
      grow();
    }
    hashes[size] = hash;
    indices[size] = index;
    spellings[size] = spelling;
    args[size] = arg;
    size++;
    slots[s] = size;
    if (size * 2 > slots.length) {
      rehash();
    }
  }

  private boolean same(int i, FeatureSpelling spelling, int arg) {
    return (spellings[i] == spelling && args[i] == arg)
        || spellings[i].spell(args[i]).equals(spelling.spell(arg));
  }

  private void grow() {
    int n = size * 2;
    hashes = Arrays.copyOf(hashes, n);
    indices = Arrays.copyOf(indices, n);
    spellings = Arrays.copyOf(spellings, n);
    args = Arrays.copyOf(args, n);
  }

  private void rehash() {
    slots = HashSetOrder.rehash(slots, hashes, size);
  }

  /**
   * The model's indices of the features, in the order {@code new HashSet<>(100)} holding their
   * strings would iterate them; null when a bucket of that set would have become a tree (the caller
   * then asks CoreNLP's own factory).
   */
  int[] orderedIndices() {
    int[] order = setOrder.order(hashes, size);
    if (order == null) {
      return null;
    }
    int known = 0;
    for (int i = 0; i < size; i++) {
      if (indices[i] >= 0) {
        known++;
      }
    }
    int[] out = new int[known];
    int m = 0;
    for (int k = 0; k < size; k++) {
      int index = indices[order[k]];
      if (index >= 0) {
        out[m++] = index;
      }
    }
    return out;
  }
}
