package org.dateline.enrich.story;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dateline.enrich.Characters;

/**
 * Folds the spellings two houses print one word in to a single form, so that a copy re-set in
 * another house style keeps its shingles: initialisms with or without full stops ("U.S." and "US"),
 * digit grouping ("7,242,117" and "7242117"), a currency sign before the amount or a word after it
 * ("$5 mln" and "5 mln dlrs"), "%", "pct", "percent" and "per cent", the agencies' abbreviations of
 * amounts and units ("mln", "bn", "5m"), number words up to twenty and ordinals up to tenth as
 * digits, and British against American spelling by rule (-ise/-ize, -yse/-yze, -our/-or, -tre/-ter,
 * -ogue/-og, -ence/-ense, a doubled l before a suffix, -amme/-am). Both texts of a comparison are
 * folded alike, so a fold that also catches a word it was not meant for only costs a little
 * distinctiveness, never a match. Stateless and thread-safe.
 */
public final class HouseStyle {

  /**
   * Letters joined by full stops: "u.s.", "u.k", "p.m.". The rule as a pattern; {@link
   * #withoutInitialismStops} applies it in one pass and is held to it by a test.
   */
  static final Pattern INITIALISM =
      Pattern.compile("(?<![\\p{L}\\p{N}.])\\p{L}(?:\\.\\p{L})+\\.?(?![\\p{L}\\p{N}])");

  /** A comma grouping three digits: "7,242,117" (applied by {@link #withoutDigitGroups}). */
  static final Pattern DIGIT_GROUP = Pattern.compile("(?<=\\p{N}),(?=\\p{N}{3}(?!\\p{N}))");

  /** A currency sign before an amount and its scale: "$5", "£ 1.5 bn", "$3m". */
  private static final Pattern SIGNED_AMOUNT =
      Pattern.compile(
          "([$£€¥])\\s?(\\p{N}[\\p{N}.]*(?:\\s?(?:mln|million|bln|billion|bn|m|b)"
              + "(?![\\p{L}\\p{N}]))?)");

  /** A number run into its unit or scale: "5m", "3bn", "10km" (split into two words). */
  private static final Pattern NUMBER_UNIT = Pattern.compile("^(\\p{N}+)(\\p{L}{1,3})$");

  private static final Map<String, String> CURRENCY_SIGNS =
      Map.of("$", "dlrs", "£", "stg", "€", "euros", "¥", "yen");

  /**
   * Agency abbreviations and the words they abbreviate, folded to one form. A table because no rule
   * derives "mln" from "million".
   */
  private static final Map<String, String> ABBREVIATIONS =
      Map.ofEntries(
          Map.entry("mln", "million"),
          Map.entry("mn", "million"),
          Map.entry("bln", "billion"),
          Map.entry("bn", "billion"),
          Map.entry("pct", "percent"),
          Map.entry("dlr", "dlrs"),
          Map.entry("dollar", "dlrs"),
          Map.entry("dollars", "dlrs"),
          Map.entry("sterling", "stg"),
          Map.entry("cts", "cents"),
          Map.entry("qtr", "quarter"),
          Map.entry("qtrs", "quarters"),
          Map.entry("yr", "year"),
          Map.entry("yrs", "years"),
          Map.entry("mths", "months"),
          Map.entry("govt", "government"),
          Map.entry("vs", "versus"));

  /** Scales written as one letter after a number ("5m", "2b"). */
  private static final Map<String, String> SCALE_LETTERS = Map.of("m", "million", "b", "billion");

  private static final List<String> NUMBER_WORDS =
      List.of(
          "zero",
          "one",
          "two",
          "three",
          "four",
          "five",
          "six",
          "seven",
          "eight",
          "nine",
          "ten",
          "eleven",
          "twelve",
          "thirteen",
          "fourteen",
          "fifteen",
          "sixteen",
          "seventeen",
          "eighteen",
          "nineteen",
          "twenty");

  private static final List<String> ORDINALS =
      List.of(
          "", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
          "tenth");

  private static final List<String> ORDINAL_SUFFIXES =
      List.of("", "st", "nd", "rd", "th", "th", "th", "th", "th", "th", "th");

