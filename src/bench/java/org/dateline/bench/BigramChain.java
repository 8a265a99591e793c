package org.dateline.bench;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Lucene's CJK bigram chain (as {@link org.apache.lucene.analysis.cjk.CJKAnalyzer}, no stop words)
 * with single letters indexed beside the pairs, so a word of one letter (雨) is found too; queries
 * are cut into pairs only. For {@link SegmentationBench}. Thread-safe, as every Analyzer.
 */
final class BigramChain extends Analyzer {

  private final boolean forIndexing;

  BigramChain(boolean forIndexing) {
    this.forIndexing = forIndexing;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = new StandardTokenizer();
    TokenStream stream = new LowerCaseFilter(new CJKWidthFilter(source));
    int scripts =
        CJKBigramFilter.HAN
            | CJKBigramFilter.HIRAGANA
            | CJKBigramFilter.KATAKANA
            | CJKBigramFilter.HANGUL;
    return new TokenStreamComponents(source, new CJKBigramFilter(stream, scripts, forIndexing));
  }
}
