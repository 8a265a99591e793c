package org.dateline.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dateline.enrich.story.Fingerprint;

/**
 * The articles given a story since the story reader was last opened, looked up as the index would
 * be (by shared MinHash values or the exact hash of a short text), so that copies written moments
 * apart, in the same batch or the same file, find each other before a reader can see them. Not
 * thread-safe: {@link StoryAssigner} guards it.
 */
final class RecentCopies {

  /** One article with its story, kept until a reader that sees it is open. */
  static final class Copy {
    final String articleId;
    final long story;

    /** Publication time in ms, or null when undated. */
    final Long dateMs;

    final Fingerprint fingerprint;
    boolean written;

    Copy(String articleId, long story, Long dateMs, Fingerprint fingerprint) {
      this.articleId = articleId;
      this.story = story;
      this.dateMs = dateMs;
      this.fingerprint = fingerprint;
    }
  }

  private final Map<Long, List<Copy>> byMinHash = new HashMap<>();
  private final Map<Long, List<Copy>> byExactHash = new HashMap<>();
  private final List<Copy> all = new ArrayList<>();
  private int written;

  void add(Copy c) {
    all.add(c);
    int[] hashes = c.fingerprint.minHashes();
    for (int slot = 0; slot < hashes.length; slot++) {
      byMinHash.computeIfAbsent(key(slot, hashes[slot]), k -> new ArrayList<>(1)).add(c);
    }
    if (c.fingerprint.exactHash() != 0) {
      byExactHash.computeIfAbsent(c.fingerprint.exactHash(), k -> new ArrayList<>(1)).add(c);
    }
  }

  void markWritten(Copy c) {
    if (!c.written) {
      c.written = true;
      written++;
    }
  }

  /** How many copies are written to the index (so a reader opened now would see them). */
  int written() {
    return written;
  }

  /** Forgets the copies written so far: a reader opened after they were written sees them. */
  void dropWritten() {
    List<Copy> keep = new ArrayList<>();
    for (Copy c : all) {
      if (!c.written) {
        keep.add(c);
      }
    }
    all.clear();
    byMinHash.clear();
    byExactHash.clear();
    written = 0;
    keep.forEach(this::add);
  }

  /** Copies sharing at least {@code minShared} MinHash values with {@code fp}. */
  List<Copy> sharingMinHashes(Fingerprint fp, int minShared) {
    Map<Copy, Integer> counts = new LinkedHashMap<>();
    int[] hashes = fp.minHashes();
    for (int slot = 0; slot < hashes.length; slot++) {
      for (Copy c : byMinHash.getOrDefault(key(slot, hashes[slot]), List.of())) {
        counts.merge(c, 1, Integer::sum);
      }
    }
    List<Copy> out = new ArrayList<>();
    for (Iterator<Map.Entry<Copy, Integer>> it = counts.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Copy, Integer> e = it.next();
      if (e.getValue() >= minShared) {
        out.add(e.getKey());
      }
    }
    return out;
  }

  /** Copies whose short text has the exact hash {@code hash}. */
  List<Copy> withExactHash(long hash) {
    return byExactHash.getOrDefault(hash, List.of());
  }

  private static long key(int slot, int value) {
    return ((long) slot << 32) | (value & 0xFFFFFFFFL);
  }
}
