package org.dateline.enrich.story;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  /** Letters joined by full stops: "u.s.", "u.k", "p.m.". */
  private static final Pattern INITIALISM =
      Pattern.compile("(?<![\\p{L}\\p{N}.])\\p{L}(?:\\.\\p{L})+\\.?(?![\\p{L}\\p{N}])");

  /** A comma grouping three digits: "7,242,117". */
  private static final Pattern DIGIT_GROUP = Pattern.compile("(?<=\\p{N}),(?=\\p{N}{3}(?!\\p{N}))");

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

  /** British spellings and the American form they fold to, as (pattern, replacement) rules. */
  private static final List<Rule> SPELLINGS =
      List.of(
          new Rule("is", "^(\\p{L}{3,})is(e|es|ed|ing|ation|ations|er|ers)$", "$1iz$2"),
          new Rule("ys", "^(\\p{L}{3,})ys(e|es|ed|ing|er|ers)$", "$1yz$2"),
          new Rule("our", "^(\\p{L}{3,})our(s|ed|ing|ite|ites|able|ably|er|ers|ful)?$", "$1or$2"),
          new Rule("re", "^(\\p{L}{2,})([tb])re(s)?$", "$1$2er$3"),
          new Rule("ogue", "^(\\p{L}{3,})ogue(s)?$", "$1og$2"),
          new Rule("ence", "^(\\p{L}{3,})ence(s)?$", "$1ense$2"),
          new Rule("ll", "^(\\p{L}{2,}[ae])ll(ed|ing|er|ers|or|ors)$", "$1l$2"),
          new Rule("amme", "^(\\p{L}{3,})amme(s)?$", "$1am$2"),
          new Rule("dgement", "^(\\p{L}{2,})dgement(s)?$", "$1dgment$2"));

  /** A spelling rule, tried only on words holding its {@code hint} (a cheap test first). */
  private record Rule(String hint, Pattern pattern, String replacement) {
    Rule(String hint, String regex, String replacement) {
      this(hint, Pattern.compile(regex), replacement);
    }
  }

  private HouseStyle() {}

  /**
   * The text (already NFKC-normalised and lower-cased) with its punctuation-borne variants folded:
   * initialisms without full stops, digits ungrouped, currency signs spelled after the amount, "%"
   * as a word.
   */
  static String foldText(String text) {
    String s = INITIALISM.matcher(text).replaceAll(m -> m.group().replace(".", ""));
    s = DIGIT_GROUP.matcher(s).replaceAll("");
    s =
        SIGNED_AMOUNT
            .matcher(s)
            .replaceAll(
                m ->
                    Matcher.quoteReplacement(
                        m.group(2) + " " + CURRENCY_SIGNS.get(m.group(1)) + " "));
    return s.replace("%", " percent ");
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
      Matcher unit = NUMBER_UNIT.matcher(w);
      if (unit.matches() && !ORDINAL_SUFFIXES.contains(unit.group(2))) {
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
    String abbreviated = ABBREVIATIONS.get(word);
    if (abbreviated != null) {
      return abbreviated;
    }
    int n = NUMBER_WORDS.indexOf(word);
    if (n >= 0) {
      return Integer.toString(n);
    }
    int nth = ORDINALS.indexOf(word);
    if (nth > 0) {
      return nth + ORDINAL_SUFFIXES.get(nth);
    }
    for (Rule r : SPELLINGS) {
      if (word.length() < 5 || !word.contains(r.hint)) {
        continue;
      }
      Matcher m = r.pattern.matcher(word);
      if (m.matches()) {
        return m.replaceFirst(r.replacement);
      }
    }
    return word;
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
