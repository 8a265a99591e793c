package org.dateline.enrich.entities;

import java.util.Arrays;

/**
 * The iteration order of a {@code new HashSet<>(100)} given its keys' String hashes in arrival
 * order: by bucket of {@code HashMap}'s spread hash at the set's final capacity, then by arrival
 * (see {@link FeatureSet}). Also the open-addressing table over arrival numbers that {@link
 * FeatureSet} and {@link OrderedFeatures} find repeats with. Keeps its scratch arrays between
 * calls; not thread-safe: one per owner.
 */
final class HashSetOrder {

  /** What {@code new HashSet<>(100)} starts with ({@code HashMap.tableSizeFor(100)}). */
  static final int FIRST_CAPACITY = 128;

  /** A {@code HashMap} bucket of this many keys becomes a tree, whose order is not arrival. */
  private static final int TREE_BUCKET = 9;

  private int[] counts = new int[FIRST_CAPACITY];
  private int[] order = new int[FIRST_CAPACITY];

  /**
   * The arrival numbers of the first {@code size} hashes in the set's iteration order (the first
   * {@code size} entries of the array returned, valid until the next call), or null when a bucket
   * would have become a tree.
   */
  int[] order(int[] hashes, int size) {
    int capacity = FIRST_CAPACITY;
    while (size > capacity - (capacity >>> 2)) { // HashMap's threshold: 0.75 of its capacity
      capacity <<= 1;
    }
    // A bucket at a larger capacity holds a subset of a bucket at 128, so checking the buckets at
    // 128 over all the keys bounds every bucket the map ever had.
    if (capacity > FIRST_CAPACITY && largestBucket(hashes, size, FIRST_CAPACITY) >= TREE_BUCKET) {
      return null;
    }
    if (largestBucket(hashes, size, capacity) >= TREE_BUCKET) {
      return null;
    }
    // counts[] now holds the bucket sizes at the final capacity: turn them into starts
    int start = 0;
    for (int b = 0; b < capacity; b++) {
      int c = counts[b];
      counts[b] = start;
      start += c;
    }
    if (order.length < size) {
      order = new int[hashes.length];
    }
    int mask = capacity - 1;
    for (int i = 0; i < size; i++) {
      order[counts[spread(hashes[i]) & mask]++] = i;
    }
    return order;
  }

  /** Bucket sizes at {@code capacity} into {@link #counts}; returns the largest. */
  private int largestBucket(int[] hashes, int size, int capacity) {
    if (counts.length < capacity) {
      counts = new int[capacity];
    } else {
      Arrays.fill(counts, 0, capacity, 0);
    }
    int mask = capacity - 1;
    int largest = 0;
    for (int i = 0; i < size; i++) {
      largest = Math.max(largest, ++counts[spread(hashes[i]) & mask]);
    }
    return largest;
  }

  /** A table of twice {@code slots}' length over the first {@code size} hashes' arrival numbers. */
  static int[] rehash(int[] slots, int[] hashes, int size) {
    int[] out = new int[slots.length * 2];
    int mask = out.length - 1;
    for (int i = 0; i < size; i++) {
      int s = spread(hashes[i]) & mask;
      while (out[s] != 0) {
        s = (s + 1) & mask;
      }
      out[s] = i + 1;
    }
    return out;
  }

  /** {@code HashMap.hash}: the high half folded into the low half. */
  static int spread(int h) {
    return h ^ (h >>> 16);
  }
}