  /**
   * British spellings and the American form they fold to, as (hint, endings, pattern, replacement)
   * rules: a word is matched against a rule's pattern only when it holds the hint and ends in one
   * of the endings the pattern requires.
   */
  private static final List<Rule> SPELLINGS =
      List.of(
          new Rule(
              "is",
              "ise ises ised ising isation isations iser isers",
              "^(\\p{L}{3,})is(e|es|ed|ing|ation|ations|er|ers)$",
              "$1iz$2"),
          new Rule(
              "ys",
              "yse yses ysed ysing yser ysers",
              "^(\\p{L}{3,})ys(e|es|ed|ing|er|ers)$",
              "$1yz$2"),
          new Rule(
              "our",
              "our ours oured ouring ourite ourites ourable ourably ourer ourers ourful",
              "^(\\p{L}{3,})our(s|ed|ing|ite|ites|able|ably|er|ers|ful)?$",
              "$1or$2"),
          new Rule("re", "tre tres bre bres", "^(\\p{L}{2,})([tb])re(s)?$", "$1$2er$3"),
          new Rule("ogue", "ogue ogues", "^(\\p{L}{3,})ogue(s)?$", "$1og$2"),
          new Rule("ence", "ence ences", "^(\\p{L}{3,})ence(s)?$", "$1ense$2"),
          new Rule(
              "ll",
              "lled lling ller llers llor llors",
              "^(\\p{L}{2,}[ae])ll(ed|ing|er|ers|or|ors)$",
              "$1l$2"),
          new Rule("amme", "amme ammes", "^(\\p{L}{3,})amme(s)?$", "$1am$2"),
          new Rule("dgement", "dgement dgements", "^(\\p{L}{2,})dgement(s)?$", "$1dgment$2"));

  /**
   * Each abbreviation, number word and ordinal word with its folded form, looked up once; where a
   * word were in two lists, the abbreviations come first, then the number words.
   */
  private static final Map<String, String> LISTED = listed();

  private static Map<String, String> listed() {
    Map<String, String> out = new HashMap<>(ABBREVIATIONS);
    for (int n = 0; n < NUMBER_WORDS.size(); n++) {
      out.putIfAbsent(NUMBER_WORDS.get(n), Integer.toString(n));
    }
    for (int nth = 1; nth < ORDINALS.size(); nth++) {
      out.putIfAbsent(ORDINALS.get(nth), nth + ORDINAL_SUFFIXES.get(nth));
    }
    return Map.copyOf(out);
  }

  /**
   * A spelling rule, tried only on words holding its {@code hint} and ending in one of its {@code
   * endings} (every word its pattern matches does both: cheap tests first; the hint alone let
   * through every word holding "re" or "is", and the pattern tried on each was a third of folding's
   * cost).
   */
  private record Rule(String hint, List<String> endings, Pattern pattern, String replacement) {
    Rule(String hint, String endings, String regex, String replacement) {
      this(hint, List.of(endings.split(" ")), Pattern.compile(regex), replacement);
    }

    boolean mayMatch(String word) {
      if (!word.contains(hint)) {
        return false;
      }
      for (String e : endings) {
        if (word.endsWith(e)) {
          return true;
        }
      }
      return false;
    }
  }

  private HouseStyle() {}

  /**
   * The text (already NFKC-normalised and lower-cased) with its punctuation-borne variants folded:
   * initialisms without full stops, digits ungrouped, currency signs spelled after the amount, "%"
   * as a word.
   */
  static String foldText(String text) {
    String s = withoutInitialismStops(text);
    s = withoutDigitGroups(s);
    if (hasCurrencySign(s)) {
      s =
          SIGNED_AMOUNT
              .matcher(s)
              .replaceAll(
                  m ->
                      Matcher.quoteReplacement(
                          m.group(2) + " " + CURRENCY_SIGNS.get(m.group(1)) + " "));
    }
    return s.indexOf('%') < 0 ? s : s.replace("%", " percent ");
  }

  /**
   * {@link #INITIALISM}'s matches with their full stops taken out, found in one pass over the text
   * instead of the pattern tried at every position (a story's text is folded at every ingest).
   * Package-private so a test can hold it to the pattern.
   */
  static String withoutInitialismStops(String text) {
    int n = text.length();
    StringBuilder out = null;
    int copied = 0;
    for (int i = 0; i < n; ) {
      int cp = text.codePointAt(i);
      int end = Character.isLetter(cp) && !afterWordOrStop(text, i) ? initialismEnd(text, i) : -1;
      if (end < 0) {
        i += Character.charCount(cp);
        continue;
      }
      if (out == null) {
        out = new StringBuilder(n);
      }
      out.append(text, copied, i);
      for (int j = i; j < end; j++) {
        if (text.charAt(j) != '.') {
          out.append(text.charAt(j));
        }
      }
      copied = end;
      i = end;
    }
    return out == null ? text : out.append(text, copied, n).toString();
  }

  /**
   * True when the character before {@code i} is a letter, a digit or a full stop. One char, as the
   * pattern's look-behind reads it: the second half of a surrogate pair is none of them.
   */
  private static boolean afterWordOrStop(String text, int i) {
    if (i == 0) {
      return false;
    }
    char before = text.charAt(i - 1);
    return before == '.' || Characters.isLetterOrNumber(before);
  }

