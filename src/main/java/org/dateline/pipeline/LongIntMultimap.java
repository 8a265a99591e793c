package org.dateline.pipeline;

import java.util.Arrays;

/**
 * A multimap from {@code long} keys to {@code int} values held in a few primitive arrays: the
 * values of a key are kept in the order they were put. {@link RecentCopies} indexes up to 10,000
 * articles by their 64 MinHash values each; as boxed keys in hash-map nodes and lists that was 6.7
 * KB of small objects per article, which every young collection had to trace and copy (an ingest of
 * 50,000 plain-text files spent more wall time in GC pauses than in story matching). Here an entry
 * costs about 40 bytes in arrays the collector never looks inside. Not thread-safe.
 */
final class LongIntMultimap {

  private static final int NONE = -1;

  /** Open addressing, linear probing; a slot is empty when its head is {@link #NONE}. */
  private long[] keys;

  private int[] heads;
  private int[] tails;
  private int distinctKeys;

  /** Entry i: its value, and the next entry of the same key ({@link #NONE} at the last). */
  private int[] values;

  private int[] next;
  private int entries;

  LongIntMultimap() {
    clear();
  }

  /** Removes every entry (the arrays shrink back to their first size). */
  void clear() {
    keys = new long[64];
    heads = new int[64];
    tails = new int[64];
    Arrays.fill(heads, NONE);
    distinctKeys = 0;
    values = new int[256];
    next = new int[256];
    entries = 0;
  }

  /** Adds {@code value} after the values {@code key} already has. */
  void put(long key, int value) {
    if (entries == values.length) {
      values = Arrays.copyOf(values, entries * 2);
      next = Arrays.copyOf(next, entries * 2);
    }
    int e = entries++;
    values[e] = value;
    next[e] = NONE;
    int slot = slotOf(key);
    if (heads[slot] == NONE) {
      keys[slot] = key;
      heads[slot] = e;
      tails[slot] = e;
      if (++distinctKeys * 2 > keys.length) {
        grow();
      }
    } else {
      next[tails[slot]] = e;
      tails[slot] = e;
    }
  }

  /** The first entry of {@code key}, or a negative number when it has none. */
  int first(long key) {
    return heads[slotOf(key)];
  }

  /** The entry after {@code entry} of the same key, or a negative number after the last. */
  int next(int entry) {
    return next[entry];
  }

  /** The value of {@code entry}. */
  int value(int entry) {
    return values[entry];
  }

  /** The slot holding {@code key}, or the empty slot where it would go. */
  private int slotOf(long key) {
    int mask = keys.length - 1;
    int slot = (int) mix(key) & mask;
    while (heads[slot] != NONE && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldHeads = heads;
    int[] oldTails = tails;
    keys = new long[oldKeys.length * 2];
    heads = new int[oldKeys.length * 2];
    tails = new int[oldKeys.length * 2];
    Arrays.fill(heads, NONE);
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldHeads[i] != NONE) {
        int slot = slotOf(oldKeys[i]);
        keys[slot] = oldKeys[i];
        heads[slot] = oldHeads[i];
        tails[slot] = oldTails[i];
      }
    }
  }

  /** The SplitMix64 finaliser: MinHash keys differ mostly in their low bits. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
