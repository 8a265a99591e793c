package org.dateline.index;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Replaces each word by its language-tagged stems. When indexing, one language, the article's own:
 * "strikes" in an English article becomes "en:strike". When querying, every language with a
 * stemmer, stacked at the word's position like synonyms ("en:strike", "fr:strik", ...), so a query
 * word finds its inflections in whatever language each article is written. Offsets, positions and
 * position lengths stay the word's own, so phrases, graphs and KWIC offsets are unchanged.
 */
final class StemFilter extends TokenFilter {

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
  private final List<String> languages;
  private final Stemmers.Stemmer[] stemmers;
  private final char[][] tags;

  /** The word being stacked (as it came in), and the index of the next language to emit. */
  private State word;

  private int next;

  /** One filter for {@code languages}: one entry when indexing, all of them when querying. */
  StemFilter(TokenStream input, List<String> languages) {
    super(input);
    this.languages = List.copyOf(languages);
    this.stemmers = new Stemmers.Stemmer[languages.size()];
    this.tags = new char[languages.size()][];
    for (int i = 0; i < stemmers.length; i++) {
      stemmers[i] = Stemmers.of(languages.get(i));
      tags[i] = Stemmers.tag(languages.get(i)).toCharArray();
    }
    next = stemmers.length;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (next < stemmers.length) {
      restoreState(word);
      posInc.setPositionIncrement(0);
    } else {
      if (!input.incrementToken()) {
        return false;
      }
      next = 0;
      if (stemmers.length > 1) {
        word = captureState();
      }
    }
    stemmers[next].stem(term);
    prepend(tags[next]);
    next++;
    return true;
  }

  private void prepend(char[] tag) {
    int length = term.length();
    char[] buffer = term.resizeBuffer(length + tag.length);
    System.arraycopy(buffer, 0, buffer, tag.length, length);
    System.arraycopy(tag, 0, buffer, 0, tag.length);
    term.setLength(length + tag.length);
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    next = stemmers.length;
    word = null;
  }

  @Override
  public String toString() {
    return "StemFilter" + languages;
  }
}
