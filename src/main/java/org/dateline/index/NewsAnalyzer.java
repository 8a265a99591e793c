package org.dateline.index;

import com.ibm.icu.text.FilteredNormalizer2;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.UnicodeSet;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.fa.PersianNormalizationFilter;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2Filter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterIterator;

/**
 * The analysis chain for every text field: words found in every script, folded the same way in
 * every language, no stemming in the exact fields (so a phrase stays exact), and hyphen/apostrophe
 * tolerant: "ez-Zor" is indexed as "ez", "zor" and the joined "ezzor", so "Deir ez-Zor" and "Deir
 * Ezzor" find each other.
 *
 * <p>{@link ScriptTokenizer} splits at white space, splits Thai, Lao, Khmer and Myanmar into words
 * and Chinese, Japanese and Korean into letters; {@link WordDelimiterGraphFilter} splits at
 * punctuation and adds the catenated form; {@link CJKBigramFilter} makes pairs of neighbouring CJK
 * letters, with the single letters beside them when a document is written (so a word of one letter
 * is found) and pairs alone in a query (a word of two letters or more is the phrase of its pairs:
 * 北京 finds 北京大学, 서울 finds 서울에서). Folding (Unicode's UTR #30 through ICU, then Lucene's Arabic and
 * Persian normalisers): case (German ß is ss, Greek final sigma is sigma), accents and other
 * diacritics (Cyrillic ё is е, Arabic and Hebrew vowel marks go), full-width and other
 * compatibility forms, native digits, Arabic alef forms, ta marbuta, alef maksura, tatweel, Persian
 * yeh and keheh. The Cyrillic short i (й) is kept: it is a letter of its own, and Russian endings
 * need it.
 *
 * <p>The stem fields ({@link Schema#TITLE_STEM}, {@link Schema#BODY_STEM}) add a {@link
 * StemFilter}: one language's at index time, every language's at query time. At index time the
 * graph is flattened (postings cannot hold a graph); at query time it is kept so the query parser
 * builds graph-aware phrase queries. Thread-safe, as every Analyzer.
 */
public final class NewsAnalyzer extends Analyzer {

  private static final int FLAGS =
      WordDelimiterGraphFilter.GENERATE_WORD_PARTS
          | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
          | WordDelimiterGraphFilter.CATENATE_WORDS
          | WordDelimiterGraphFilter.CATENATE_NUMBERS
          | WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE;

  private static final int CJK_SCRIPTS =
      CJKBigramFilter.HAN
          | CJKBigramFilter.HIRAGANA
          | CJKBigramFilter.KATAKANA
          | CJKBigramFilter.HANGUL;

  /**
   * UTR #30 folding (case, diacritics, widths, digits, ...) for every letter but й and Й, and the
   * Japanese long vowel mark ー (and its half-width form), which UTR #30 deletes as a diacritic: ビール
   * (beer) is not ビル (building), and a ー standing alone stays findable.
   */
  private static final Normalizer2 FOLDING =
      new FilteredNormalizer2(ICUFoldingFilter.NORMALIZER, new UnicodeSet("[^йЙーｰ]").freeze());

  private final boolean forIndexing;

  /** The one language whose stems this chain writes (index side), or null. */
  private final String stemLanguage;

  private NewsAnalyzer(boolean forIndexing, String stemLanguage) {
    super(PER_FIELD_REUSE_STRATEGY); // the chain depends on the field
    this.forIndexing = forIndexing;
    this.stemLanguage = stemLanguage;
  }

  /** The chain used when documents are written. */
  public static NewsAnalyzer forIndexing() {
    return new NewsAnalyzer(true, null);
  }

  /** The chain used when a query is parsed. */
  public static NewsAnalyzer forQuerying() {
    return new NewsAnalyzer(false, null);
  }

  /** The chain that writes the stem fields of an article in {@code language}. */
  static NewsAnalyzer forStems(String language) {
    return new NewsAnalyzer(true, language);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new ScriptTokenizer();
    TokenStream stream =
        new WordDelimiterGraphFilter(
            source, true, WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE, FLAGS, null);
    stream = fold(stream);
    stream = new CJKBigramFilter(stream, CJK_SCRIPTS, forIndexing);
    if (!forIndexing) {
      stream = new PairRunGapFilter(stream);
    }
    if (stemLanguage != null) {
      stream = new StemFilter(stream, List.of(stemLanguage));
    } else if (!forIndexing && Schema.isStemField(fieldName)) {
      stream = new StemFilter(stream, Stemmers.LANGUAGES);
    }
    if (forIndexing) {
      stream = new FlattenGraphFilter(stream);
    }
    return new TokenStreamComponents(source, stream);
  }

  private static TokenStream fold(TokenStream in) {
    TokenStream stream = new ICUNormalizer2Filter(in, FOLDING);
    stream = new LowerCaseFilter(stream); // what the folding left: й and Й
    stream = new ASCIIFoldingFilter(stream); // letters UTR #30 keeps, such as æ
    stream = new ArabicNormalizationFilter(stream);
    return new PersianNormalizationFilter(stream);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    // Wildcard and fuzzy terms are not analysed, only normalised: folded as words are.
    return fold(in);
  }
}
