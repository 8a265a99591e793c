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
 * and an equal one is confirmed with one read of the characters. Most features a token gives are
 * not in the model, and the slot array (8 MB for the shipped model's 346,710 features, beside its
 * characters) is too large for a core's cache, so each such miss waited for memory: a bit per hash
 * value ({@link #present}, at least 8 bits a feature: 0.5 MB here) answers most of them first. Same
 * answers as the index it copies ({@code FeatureTableTest} checks every feature of the model and a
 * near miss of each). Thread-safe: immutable.
 */
final class FeatureTable implements Index<String> {

  private static final long serialVersionUID = 1L;

  /** Characters before each feature's own: its index (two chars) and its length. */
  private static final int HEADER_CHARS = 3;

  /**
   * At least 2^3 = 8 bits of {@link #present} per feature, so at most 1 absent hash in 8 probes.
   */
  private static final int BITS_PER_FEATURE_LOG2 = 3;

  /** Slots are at most half full, so a probe sequence stays short. */
  private static final int SLOTS_PER_FEATURE = 2;

  /** Per slot: the hash in the high half, 1 + where the feature starts in {@link #chars} low. */
  private final long[] slots;

  private final char[] chars;

  /** Where each feature starts in {@link #chars}, by index (for {@link #get}). */
  private final int[] starts;

  private final int mask;

  /**
   * A bit set over the features' hashes ({@link #bit}): a clear bit means no feature of the model
   * has that hash, so the slots need not be read. A set bit says nothing (another hash may share
   * it).
   */
  private final long[] present;

  /** 32 - log2 of {@link #present}'s length in bits: the shift that picks a hash's bit. */
  private final int presentShift;

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
    int bitsLog2 =
        Math.max(6, 32 - Integer.numberOfLeadingZeros(Math.max(1, n) - 1) + BITS_PER_FEATURE_LOG2);
    present = new long[1 << (bitsLog2 - 6)];
    presentShift = 32 - bitsLog2;
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
      int b = bit(f.hashCode());
      present[b >>> 6] |= 1L << b;
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

  /**
   * The bit of {@link #present} for {@code hash}: the high bits of a multiplicative hash, which are
   * not the low bits that pick a slot.
   */
  private int bit(int hash) {
    return (hash * 0x9E3779B9) >>> presentShift;
  }

  /** False when no feature of the model has the String hash {@code hash}. */
  private boolean mayHave(int hash) {
    int b = bit(hash);
    return (present[b >>> 6] & (1L << b)) != 0;
  }

  @Override
  public int indexOf(String feature) {
    int hash = feature.hashCode();
    if (!mayHave(hash)) {
      return -1;
    }
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
    if (!mayHave(hash)) {
      return -1;
    }
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
