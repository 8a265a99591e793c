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

  /**
   * Every id's UTF-8 bytes, one after another in number order (id {@code n} from {@code idStart[n]}
   * to {@code idStart[n + 1]}), for the journal to copy as they are: writing 2,000 ids an article
   * as strings read each one's {@code String} and its bytes, two cold objects a match with 100k
   * alerts (issue 17's profile); here one slot of one array. An id that JSON would escape has
   * {@code idStart[n + 1]} negative (written as a string instead).
   */
  private volatile byte[] idBytes = new byte[1024 * 20];

  private volatile int[] idStart = new int[1025];

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
      idStart = Arrays.copyOf(idStart, made * 2 + 1);
    }
    byte[] utf8 = id.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    int from = Math.abs(idStart[made]);
    if (from + utf8.length > idBytes.length) {
      idBytes = Arrays.copyOf(idBytes, Math.max(from + utf8.length, idBytes.length * 2));
    }
    System.arraycopy(utf8, 0, idBytes, from, utf8.length);
    int to = from + utf8.length;
    idStart[made + 1] = plain(utf8) ? to : -to;
    ids[made] = id;
    numbers.put(id, made);
    return made;
  }

  /**
   * Whether JSON writes {@code utf8} as it is: printable ASCII without a quote or a backslash (an
   * id as {@code Alerts} makes them always is; anything else is left to the JSON writer).
   */
  private static boolean plain(byte[] utf8) {
    for (byte b : utf8) {
      if (b < 0x20 || b >= 0x7f || b == '"' || b == '\\') {
        return false;
      }
    }
    return true;
  }

  /**
   * Hands {@code out} the UTF-8 bytes of id number {@code n} (given before this is called), as they
   * are; false, with nothing handed, when JSON would escape them (write {@link #id} instead).
   */
  boolean plainBytes(int n, Bytes out) throws java.io.IOException {
    int[] at = idStart;
    int to = at[n + 1];
    if (to < 0) {
      return false;
    }
    out.take(idBytes, Math.abs(at[n]), to - Math.abs(at[n]));
    return true;
  }

  /** What takes an id's bytes ({@link #plainBytes}). */
  interface Bytes {
    void take(byte[] bytes, int offset, int length) throws java.io.IOException;
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

  /**
   * The ids of {@code size} alert numbers, as a list of ids made when read: a journal line's alerts
   * ({@link JournalEntry#alerts}), which the journal writes from the numbers' bytes ({@link
   * #plainBytes}) without making a {@code String} a match.
   */
  static final class Listed extends java.util.AbstractList<String>
      implements java.util.RandomAccess {
    private final AlertNumbers names;
    private final int[] numbers;
    private final int size;

    Listed(AlertNumbers names, int[] numbers, int size) {
      this.names = names;
      this.numbers = numbers;
      this.size = size;
    }

    /** Where the numbers are named. */
    AlertNumbers names() {
      return names;
    }

    /** The number of the {@code i}th alert. */
    int number(int i) {
      java.util.Objects.checkIndex(i, size);
      return numbers[i];
    }

    @Override
    public String get(int i) {
      return names.id(number(i));
    }

    @Override
    public int size() {
      return size;
    }
  }
}
