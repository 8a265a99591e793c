package org.dateline.ingest;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Guesses an article's language (ISO 639-1 code) from its text with the Optimaize n-gram detector
 * that Tika's language module ships. The detector is built once per process from the built-in
 * profiles (building it takes about half a second) and shared: it keeps no per-call state. An
 * answer counts only when its probability is above 0.9, the bar Tika's own wrapper calls "high
 * confidence".
 */
public final class LanguageGuesser {

  /** Enough text to decide; the detector samples n-grams at random, so more costs little. */
  private static final int SAMPLE_CHARS = 2000;

  private static final double CERTAIN = 0.9;

  private LanguageGuesser() {}

  /** Built on first use, so commands that never guess a language never pay for the profiles. */
  private static final class Holder {
    static final LanguageDetector DETECTOR = build();

    private static LanguageDetector build() {
      try {
        return LanguageDetectorBuilder.create(NgramExtractors.standard())
            .shortTextAlgorithm(0)
            .withProfiles(new LanguageProfileReader().readAllBuiltIn())
            .build();
      } catch (IOException e) {
        throw new UncheckedIOException("the language profiles are missing from the build", e);
      }
    }
  }

  /** The language code, or null when the text is too short or too mixed to say. */
  public static String guess(String text) {
    if (text == null || text.length() < 20) {
      return null;
    }
    String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
    List<DetectedLanguage> found = Holder.DETECTOR.getProbabilities(sample);
    if (found.isEmpty() || found.get(0).getProbability() <= CERTAIN) {
      return null;
    }
    return normalize(found.get(0).getLocale().getLanguage());
  }

  /** "en-US", "EN", "en_GB" → "en"; "zh-cn" → "zh". */
  public static String normalize(String code) {
    if (code == null || code.isBlank()) {
      return null;
    }
    String c = code.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    int dash = c.indexOf('-');
    c = dash < 0 ? c : c.substring(0, dash);
    return c.length() >= 2 && c.length() <= 3 && c.chars().allMatch(Character::isLetter) ? c : null;
  }
}
