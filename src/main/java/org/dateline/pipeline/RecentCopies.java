package org.dateline.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
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

    /** When it was marked written ({@link #writes()} then), 0 until it is. */
    long writtenAt;

    Copy(String articleId, long story, Long dateMs, Fingerprint fingerprint) {
      this.articleId = articleId;
      this.story = story;
      this.dateMs = dateMs;
      this.fingerprint = fingerprint;
    }
  }

  /** Each copy's index in {@link #all} under each of its (slot, MinHash value) keys. */
  private final LongIntMultimap byMinHash = new LongIntMultimap();

  /** Each short copy's index in {@link #all} under its exact hash. */
  private final LongIntMultimap byExactHash = new LongIntMultimap();

  private final List<Copy> all = new ArrayList<>();
  private int written;
  private long writes;

  /** Shared MinHash values per copy index, for {@link #sharingMinHashes}; zero between calls. */
  private int[] counts = new int[0];

  void add(Copy c) {
    int index = all.size();
    all.add(c);
    int[] hashes = c.fingerprint.minHashes();
    for (int slot = 0; slot < hashes.length; slot++) {
      byMinHash.put(key(slot, hashes[slot]), index);
    }
    if (c.fingerprint.exactHash() != 0) {
      byExactHash.put(c.fingerprint.exactHash(), index);
    }
  }

  void markWritten(Copy c) {
    if (c.writtenAt == 0) {
      c.writtenAt = ++writes;
      written++;
    }
  }

  /** How many copies have been marked written, ever (the {@code writtenAt} of the last one). */
  long writes() {
    return writes;
  }

  /** How many copies are written to the index (so a reader opened now would see them). */
  int written() {
    return written;
  }

  /**
   * Forgets the copies marked written up to {@code upTo} (a {@link #writes()} value): a reader
   * opened after they were written sees them.
   */
  void dropWritten(long upTo) {
    keepOnly(c -> c.writtenAt == 0 || c.writtenAt > upTo);
  }

  /** Forgets the copies dated before {@code ms} (undated ones are kept). */
  void dropDatedBefore(long ms) {
    keepOnly(c -> c.dateMs == null || c.dateMs >= ms);
  }

  private void keepOnly(Predicate<Copy> kept) {
    List<Copy> keep = new ArrayList<>();
    for (Copy c : all) {
      if (kept.test(c)) {
        keep.add(c);
      }
    }
    all.clear();
    byMinHash.clear();
    byExactHash.clear();
    written = 0;
    for (Copy c : keep) {
      add(c);
      written += c.writtenAt == 0 ? 0 : 1;
    }
  }

  /**
   * Copies sharing at least {@code minShared} MinHash values with {@code fp}, in the order they
   * were added.
   */
  List<Copy> sharingMinHashes(Fingerprint fp, int minShared) {
    return sharingMinHashes(fp, minShared, Integer.MAX_VALUE, c -> true);
  }

  /**
   * The {@code limit} eligible copies that share the most MinHash values with {@code fp}, at least
   * {@code minShared}, most first (ties in the order they were added): a story syndicated to
   * thousands of outlets would otherwise have each new copy verified against every earlier one.
   */
  List<Copy> sharingMinHashes(Fingerprint fp, int minShared, int limit, Predicate<Copy> eligible) {
    if (counts.length < all.size()) {
      counts = new int[Math.max(all.size(), 2 * counts.length)];
    }
    List<Integer> met = new ArrayList<>();
    int[] hashes = fp.minHashes();
    for (int slot = 0; slot < hashes.length; slot++) {
      for (int e = byMinHash.first(key(slot, hashes[slot])); e >= 0; e = byMinHash.next(e)) {
        int copy = byMinHash.value(e);
        if (counts[copy]++ == 0) {
          met.add(copy);
        }
      }
    }
    List<long[]> shared = new ArrayList<>(); // {shared values, copy index}
    for (int copy : met) {
      if (counts[copy] >= minShared && eligible.test(all.get(copy))) {
        shared.add(new long[] {counts[copy], copy});
      }
      counts[copy] = 0;
    }
    if (shared.size() > limit) {
      shared.sort((a, b) -> a[0] != b[0] ? Long.compare(b[0], a[0]) : Long.compare(a[1], b[1]));
      shared = shared.subList(0, limit);
    }
    shared.sort((a, b) -> Long.compare(a[1], b[1]));
    List<Copy> out = new ArrayList<>(shared.size());
    for (long[] s : shared) {
      out.add(all.get((int) s[1]));
    }
    return out;
  }

  /**
   * The first {@code limit} eligible copies whose short text has the exact hash {@code hash}, in
   * the order they were added.
   */
  List<Copy> withExactHash(long hash, int limit, Predicate<Copy> eligible) {
    List<Copy> out = new ArrayList<>(1);
    for (int e = byExactHash.first(hash); e >= 0 && out.size() < limit; e = byExactHash.next(e)) {
      Copy c = all.get(byExactHash.value(e));
      if (eligible.test(c)) {
        out.add(c);
      }
    }
    return out;
  }

  private static long key(int slot, int value) {
    return ((long) slot << 32) | (value & 0xFFFFFFFFL);
  }
}
