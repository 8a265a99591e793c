package org.dateline.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.it.ItalianLightStemFilter;
import org.apache.lucene.analysis.pt.PortugueseLightStemFilter;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.tartarus.snowball.ext.DutchStemmer;

/**
 * The languages whose inflections a plain query word also finds, each with its stemmer from
 * Lucene's analysis module: the light stemmers (French, German, Spanish, Portuguese, Italian,
 * Russian, Arabic), Porter for English (what Solr's stock English field uses) and Snowball for
 * Dutch (Lucene has no light Dutch stemmer). A stem is written with its language as a prefix
 * ("en:strike"), so a stem of one language never matches a word of another. Stemmers keep state:
 * one per chain.
 */
final class Stemmers {

  /** Stems the term in place. */
  interface Stemmer {
    void stem(CharTermAttribute term);
  }

  /** Each language's stem filter (Lucene keeps the stemmers themselves package-private). */
  private static final Map<String, Function<TokenStream, TokenStream>> BY_LANGUAGE =
      Map.of(
          "en", PorterStemFilter::new,
          "fr", FrenchLightStemFilter::new,
          "de", GermanLightStemFilter::new,
          "es", SpanishLightStemFilter::new,
          "pt", PortugueseLightStemFilter::new,
          "it", ItalianLightStemFilter::new,
          "nl", in -> new SnowballFilter(in, new DutchStemmer()),
          "ru", RussianLightStemFilter::new,
          "ar", ArabicStemFilter::new);

  /** The languages with a stemmer, in a fixed order (query terms come out the same every time). */
  static final List<String> LANGUAGES = BY_LANGUAGE.keySet().stream().sorted().toList();

  private Stemmers() {}

  /** Whether {@code language} (an ISO 639-1 code, or null) has a stemmer. */
  static boolean supports(String language) {
    return language != null && BY_LANGUAGE.containsKey(language);
  }

  /** A new stemmer for {@code language}, which {@link #supports} must accept. */
  static Stemmer of(String language) {
    OneWord word = new OneWord();
    TokenStream chain = BY_LANGUAGE.get(language).apply(word);
    CharTermAttribute stemmed = chain.getAttribute(CharTermAttribute.class);
    return term -> {
      word.set(term);
      try {
        chain.reset();
        if (chain.incrementToken()) {
          term.copyBuffer(stemmed.buffer(), 0, stemmed.length()); // before end() clears it
        }
        chain.end();
      } catch (IOException e) {
        throw new UncheckedIOException("stemming a word in memory failed", e); // cannot happen
      }
    };
  }

  /** A stream of one word, so a stem filter can stem words one at a time. */
  private static final class OneWord extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private char[] word = new char[16];
    private int length;
    private boolean done = true;

    void set(CharTermAttribute from) {
      if (word.length < from.length()) {
        word = new char[from.length()];
      }
      length = from.length();
      System.arraycopy(from.buffer(), 0, word, 0, length);
    }

    @Override
    public boolean incrementToken() {
      if (done) {
        return false;
      }
      clearAttributes();
      term.copyBuffer(word, 0, length);
      done = true;
      return true;
    }

    @Override
    public void reset() {
      done = false;
    }
  }

  /** The prefix of {@code language}'s stems in the stem fields. */
  static String tag(String language) {
    return language + ":";
  }
}
