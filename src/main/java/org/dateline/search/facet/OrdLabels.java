package org.dateline.search.facet;

import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;

/**
 * The labels of one searcher's facet values by global ordinal, each read from the doc values the
 * first time a count shows it and kept for the searcher's life (its ordinals never change): a
 * request's top values then cost no look-up in the values' dictionary once they have been shown.
 * Shared by the searcher's requests without a lock: two threads may read the same label at once and
 * both store it (the same string), and a thread that does not yet see another's store reads it
 * again.
 */
final class OrdLabels {

  private final String[] byOrd;

  OrdLabels(SortedSetDocValuesReaderState state) {
    this.byOrd = new String[state.getSize()];
  }

  /** The label of {@code ord}, or null when not read yet. */
  String get(int ord) {
    return byOrd[ord];
  }

  void put(int ord, String label) {
    byOrd[ord] = label;
  }
}
