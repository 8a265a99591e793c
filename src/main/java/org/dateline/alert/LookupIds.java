package org.dateline.alert;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntConsumer;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefHash;

/**
 * A small number for each lookup any alert's {@link MatchForm} makes (a word or a prefix in a
 * field), the same for every alert that makes it: a batch keeps what it found under that number
 * ({@link BatchMemo}), so the thousands of candidates of one batch read an array instead of hashing
 * the word's bytes again each time (issue 17's profile). The words are also kept by field in hash
 * tables, so that the words of one article can be told by a walk over its terms ({@link #wordsIn})
 * instead of a search of the article per word asked. The numbers are never reused; the tables grow
 * with the distinct words of the alerts made since the process started. Thread-safe: a number is
 * given, and its word put in its field's table, under a write lock; a walk holds the read lock.
 */
final class LookupIds {

  /** What is looked up: a whole word, or the words starting with a prefix. */
  enum Kind {
    WORD,
    PREFIX
  }

  private record Key(Kind kind, String field, BytesRef bytes) {}

  /** The words of one field: the table's number of a word, and its lookup number. */
  private static final class Words {
    final BytesRefHash terms = new BytesRefHash();
    int[] ids = new int[16];

    void put(BytesRef term, int id) {
      int t = terms.add(term);
      if (t < 0) {
        return; // never so: a key is numbered once
      }
      if (t >= ids.length) {
        ids = Arrays.copyOf(ids, Math.max(t + 1, ids.length * 2));
      }
      ids[t] = id;
    }
  }

  private static final ConcurrentHashMap<Key, Integer> IDS = new ConcurrentHashMap<>();
  private static final ReentrantReadWriteLock LOCK = new ReentrantReadWriteLock();
  private static final Map<String, Words> WORDS = new HashMap<>(); // under LOCK
  private static int next; // under LOCK (written); read through count()

  private LookupIds() {}

  /** The number of looking {@code bytes} up in {@code field} as {@code kind} (kept as given). */
  static int of(Kind kind, String field, BytesRef bytes) {
    Key key = new Key(kind, field, bytes);
    Integer known = IDS.get(key);
    if (known != null) {
      return known;
    }
    LOCK.writeLock().lock();
    try {
      return IDS.computeIfAbsent(
          key,
          k -> {
            int id = next;
            if (kind == Kind.WORD) {
              WORDS.computeIfAbsent(field, f -> new Words()).put(bytes, id);
            }
            next = id + 1; // only now: a walk that sees this number finds the word
            return id;
          });
    } finally {
      LOCK.writeLock().unlock();
    }
  }

  /** How many numbers are given so far (every number is below it). */
  static int count() {
    LOCK.readLock().lock();
    try {
      return next;
    } finally {
      LOCK.readLock().unlock();
    }
  }

  /**
   * Tells {@code found} the number of each term of {@code reader} (every field with terms) that is
   * an alert's word in that field, and returns how many numbers were given at the time: a word
   * numbered below it and not told is in none of the reader's fields.
   */
  static int wordsIn(LeafReader reader, IntConsumer found) throws IOException {
    LOCK.readLock().lock();
    try {
      for (FieldInfo info : reader.getFieldInfos()) {
        Words words = WORDS.get(info.name);
        Terms terms = words == null ? null : reader.terms(info.name);
        if (terms == null) {
          continue;
        }
        TermsEnum te = terms.iterator();
        for (BytesRef t = te.next(); t != null; t = te.next()) {
          int w = words.terms.find(t);
          if (w >= 0) {
            found.accept(words.ids[w]);
          }
        }
      }
      return next;
    } finally {
      LOCK.readLock().unlock();
    }
  }
}
