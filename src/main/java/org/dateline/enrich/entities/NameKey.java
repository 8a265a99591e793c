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
    return isAscii(name) ? ofAscii(name) : ofAnyScript(name);
  }

  /**
   * {@link #of} by the rules written as patterns, for any script (NFKD, marks, Unicode letters and
   * digits). Package-private so a test can hold the ASCII path to it.
   */
  static String ofAnyScript(String name) {
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

  /**
   * {@link #of} for a name of ASCII characters alone (most names in English-language copy), in one
   * pass without the normaliser or a pattern; the same key as {@link #ofAnyScript}: an ASCII text
   * has no marks to strip, its letters and digits are [a-z0-9] once lower-cased, and a possessive
   * is an apostrophe or backtick, then "s", then no word character.
   */
  static String ofAscii(String name) {
    int n = name.length();
    char[] t = new char[n];
    int len = 0;
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      if (c != '.') {
        t[len++] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
      }
    }
    List<String> words = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= len; i++) {
      boolean possessive =
          i + 1 < len
              && (t[i] == '\'' || t[i] == '`')
              && t[i + 1] == 's'
              && (i + 2 == len || !isAsciiWordChar(t[i + 2]));
      boolean letterOrDigit = i < len && !possessive && isAsciiLetterOrDigit(t[i]);
      if (letterOrDigit && start < 0) {
        start = i;
      } else if (!letterOrDigit && start >= 0) {
        words.add(new String(t, start, i - start));
        start = -1;
      }
      if (possessive) {
        i++;
      }
    }
    if (words.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder(len);
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      boolean particle = PARTICLES.contains(w) || i == 0 && w.equals("the");
      if (!particle || words.size() == 1) {
        if (!sb.isEmpty()) {
          sb.append(' ');
        }
        sb.append(w);
      }
    }
    return sb.toString();
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
  }

  private static boolean isAsciiWordChar(char c) {
    return isAsciiLetterOrDigit(c) || c >= 'A' && c <= 'Z' || c == '_';
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

  /**
   * True when {@code acronym} stands for {@code name}: its initials ("SDF" for "Syrian Democratic
   * Forces") or {@link #standsForWords letters of each of its words} ("ICCO" for "International
   * Cocoa Organization").
   */
  public static boolean standsFor(String acronym, String name) {
    return acronym.equalsIgnoreCase(initials(name)) || standsForWords(acronym, name);
  }

  /**
   * True when {@code acronym} is letters of each word of {@code name} in order, each word's first
   * letter and maybe more of its letters, the little words of {@link #initials} and a trailing
   * legal form left out (a stock ticker names a company so: "IBM", "International Business Machines
   * Corp"; "EC" is no acronym of "Engelhard Corp"); a name of one word has none.
   */
  public static boolean standsForWords(String acronym, String name) {
    String key = of(name);
    String base = LegalForms.base(key);
    List<String> words = new ArrayList<>();
    for (String w : words(base == null ? key : base)) {
      if (!ACRONYM_SKIP.contains(w)) {
        words.add(w);
      }
    }
    return words.size() >= 2 && startsOfWords(of(acronym).replace(" ", ""), 0, words, 0);
  }

  private static boolean startsOfWords(String acronym, int at, List<String> words, int w) {
    if (w == words.size()) {
      return at == acronym.length();
    }
    String word = words.get(w);
    if (at == acronym.length() || word.charAt(0) != acronym.charAt(at)) {
      return false;
    }
    // the word gives its first letter and, in order, any more of its letters
    int from = 1;
    for (int next = at + 1; ; next++) {
      if (startsOfWords(acronym, next, words, w + 1)) {
        return true;
      }
      if (next == acronym.length()) {
        return false;
      }
      int found = word.indexOf(acronym.charAt(next), from);
      if (found < 0) {
        return false;
      }
      from = found + 1;
    }
  }

  /** The words of a key. */
  public static List<String> words(String key) {
    return key.isEmpty() ? List.of() : List.of(key.split(" "));
  }
}
