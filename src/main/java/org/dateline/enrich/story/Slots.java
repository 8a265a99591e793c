package org.dateline.enrich.story;

import java.util.HashMap;
import java.util.Map;

/**
 * Where two texts differ in place: the words of the shorter text that no shared shingle covers, and
 * how many of them fill a slot, a run of at most {@link #MAX_SLOT_WORDS} words that the other text
 * fills with other words of its own between the same shared words (an issuer's name, an amount, a
 * lead manager). Two issues of one template differ in their slots; an outlet's copy differs where
 * it adds a lead-in or a paragraph (nothing in the other text between the same words), drops words
 * or ends early. Stateless.
 */
final class Slots {

  /**
   * A slot holds a name or an amount, and slots less than a shingle apart run together: two fills
   * of up to four words with up to four template words between them (five shared words in a row
   * would be covered) make at most this many words on either side.
   */
  static final int MAX_SLOT_WORDS = 12;

  private Slots() {}

  /**
   * The share of the uncovered words of {@code shorter} that fill slots against {@code longer} (0
   * when every word is covered).
   */
  static double filledShare(Fingerprint shorter, Fingerprint longer) {
    long[] mine = shorter.inOrder();
    Map<Long, Integer> theirs = firstPositions(longer.inOrder());
    int words = Overlap.wordsOf(mine);
    boolean[] covered = new boolean[words];
    for (int p = 0; p < mine.length; p++) {
      if (theirs.containsKey(mine[p])) {
        for (int k = 0; k < Fingerprint.SHINGLE_WORDS; k++) {
          covered[p + k] = true;
        }
      }
    }
    int uncovered = 0;
    int filled = 0;
    for (int start = 0; start < words; ) {
      if (covered[start]) {
        start++;
        continue;
      }
      int end = start;
      while (end < words && !covered[end]) {
        end++;
      }
      int gap = end - start;
      uncovered += gap;
      int across = wordsAcross(mine, theirs, start, end, Overlap.wordsOf(longer.inOrder()));
      // A fill replaced by one of about its size; an insertion beside a dropped word is lopsided.
      boolean slot =
          across >= 1
              && Math.max(gap, across) <= Math.min(MAX_SLOT_WORDS, 2 * Math.min(gap, across));
      filled += slot ? gap : 0;
      start = end;
    }
    return uncovered == 0 ? 0 : (double) filled / uncovered;
  }

  /**
   * How many words the other text has between the shared words around the gap {@code [start, end)}
   * of this one (the shingle ending just before it, the shingle starting just after it; the text's
   * start or end where the gap touches it), or -1 when either is not found in the other text.
   */
  private static int wordsAcross(
      long[] mine, Map<Long, Integer> theirs, int start, int end, int theirWords) {
    int before; // the other text's word index just after the shared words before the gap
    if (start == 0) {
      before = 0;
    } else {
      Integer at = theirs.get(mine[start - Fingerprint.SHINGLE_WORDS]);
      if (at == null) {
        return -1;
      }
      before = at + Fingerprint.SHINGLE_WORDS;
    }
    int after; // the other text's word index of the shared words after the gap
    if (end >= Overlap.wordsOf(mine)) {
      after = theirWords;
    } else {
      Integer at = theirs.get(mine[end]);
      if (at == null) {
        return -1;
      }
      after = at;
    }
    return after - before;
  }

  private static Map<Long, Integer> firstPositions(long[] inOrder) {
    Map<Long, Integer> out = new HashMap<>(inOrder.length * 2);
    for (int p = 0; p < inOrder.length; p++) {
      out.putIfAbsent(inOrder[p], p);
    }
    return out;
  }
}
