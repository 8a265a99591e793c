package org.dateline.enrich.entities;

import com.ibm.icu.text.Transliterator;
import java.util.Locale;

/**
 * Whether a name written in one script (Arabic, Cyrillic, Greek, ...) and one written in Latin
 * letters can be the same name: both are brought to plain Latin letters (ICU's transliterators,
 * then ASCII), then to a consonant key that ignores what transliterations disagree on: vowels and
 * the semivowels y/w (Arabic writes long vowels with them, English spellings drop or change them),
 * h (a letter English spellings of Arabic often drop), the Arabic article al-, doubled letters, and
 * the choice between letters that spell one sound (q/k/c/g, dh/d, th/t, kh/k, ph/f, z/s, j/g,
 * ks/x). "بشار الأسد" and "Bashar al-Assad" both give "bsrsd". Two keys match when they are at most
 * a fifth of their letters apart (one letter for short names). Thread-safe.
 */
public final class CrossScript {

  private static final ThreadLocal<Transliterator> TO_LATIN =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));

  private CrossScript() {}

  /** {@code name} in plain lower-case Latin letters (ICU's transliteration, then ASCII). */
  public static String latin(String name) {
    return toLatin(name).toLowerCase(Locale.ROOT);
  }

  /** ICU's Latin of {@code name}; plain ASCII is its own (no transliterator is needed for it). */
  private static String toLatin(String name) {
    return name.chars().allMatch(c -> c < 0x80) ? name : TO_LATIN.get().transliterate(name);
  }

  /** The consonant key of {@code name}, whatever its script. */
  public static String key(String name) {
    String latin = toLatin(name);
    StringBuilder out = new StringBuilder();
    for (String word : NameKey.of(latin).split(" ")) {
      String w = word.length() > 4 && word.startsWith("al") ? word.substring(2) : word;
      out.append(consonants(w));
    }
    return out.toString();
  }

  private static String consonants(String word) {
    String w =
        word.toLowerCase(Locale.ROOT)
            .replace("kh", "k")
            .replace("gh", "g")
            .replace("dh", "d")
            .replace("th", "t")
            .replace("ph", "f")
            .replace("sh", "s")
            .replace("ch", "c")
            .replace("x", "ks");
    StringBuilder out = new StringBuilder(w.length());
    char last = 0;
    for (int i = 0; i < w.length(); i++) {
      char c = sound(w.charAt(i));
      if (c != 0 && c != last) {
        out.append(c);
      }
      last = c == 0 ? last : c;
    }
    return out.toString();
  }

  /** One letter for each group of letters that spell one sound; 0 for what keys ignore. */
  private static char sound(char c) {
    return switch (c) {
      case 'a', 'e', 'i', 'o', 'u', 'y', 'w', 'h' -> 0;
      case 'q', 'k', 'c', 'g', 'j' -> 'k';
      case 'z' -> 's';
      default -> c >= 'b' && c <= 'z' ? c : 0; // what transliteration left (ʿ for ayn) is no sound
    };
  }

  /** Whether the names {@code a} and {@code b} (any scripts) can be one name. */
  public static boolean sameName(String a, String b) {
    return close(key(a), key(b));
  }

  /** Whether two keys are at most a fifth of their letters apart (one for short ones). */
  public static boolean close(String ka, String kb) {
    if (ka.isEmpty() || kb.isEmpty()) {
      return false;
    }
    int allowed = Math.max(1, Math.max(ka.length(), kb.length()) / 5);
    return Math.abs(ka.length() - kb.length()) <= allowed && distance(ka, kb) <= allowed;
  }

  /** Levenshtein distance: the fewest letters added, dropped or changed to make one the other. */
  public static int distance(String a, String b) {
    return EditDistance.of(a, b, (x, y) -> x == y ? 0 : 1);
  }
}
