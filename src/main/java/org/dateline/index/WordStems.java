package org.dateline.index;

import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttributeImpl;

/**
 * The stem the stem fields hold for one indexed word: what {@link StemFilter} writes for a body
 * term of an article in a given language, tagged ("strikes" in English is "en:strike"). For the
 * search side, which must know which words of a hit share a stem without re-analysing its text.
 * Thread-safe (one stemmer per thread and language).
 */
public final class WordStems {

  private static final ThreadLocal<Map<String, Stemming>> BY_LANGUAGE =
      ThreadLocal.withInitial(HashMap::new);

  private WordStems() {}

  /** The tagged stem of the indexed word {@code word} in {@code language}, or null for none. */
  public static String of(String language, String word) {
    if (!Stemmers.supports(language)) {
      return null;
    }
    return BY_LANGUAGE.get().computeIfAbsent(language, Stemming::new).stem(word);
  }

  /** A stemmer and the term buffer it works in. */
  private static final class Stemming {
    private final Stemmers.Stemmer stemmer;
    private final String tag;
    private final CharTermAttribute term = new CharTermAttributeImpl();

    Stemming(String language) {
      this.stemmer = Stemmers.of(language);
      this.tag = Stemmers.tag(language);
    }

    String stem(String word) {
      term.setEmpty().append(word);
      stemmer.stem(term);
      return tag + term;
    }
  }
}
