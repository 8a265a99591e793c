package org.dateline.alert;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.util.BytesRef;

/**
 * A small number for each lookup any alert's {@link MatchForm} makes (a word or a prefix in a
 * field), the same for every alert that makes it: a batch keeps what it found under that number
 * ({@link BatchMemo}), so the thousands of candidates of one batch read an array instead of hashing
 * the word's bytes again each time (issue 17's profile). The numbers are never reused; the table
 * grows with the distinct words of the alerts made since the process started. Thread-safe.
 */
final class LookupIds {

  /** What is looked up: a whole word, or the words starting with a prefix. */
  enum Kind {
    WORD,
    PREFIX
  }

  private record Key(Kind kind, String field, BytesRef bytes) {}

  private static final ConcurrentHashMap<Key, Integer> IDS = new ConcurrentHashMap<>();
  private static final AtomicInteger NEXT = new AtomicInteger();

  private LookupIds() {}

  /** The number of looking {@code bytes} up in {@code field} as {@code kind} (kept as given). */
  static int of(Kind kind, String field, BytesRef bytes) {
    return IDS.computeIfAbsent(new Key(kind, field, bytes), k -> NEXT.getAndIncrement());
  }

  /** How many numbers are given so far (every number is below it). */
  static int count() {
    return NEXT.get();
  }
}
