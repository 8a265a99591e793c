package org.dateline.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterIterator;

/**
 * The analysis chain for every text field: case- and diacritic-insensitive, no stemming (so a
 * phrase stays exact), and hyphen/apostrophe tolerant: "ez-Zor" is indexed as "ez", "zor" and the
 * joined "ezzor", so "Deir ez-Zor" and "Deir Ezzor" find each other.
 *
 * <p>Whitespace first, then {@link WordDelimiterGraphFilter} splits on punctuation and adds the
 * catenated form. At index time the graph is flattened (postings cannot hold a graph); at query
 * time it is kept so the query parser builds graph-aware phrase queries. Thread-safe, as every
 * Analyzer.
 */
public final class NewsAnalyzer extends Analyzer {

  private static final int FLAGS =
      WordDelimiterGraphFilter.GENERATE_WORD_PARTS
          | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
          | WordDelimiterGraphFilter.CATENATE_WORDS
          | WordDelimiterGraphFilter.CATENATE_NUMBERS
          | WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE;

  private final boolean forIndexing;

  private NewsAnalyzer(boolean forIndexing) {
    this.forIndexing = forIndexing;
  }

  /** The chain used when documents are written. */
  public static NewsAnalyzer forIndexing() {
    return new NewsAnalyzer(true);
  }

  /** The chain used when a query is parsed. */
  public static NewsAnalyzer forQuerying() {
    return new NewsAnalyzer(false);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new WhitespaceTokenizer();
    TokenStream stream =
        new WordDelimiterGraphFilter(
            source, true, WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE, FLAGS, null);
    stream = new ASCIIFoldingFilter(stream);
    stream = new LowerCaseFilter(stream);
    if (forIndexing) {
      stream = new FlattenGraphFilter(stream);
    }
    return new TokenStreamComponents(source, stream);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    // Wildcard and fuzzy terms are not analysed, only normalised: fold and lower-case them.
    return new LowerCaseFilter(new ASCIIFoldingFilter(in));
  }
}
