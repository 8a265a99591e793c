package org.dateline.enrich.entities;

import edu.stanford.nlp.util.Index;
import java.io.Writer;
import java.util.AbstractList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * A read-only copy of the CRF's feature index (feature string to weight row) laid out for lookups
 * that touch two arrays instead of five objects. The recogniser looks up every feature string of
 * every token, most of which the model does not have; CoreNLP's {@code HashIndex} answers from a
 * {@code HashMap<String,Integer>}, whose bucket, node, key, key bytes and boxed value are each a
 * cache miss in a table of a million features. Here a slot holds the feature's hash and where its
 * characters start in one shared {@code char[]}: a different hash is rejected in the slot array,
 * and an equal one is confirmed with one read of the characters. Same answers as the index it
 * copies ({@code FeatureTableTest} checks every feature of the model). Thread-safe: immutable.
 */
final class FeatureTable implements Index<String> {

  private static final long serialVersionUID = 1L;

  /** Characters before each feature's own: its index (two chars) and its length. */
  private static final int HEADER_CHARS = 3;

  /** Slots are at most half full, so a probe sequence stays short. */
  private static final int SLOTS_PER_FEATURE = 2;

  /** Per slot: the hash in the high half, 1 + where the feature starts in {@link #chars} low. */
  private final long[] slots;

  private final char[] chars;

  /** Where each feature starts in {@link #chars}, by index (for {@link #get}). */
  private final int[] starts;

  private final int mask;

  /** Copies {@code index}, whose features are numbered 0 to size - 1. */
  FeatureTable(Index<String> index) {
    int n = index.size();
    long total = 0;
    for (int i = 0; i < n; i++) {
      total += HEADER_CHARS + index.get(i).length();
    }
    if (total >= Integer.MAX_VALUE) {
      throw new IllegalArgumentException("feature index too large to copy: " + total + " chars");
    }
    int capacity = Integer.highestOneBit(Math.max(2, n * SLOTS_PER_FEATURE - 1)) << 1;
    slots = new long[capacity];
    mask = capacity - 1;
    chars = new char[(int) total];
    starts = new int[n];
    int at = 0;
    for (int i = 0; i < n; i++) {
      String f = index.get(i);
      if (f.length() > Character.MAX_VALUE) {
        throw new IllegalArgumentException("feature " + i + " is longer than 65,535 chars");
      }
      starts[i] = at;
      chars[at] = (char) (i >>> 16);
      chars[at + 1] = (char) i;
      chars[at + 2] = (char) f.length();
      f.getChars(0, f.length(), chars, at + HEADER_CHARS);
      put(f.hashCode(), at);
      at += HEADER_CHARS + f.length();
    }
  }

  private void put(int hash, int start) {
    int s = spread(hash) & mask;
    while (slots[s] != 0) {
      s = (s + 1) & mask;
    }
    slots[s] = ((long) hash << 32) | (start + 1L);
  }

  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }

  @Override
  public int indexOf(String feature) {
    int hash = feature.hashCode();
    for (int s = spread(hash) & mask; ; s = (s + 1) & mask) {
      long slot = slots[s];
      if (slot == 0) {
        return -1;
      }
      if ((int) (slot >>> 32) == hash) {
        int start = (int) slot - 1;
        if (sameChars(feature, start)) {
          return (chars[start] << 16) | chars[start + 1];
        }
      }
    }
  }

  /**
   * The index of the feature spelled by {@code parts[0..count)} one after the other, whose String
   * hash is {@code hash}, or -1: the same answer as {@link #indexOf(String)} on their
   * concatenation, without building it.
   */
  int indexOf(int hash, String[] parts, int count) {
    for (int s = spread(hash) & mask; ; s = (s + 1) & mask) {
      long slot = slots[s];
      if (slot == 0) {
        return -1;
      }
      if ((int) (slot >>> 32) == hash) {
        int start = (int) slot - 1;
        if (sameChars(parts, count, start)) {
          return (chars[start] << 16) | chars[start + 1];
        }
      }
    }
  }

  private boolean sameChars(String[] parts, int count, int start) {
    int len = 0;
    for (int i = 0; i < count; i++) {
      len += parts[i].length();
    }
    if (chars[start + 2] != len) {
      return false;
    }
    int at = start + HEADER_CHARS;
    for (int i = 0; i < count; i++) {
      String part = parts[i];
      for (int j = 0, n = part.length(); j < n; j++, at++) {
        if (chars[at] != part.charAt(j)) {
          return false;
        }
      }
    }
    return true;
  }

  private boolean sameChars(String feature, int start) {
    int len = feature.length();
    if (chars[start + 2] != len) {
      return false;
    }
    int from = start + HEADER_CHARS;
    for (int j = 0; j < len; j++) {
      if (chars[from + j] != feature.charAt(j)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int size() {
    return starts.length;
  }

  @Override
  public String get(int i) {
    int start = starts[i];
    return new String(chars, start + HEADER_CHARS, chars[start + 2]);
  }

  @Override
  public int indexOf(String o, boolean add) {
    if (add) {
      throw readOnly();
    }
    return indexOf(o);
  }

  @Override
  public boolean contains(Object o) {
    return o instanceof String s && indexOf(s) >= 0;
  }

  @Override
  public List<String> objectsList() {
    return new AbstractList<>() {
      @Override
      public String get(int i) {
        return FeatureTable.this.get(i);
      }

      @Override
      public int size() {
        return FeatureTable.this.size();
      }
    };
  }

  @Override
  public Collection<String> objects(int[] indices) {
    return new AbstractList<>() {
      @Override
      public String get(int i) {
        return FeatureTable.this.get(indices[i]);
      }

      @Override
      public int size() {
        return indices.length;
      }
    };
  }

  @Override
  public Iterator<String> iterator() {
    return objectsList().iterator();
  }

  @Override
  public boolean isLocked() {
    return true;
  }

  @Override
  public void lock() {
    // always locked
  }

  @Override
  public void unlock() {
    throw readOnly();
  }

  @Override
  public int addToIndex(String o) {
    throw readOnly();
  }

  @Override
  public boolean add(String e) {
    throw readOnly();
  }

  @Override
  public boolean addAll(Collection<? extends String> c) {
    throw readOnly();
  }

  @Override
  public void clear() {
    throw readOnly();
  }

  @Override
  public void saveToWriter(Writer out) {
    throw readOnly();
  }

  @Override
  public void saveToFilename(String s) {
    throw readOnly();
  }

  private static UnsupportedOperationException readOnly() {
    return new UnsupportedOperationException("the recogniser's feature table is read-only");
  }
}
