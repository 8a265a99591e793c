package org.dateline.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.dateline.index.Schema;

/**
 * The stem fields' query chain one language at a time. Querying, the stem chain stacks every
 * language's stem of a word at its position ("en:led", "fr:led", ...); a word of several parts
 * ("U.S.-led", "al-Qaeda-linked") is a graph of paths through its parts, and with nine languages
 * stacked at each part Lucene's graph query spells out every mix of languages: 9^3 paths for three
 * parts, more clauses than a query may hold. No article mixes languages inside one word, so such a
 * word is asked once per language instead (nine paths' worth, not 9^n). Thread-safe.
 */
final class StemQueries {

  private static final Map<String, Analyzer> BY_LANGUAGE =
      Schema.stemmedLanguages().stream()
          .collect(Collectors.toUnmodifiableMap(Function.identity(), OneLanguage::new));

  private StemQueries() {}

  /** The query chain that keeps only {@code language}'s stems in the stem fields. */
  static Analyzer onlyLanguage(String language) {
    return BY_LANGUAGE.get(language);
  }

  /**
   * A word of more parts than this is a run of words the chain splits (a Chinese or Japanese
   * sentence typed without spaces), not one word: it is searched as written, without stems, since
   * nine languages' stems of each of its words would pass any clause limit.
   */
  static final int MAX_PARTS = 4;

  /**
   * How many positions the query chain reads {@code word} as (a word of several parts has more than
   * one; terms stacked at one position count once), counted up to {@code atMost}.
   */
  static int parts(String word, int atMost) {
    try (TokenStream ts = Schema.queryAnalyzer().tokenStream(Schema.BODY, word)) {
      PositionIncrementAttribute step = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int terms = 0;
      while (terms < atMost && ts.incrementToken()) {
        terms += step.getPositionIncrement() > 0 ? 1 : 0;
      }
      ts.end();
      return terms;
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a string reader does not fail
    }
  }

  /** The query chain with only the stems tagged with one language left in each position. */
  private static final class OneLanguage extends AnalyzerWrapper {
    private final Analyzer all = Schema.queryAnalyzer();
    private final String tag;

    OneLanguage(String language) {
      super(PER_FIELD_REUSE_STRATEGY);
      this.tag = Schema.stemTag(language);
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
      return all;
    }

    @Override
    protected TokenStreamComponents wrapComponents(
        String fieldName, TokenStreamComponents components) {
      return new TokenStreamComponents(
          components.getSource(), new TaggedOnly(components.getTokenStream(), tag));
    }
  }

  /** Drops every term without the tag; a dropped term's position increment moves to the next. */
  private static final class TaggedOnly extends FilteringTokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final String tag;

    TaggedOnly(TokenStream in, String tag) {
      super(in);
      this.tag = tag;
    }

    @Override
    protected boolean accept() {
      if (term.length() < tag.length()) {
        return false;
      }
      for (int i = 0; i < tag.length(); i++) {
        if (term.charAt(i) != tag.charAt(i)) {
          return false;
        }
      }
      return true;
    }
  }
}