  /**
   * Where the initialism starting at the letter at {@code i} ends, or -1: letters joined by stops,
   * the last stop taken when neither a letter nor a digit follows it, as the pattern backtracks.
   */
  private static int initialismEnd(String text, int i) {
    int n = text.length();
    int p = i + Character.charCount(text.codePointAt(i));
    int joins = 0;
    int lastStop = -1;
    while (p + 1 < n && text.charAt(p) == '.' && Character.isLetter(text.codePointAt(p + 1))) {
      lastStop = p;
      p += 1 + Character.charCount(text.codePointAt(p + 1));
      joins++;
    }
    if (joins == 0) {
      return -1;
    }
    if (p < n && text.charAt(p) == '.') {
      return p + 1 < n && Characters.isNumber(text.codePointAt(p + 1)) ? p : p + 1;
    }
    if (p == n || !Characters.isLetterOrNumber(text.codePointAt(p))) {
      return p;
    }
    return joins >= 2 ? lastStop : -1;
  }

  /**
   * The text without {@link #DIGIT_GROUP}'s commas (a comma after a digit and before exactly
   * three), in one pass. Package-private so a test can hold it to the pattern.
   */
  static String withoutDigitGroups(String text) {
    int n = text.length();
    StringBuilder out = null;
    int copied = 0;
    for (int i = text.indexOf(','); i >= 0; i = text.indexOf(',', i + 1)) {
      // one char before, as the look-behind reads
      if (i == 0 || !Characters.isNumber(text.charAt(i - 1))) {
        continue;
      }
      int p = i + 1;
      int digits = 0;
      while (digits < 4 && p < n && Characters.isNumber(text.codePointAt(p))) {
        p += Character.charCount(text.codePointAt(p));
        digits++;
      }
      if (digits == 3) {
        if (out == null) {
          out = new StringBuilder(n);
        }
        out.append(text, copied, i);
        copied = i + 1;
      }
    }
    return out == null ? text : out.append(text, copied, n).toString();
  }

  private static boolean hasCurrencySign(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '$' || c == '£' || c == '€' || c == '¥') {
        return true;
      }
    }
    return false;
  }

  /** The words with their spellings folded, "per cent" as one word. */
  static List<String> foldWords(List<String> words) {
    List<String> out = new ArrayList<>(words.size());
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (w.equals("per") && i + 1 < words.size() && words.get(i + 1).equals("cent")) {
        out.add("percent");
        i++;
        continue;
      }
      // A number's unit is letters after it: a word ending in a digit (most numbers) has none.
      Matcher unit = startsWithLetter(w) || endsWithDigit(w) ? null : NUMBER_UNIT.matcher(w);
      if (unit != null && unit.matches() && !ORDINAL_SUFFIXES.contains(unit.group(2))) {
        out.add(unit.group(1));
        String scale = SCALE_LETTERS.get(unit.group(2));
        out.add(scale != null ? scale : fold(unit.group(2)));
        continue;
      }
      out.add(fold(w));
    }
    return out;
  }

  /** One word folded: an abbreviation spelled out, a number word as digits, a spelling rule. */
  static String fold(String word) {
    String listed = LISTED.get(word);
    if (listed != null) {
      return listed;
    }
    if (word.length() < 5) {
      return word; // no spelling rule matches a word this short
    }
    for (Rule r : SPELLINGS) {
      if (!r.mayMatch(word)) {
        continue;
      }
      Matcher m = r.pattern.matcher(word);
      if (m.matches()) {
        return m.replaceFirst(r.replacement);
      }
    }
    return word;
  }

  /**
   * {@link #fold} with every spelling rule's pattern tried on the word, whatever it ends in: what
   * the endings test must not change (a test holds it to this).
   */
  static String foldTryingEveryRule(String word) {
    String listed = LISTED.get(word);
    if (listed != null) {
      return listed;
    }
    for (Rule r : SPELLINGS) {
      Matcher m = r.pattern.matcher(word);
      if (m.matches()) {
        return m.replaceFirst(r.replacement);
      }
    }
    return word;
  }

  /** A word that starts with a letter is no number run into its unit (most words). */
  private static boolean startsWithLetter(String w) {
    return !w.isEmpty() && Character.isLetter(w.charAt(0));
  }

  private static boolean endsWithDigit(String w) {
    char last = w.isEmpty() ? 'x' : w.charAt(w.length() - 1);
    return last >= '0' && last <= '9';
  }

  /** True when the word is a number (holds a digit, once folded). */
  static boolean isNumber(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (Character.isDigit(word.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
