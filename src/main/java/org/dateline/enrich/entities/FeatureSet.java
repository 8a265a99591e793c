package org.dateline.enrich.entities;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * The feature strings of one token's clique, collected without a {@code HashSet} but handed out in
 * exactly the order a {@code new HashSet<>(100)} holding the same strings, added in the same order,
 * iterates them. That order matters: the CRF sums a clique's feature weights in it, and
 * floating-point sums in another order can differ in the last bit.
 *
 * <p>The JDK's {@code HashMap} keeps a key in bucket {@code spread(hash) & (capacity - 1)}, lists a
 * bucket's keys in the order they came (a resize splits a bucket and keeps that order), starts at
 * 128 buckets for a requested 100 and doubles when it holds more than three quarters of its
 * capacity. So its iteration order is: by bucket at the final capacity, then by arrival. The one
 * exception, a bucket of nine or more keys (then stored as a tree), is reported by {@link
 * #orderedLikeHashSet} so that the caller uses a real {@code HashSet}; with about sixty features in
 * 128 buckets it does not happen in practice.
 *
 * <p>Not thread-safe: one per thread, {@link #clear cleared} before each token's features.
 */
final class FeatureSet extends AbstractSet<String> {

  /** What {@code new HashSet<>(100)} starts with ({@code HashMap.tableSizeFor(100)}). */
  static final int FIRST_CAPACITY = HashSetOrder.FIRST_CAPACITY;

  private String[] keys = new String[FIRST_CAPACITY];
  private int[] hashes = new int[FIRST_CAPACITY];
  private int size;

  /** Open addressing over arrival numbers + 1 (0: empty); at most half full. */
  private int[] slots = new int[FIRST_CAPACITY * 2];

  private final HashSetOrder setOrder = new HashSetOrder();

  /** Forgets every string (keeps the arrays). */
  @Override
  public void clear() {
    for (int i = 0; i < size; i++) {
      keys[i] = null;
    }
    Arrays.fill(slots, 0);
    size = 0;
  }

  @Override
  public boolean add(String key) {
    int h = key.hashCode();
    int mask = slots.length - 1;
    int s = HashSetOrder.spread(h) & mask;
    for (int at = slots[s]; at != 0; at = slots[s]) {
      if (hashes[at - 1] == h && keys[at - 1].equals(key)) {
        return false;
      }
      s = (s + 1) & mask;
    }
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      hashes = Arrays.copyOf(hashes, size * 2);
    }
    keys[size] = key;
    hashes[size] = h;
    size++;
    slots[s] = size;
    if (size * 2 > slots.length) {
      rehash();
    }
    return true;
  }

  private void rehash() {
    slots = HashSetOrder.rehash(slots, hashes, size);
  }

  @Override
  public boolean contains(Object o) {
    if (!(o instanceof String key)) {
      return false;
    }
    int h = key.hashCode();
    int mask = slots.length - 1;
    for (int s = HashSetOrder.spread(h) & mask, at = slots[s];
        at != 0;
        s = (s + 1) & mask, at = slots[s]) {
      if (hashes[at - 1] == h && keys[at - 1].equals(key)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public int size() {
    return size;
  }

  /** The strings in arrival order (not the order a {@code HashSet} would give). */
  @Override
  public Iterator<String> iterator() {
    return Arrays.asList(keys).subList(0, size).iterator();
  }

  /**
   * The strings in the order {@code new HashSet<>(100)} would iterate them, or null when a bucket
   * would have become a tree (the caller then collects into a real {@code HashSet}).
   */
  List<String> orderedLikeHashSet() {
    int[] order = setOrder.order(hashes, size);
    if (order == null) {
      return null;
    }
    String[] out = new String[size];
    for (int k = 0; k < size; k++) {
      out[k] = keys[order[k]];
    }
    return Arrays.asList(out);
  }
}
