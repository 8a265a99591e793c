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

  private long[] docs = new long[0];
  private int[] docsGen = new int[0];
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
      Arrays.fill(docsGen, 0);
      Arrays.fill(positionsGen, 0);
      gen = 1;
    }
    int ids = LookupIds.count();
    if (docs.length < ids) {
      int size = Math.max(ids, docs.length + docs.length / 2);
      docs = Arrays.copyOf(docs, size);
      docsGen = Arrays.copyOf(docsGen, size);
      positions = Arrays.copyOf(positions, size);
      positionsGen = Arrays.copyOf(positionsGen, size);
    }
    return gen;
  }

  /** Lookups numbered below this can be kept (those above are not: {@link #putDocs}). */
  int capacity() {
    return docs.length;
  }

  /** Whether lookup {@code id} was made in batch {@code gen}. */
  boolean hasDocs(int gen, int id) {
    return id < docsGen.length && docsGen[id] == gen;
  }

  /** The articles lookup {@code id} found (call {@link #hasDocs} first). */
  long docs(int id) {
    return docs[id];
  }

  /**
   * Records what lookup {@code id} found in batch {@code gen} (an id newer than the arrays: not).
   */
  void putDocs(int gen, int id, long found) {
    if (id < docs.length) {
      docs[id] = found;
      docsGen[id] = gen;
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
