package org.dateline.index;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Query side of the CJK pairs: keeps a query's positions in step with the index's. The index holds
 * every letter of a run at its own position with the pair it starts stacked on it, so a run of n
 * letters takes n positions; a query holds the pairs alone, n - 1 positions. After the last pair of
 * a run this filter leaves one position empty, so "서울에서 대규모" (two runs) and "北京大学 的" stay phrases
 * of the text. Not thread-safe (one per analysis chain).
 */
final class PairRunGapFilter extends TokenFilter {

  private static final String PAIR = CJKBigramFilter.DOUBLE_TYPE;

  private final TypeAttribute type = addAttribute(TypeAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute increment =
      addAttribute(PositionIncrementAttribute.class);

  /** End offset of the last token if it was a pair, else -1. */
  private int pairEnd = -1;

  PairRunGapFilter(TokenStream in) {
    super(in);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    boolean runEnded = pairEnd >= 0 && offset.startOffset() >= pairEnd;
    if (runEnded && increment.getPositionIncrement() > 0) {
      increment.setPositionIncrement(increment.getPositionIncrement() + 1);
    }
    if (increment.getPositionIncrement() > 0) {
      pairEnd = PAIR.equals(type.type()) ? offset.endOffset() : -1;
    }
    return true;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    pairEnd = -1;
  }
}
