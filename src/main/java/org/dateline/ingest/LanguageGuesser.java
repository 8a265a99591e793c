package org.dateline.ingest;

import java.util.Locale;
import org.apache.tika.langdetect.optimaize.OptimaizeLangDetector;
import org.apache.tika.language.detect.LanguageDetector;
import org.apache.tika.language.detect.LanguageResult;

/**
 * Guesses an article's language (ISO 639-1 code) from its text with Tika's Optimaize n-gram
 * detector. The detector keeps per-call state, so each thread gets its own.
 */
public final class LanguageGuesser {

  /** Enough text to decide; more only costs time. */
  private static final int SAMPLE_CHARS = 4000;

  private static final ThreadLocal<LanguageDetector> DETECTOR =
      ThreadLocal.withInitial(() -> new OptimaizeLangDetector().loadModels());

  private LanguageGuesser() {}

  /** The language code, or null when the text is too short or too mixed to say. */
  public static String guess(String text) {
    if (text == null || text.length() < 20) {
      return null;
    }
    String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
    LanguageResult result = DETECTOR.get().detect(sample);
    if (result.isUnknown() || !result.isReasonablyCertain()) {
      return null;
    }
    return normalize(result.getLanguage());
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
