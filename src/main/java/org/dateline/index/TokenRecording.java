package org.dateline.index;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;

/**
 * The tokens of one field of one document, kept as the writer indexes them, so the stem field over
 * the same text replays them instead of running the whole chain (script words, word parts, Unicode
 * folding, CJK pairs, graph flattening) a second time: the stem field's chain is the exact field's
 * chain with a one-language {@link StemFilter} added, which changes each word and nothing else.
 * What is kept is what the stem field indexes and its stemmer reads (term, position increment and
 * length, offsets), in flat arrays rather than a copy of every attribute per token. Until the exact
 * field has been read to its end (the writer reads a document's fields in the order they were
 * added) there is nothing to replay, and the stem field analyses its text itself. Not thread-safe:
 * one per field of one document.
 */
final class TokenRecording {

  /** Per token: term length, position increment, position length, start and end offsets. */
  private static final int INTS = 5;

  private char[] chars = new char[256];
  private int charCount;
  private int[] ints = new int[INTS * 64];
  private int count;

  /** Whether the recorded stream was read to its end; then its final offset and increment. */
  private boolean ended;

  private int endOffset;
  private int endIncrement;

  /** {@code chain}, recording each token it gives (a new recording: the last one is dropped). */
  TokenStream record(TokenStream chain) {
    charCount = 0;
    count = 0;
    ended = false;
    return new Recorder(chain);
  }

  /** The recorded tokens as a new stream, or null when no stream was recorded to its end. */
  TokenStream replay() {
    return ended ? new Replay() : null;
  }

  private void add(CharTermAttribute term, int inc, int length, int start, int end) {
    if (charCount + term.length() > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(2 * chars.length, charCount + term.length()));
    }
    System.arraycopy(term.buffer(), 0, chars, charCount, term.length());
    charCount += term.length();
    if (INTS * (count + 1) > ints.length) {
      ints = Arrays.copyOf(ints, 2 * ints.length);
    }
    int at = INTS * count++;
    ints[at] = term.length();
    ints[at + 1] = inc;
    ints[at + 2] = length;
    ints[at + 3] = start;
    ints[at + 4] = end;
  }

  /** Passes the chain's tokens on and keeps what the stem field needs of each. */
  private final class Recorder extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute inc = addAttribute(PositionIncrementAttribute.class);
    private final PositionLengthAttribute length = addAttribute(PositionLengthAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);

    Recorder(TokenStream input) {
      super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      add(
          term,
          inc.getPositionIncrement(),
          length.getPositionLength(),
          offset.startOffset(),
          offset.endOffset());
      return true;
    }

    @Override
    public void end() throws IOException {
      super.end();
      endOffset = offset.endOffset();
      endIncrement = inc.getPositionIncrement();
      ended = true;
    }
  }

  /** The recorded tokens again, then the recorded end. */
  private final class Replay extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute inc = addAttribute(PositionIncrementAttribute.class);
    private final PositionLengthAttribute length = addAttribute(PositionLengthAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private int next;
    private int nextChar;

    @Override
    public boolean incrementToken() {
      if (next == count) {
        return false;
      }
      clearAttributes();
      int at = INTS * next++;
      term.copyBuffer(chars, nextChar, ints[at]);
      nextChar += ints[at];
      inc.setPositionIncrement(ints[at + 1]);
      length.setPositionLength(ints[at + 2]);
      offset.setOffset(ints[at + 3], ints[at + 4]);
      return true;
    }

    @Override
    public void end() throws IOException {
      super.end();
      inc.setPositionIncrement(endIncrement);
      offset.setOffset(endOffset, endOffset);
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      next = 0;
      nextChar = 0;
    }
  }
}
