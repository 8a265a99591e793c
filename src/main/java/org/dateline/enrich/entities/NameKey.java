package org.dateline.enrich.entities;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Comparable forms of a name. {@link #of} folds what spelling choices change but the name does not:
 * case, accents, full stops ("U.S."), hyphens and apostrophes, Arabic particles ("al", "el") and a
 * leading "the". {@link #skeleton} keeps each word's first letter and its consonants, so
 * transliterations that differ in vowels ("Mustafa" / "Mostefa", "Baghouz" / "Baghuz") meet.
 * Stateless.
 */
public final class NameKey {

  private static final Set<String> PARTICLES =
      Set.of("al", "el", "ad", "ar", "as", "ash", "at", "an", "ul");
  private static final Set<String> ACRONYM_SKIP =
      Set.of("of", "for", "the", "and", "in", "on", "de", "du");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern POSSESSIVE = Pattern.compile("['’`´]s\\b");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private NameKey() {}

  /**
   * The folded name: "Abu Bakr Al-Baghdadi" and "Abu Bakr al Baghdadi" give "abu bakr baghdadi".
   */
  public static String of(String name) {
    String s = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
    s = s.toLowerCase(Locale.ROOT).replace(".", "");
    s = POSSESSIVE.matcher(s).replaceAll("");
    String[] words = NON_WORD.matcher(s).replaceAll(" ").strip().split(" ");
    List<String> kept = new ArrayList<>(words.length);
    for (int i = 0; i < words.length; i++) {
      boolean particle = PARTICLES.contains(words[i]) || i == 0 && words[i].equals("the");
      if (!particle || words.length == 1) {
        kept.add(words[i]);
      }
    }
    return String.join(" ", kept);
  }

  /** First letter and consonants of each word of a key, doubled letters once: "mstf bl". */
  public static String skeleton(String key) {
    StringBuilder sb = new StringBuilder(key.length());
    for (String word : key.split(" ")) {
      if (word.isEmpty()) {
        continue;
      }
      if (!sb.isEmpty()) {
        sb.append(' ');
      }
      char last = word.charAt(0);
      sb.append(last);
      for (int i = 1; i < word.length(); i++) {
        char c = word.charAt(i);
        if ("aeiouyw".indexOf(c) < 0 && c != last) {
          sb.append(c);
        }
        last = c;
      }
    }
    return sb.toString();
  }

  /** Initial letters of the name's capitalised words: "Syrian Democratic Forces" gives "SDF". */
  public static String initials(String name) {
    StringBuilder sb = new StringBuilder();
    for (String word : NON_WORD.matcher(name).replaceAll(" ").strip().split(" ")) {
      if (!word.isEmpty() && !ACRONYM_SKIP.contains(word.toLowerCase(Locale.ROOT))) {
        sb.append(Character.toUpperCase(word.charAt(0)));
      }
    }
    return sb.toString();
  }

  /** The words of a key. */
  public static List<String> words(String key) {
    return key.isEmpty() ? List.of() : List.of(key.split(" "));
  }
}
