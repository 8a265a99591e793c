package org.dateline.search;

import java.util.Arrays;

/**
 * The distinct story ids of one search's matches, in one primitive array (open addressing, linear
 * probing): counting the stories of a query that matches most of the archive adds one probe per
 * match, no object. Not thread-safe: one per collector slice, merged after.
 */
final class StoryIdSet {

  /** Never a story id: a story id is an article id's hash, or a doc number for none. */
  private static final long EMPTY = Long.MIN_VALUE;

  private long[] slots = filled(64);
  private int size;

  private static long[] filled(int n) {
    long[] a = new long[n];
    Arrays.fill(a, EMPTY);
    return a;
  }

  void add(long id) {
    if (id == EMPTY) {
      id = EMPTY + 1; // folded onto its neighbour: one story in 2^64 counted with another
    }
    int mask = slots.length - 1;
    int i = (int) mix(id) & mask;
    while (slots[i] != EMPTY) {
      if (slots[i] == id) {
        return;
      }
      i = (i + 1) & mask;
    }
    slots[i] = id;
    if (++size * 2 > slots.length) {
      grow();
    }
  }

  void addAll(StoryIdSet other) {
    for (long id : other.slots) {
      if (id != EMPTY) {
        add(id);
      }
    }
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] old = slots;
    slots = filled(old.length * 2);
    size = 0;
    for (long id : old) {
      if (id != EMPTY) {
        add(id);
      }
    }
  }

  /** Story ids are hashes already, but doc numbers (an article without a story) are not. */
  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    return z ^ (z >>> 33);
  }
}
