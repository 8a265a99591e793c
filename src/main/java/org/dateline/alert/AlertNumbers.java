package org.dateline.alert;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A dense number for every alert id this process has seen (0, 1, 2 ...), and what the ingest hook
 * needs to know of each alert by number: whether it is saved, whether it tells by digest, whether
 * it posts to a webhook. The matcher's table hands the book numbers, and the book keeps each
 * alert's state in arrays indexed by them: with 100k alerts and ~2,000 matches an article, a map
 * lookup by id string per match (the alert's log, its record in the store) was a cache miss each
 * (issue 17's profile). A number is never reused within a process; numbers are not written to disk
 * (journal and snapshots name alerts by id), so a restart may number them otherwise. Thread-safe:
 * numbering is serialised; reads of a number's id and flags need no lock.
 */
final class AlertNumbers {

  /** The alert is saved (in the store). */
  static final byte SAVED = 1;

  /** The alert tells its matches in digests. */
  static final byte DIGEST = 2;

  /** The alert posts to a webhook. */
  static final byte WEBHOOK = 4;

  private final Map<String, Integer> numbers = new HashMap<>();
  private volatile String[] ids = new String[1024];
  private volatile byte[] flags = new byte[1024];
  private int next;

  /** The number of alert {@code id}, given now if it has none. */
  synchronized int of(String id) {
    Integer n = numbers.get(id);
    if (n != null) {
      return n;
    }
    int made = next++;
    if (made == ids.length) {
      ids = Arrays.copyOf(ids, made * 2);
      flags = Arrays.copyOf(flags, made * 2);
    }
    ids[made] = id;
    numbers.put(id, made);
    return made;
  }

  /** The id numbered {@code n}. */
  String id(int n) {
    return ids[n];
  }

  /** How many numbers are given (every number is below it). */
  synchronized int count() {
    return next;
  }

  /**
   * What {@code alert} is now (saved, and how it tells), or that {@code id} is not saved (null).
   */
  synchronized void describe(String id, Alert alert) {
    int n = of(id);
    byte f = 0;
    if (alert != null) {
      f = SAVED;
      if (alert.digest() != null) {
        f |= DIGEST;
      }
      if (alert.webhook() != null) {
        f |= WEBHOOK;
      }
    }
    flags[n] = f;
  }

  /** The flags of alert number {@code n} ({@link #SAVED}, {@link #DIGEST}, {@link #WEBHOOK}). */
  byte flags(int n) {
    byte[] f = flags;
    return n < f.length ? f[n] : 0;
  }
}
