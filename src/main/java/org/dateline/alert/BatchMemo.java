package org.dateline.alert;

import java.util.Arrays;

/**
 * What one batch's lookups found, by {@link LookupIds} number: the articles holding a word (bits)
 * and, for phrases, the word's positions in each article. A memo is kept per thread and reused by
 * its next batch: a new batch only takes a new generation, and an entry counts only for the
 * generation that wrote it, so nothing is cleared or allocated per batch (and two runs on one
 * thread never read each other's entries). Not thread-safe: one per thread ({@link
 * #forThisThread}).
 */
final class BatchMemo {

  private static final ThreadLocal<BatchMemo> MINE = ThreadLocal.withInitial(BatchMemo::new);

  /**
   * Per lookup, side by side (one cache line a lookup rather than two arrays' lines): at {@code 2
   * id} the generation that wrote it, at {@code 2 id + 1} the articles it found.
   */
  private long[] docs = new long[0];

  private int[][][] positions = new int[0][][];
  private int[] positionsGen = new int[0];
  private int gen;

  private BatchMemo() {}

  /** This thread's memo. */
  static BatchMemo forThisThread() {
    return MINE.get();
  }

  /** A new batch's generation, with room for every lookup number given so far. */
  int newBatch() {
    gen++;
    if (gen == 0) { // wrapped round: an old stamp could equal a new generation
      Arrays.fill(docs, 0);
      Arrays.fill(positionsGen, 0);
      gen = 1;
    }
    int ids = LookupIds.count();
    if (positions.length < ids) {
      int size = Math.max(ids, positions.length + positions.length / 2);
      docs = Arrays.copyOf(docs, 2 * size);
      positions = Arrays.copyOf(positions, size);
      positionsGen = Arrays.copyOf(positionsGen, size);
    }
    return gen;
  }

  /** Lookups numbered below this can be kept (those above are not: {@link #putDocs}). */
  int capacity() {
    return positions.length;
  }

  /** Whether lookup {@code id} was made in batch {@code gen}. */
  boolean hasDocs(int gen, int id) {
    return 2 * id < docs.length && docs[2 * id] == gen;
  }

  /** The articles lookup {@code id} found (call {@link #hasDocs} first). */
  long docs(int id) {
    return docs[2 * id + 1];
  }

  /**
   * Records what lookup {@code id} found in batch {@code gen} (an id newer than the arrays: not).
   */
  void putDocs(int gen, int id, long found) {
    if (2 * id < docs.length) {
      docs[2 * id] = gen;
      docs[2 * id + 1] = found;
    }
  }

  /** Word {@code id}'s positions in each article of batch {@code gen} (null: not read yet). */
  int[][] positions(int gen, int id) {
    return id < positionsGen.length && positionsGen[id] == gen ? positions[id] : null;
  }

  /** Records word {@code id}'s positions in each article of batch {@code gen}. */
  void putPositions(int gen, int id, int[][] byDoc) {
    if (id < positions.length) {
      positions[id] = byDoc;
      positionsGen[id] = gen;
    }
  }
}
