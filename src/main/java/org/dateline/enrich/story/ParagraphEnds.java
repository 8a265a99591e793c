package org.dateline.enrich.story;

/**
 * Where each paragraph of a text ends, in words, counted when first asked for: only a story pair
 * whose shorter text prints an amount the longer does not needs it ({@link Amounts#keptIn}), and
 * counting tokenises every paragraph again (a tenth of ingest's story work when done for every
 * compared text). Holds the paragraphs until then, as an unread {@link NameHashes} holds its text.
 * Thread-safe.
 */
final class ParagraphEnds {

  private String[] paragraphs;
  private final int textWords;
  private int[] ends;

  /**
   * @param paragraphs the text's paragraphs, as {@link Amounts} splits them
   * @param textWords how many words the whole text has: paragraphs whose words do not add up to it
   *     have no ends (then none counts as left out)
   */
  ParagraphEnds(String[] paragraphs, int textWords) {
    this.paragraphs = paragraphs;
    this.textWords = textWords;
  }

  /** The word each paragraph ends before; empty when the paragraphs' words are not the text's. */
  synchronized int[] get() {
    if (ends == null) {
      int[] out = new int[paragraphs.length];
      int wordsSoFar = 0;
      for (int p = 0; p < paragraphs.length; p++) {
        wordsSoFar += StoryText.tokens(paragraphs[p]).size();
        out[p] = wordsSoFar;
      }
      ends = wordsSoFar == textWords ? out : new int[0];
      paragraphs = null;
    }
    return ends;
  }
}
