package org.dateline.enrich.story;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names and numbers a text prints, read before lower-casing: what differs between two issues of
 * one template (issuer, lead manager, amounts, dates) and what two copies of one text keep.
 * Stateless and thread-safe.
 */
final class Names {

  /**
   * A word, or a number whole with its decimal point, fraction or grouping ("1.5", "5-1/4",
   * "7,242,117"): an amount is one name, not the digits two amounts may share.
   */
  private static final Pattern WORD =
      Pattern.compile("\\p{N}+(?:[.,/-]\\p{N}+)*|[\\p{L}\\p{M}\\p{N}]+");

  /** Zeros that end the decimals of a number ("1.50", "2.0"), read after its last other digit. */
  private static final Pattern TRAILING_ZEROS = Pattern.compile("(?<=\\.\\p{N}{0,20}?)0+$");

  /** The longest number word folded to digits ("seventeen"). */
  private static final int MAX_NUMBER_WORD = 9;

  private Names() {}

  /**
   * What a text prints, split by how strictly a copy must keep it.
   *
   * @param numbers numbers printed in digits, whole and with digit grouping taken out: the amounts
   *     and dates a template is filled with, which every copy keeps
   * @param names the folded forms of capitalised words inside a sentence, and numbers in words as
   *     digits ("one", "first"): mostly prose, which an outlet's retelling adds or drops
   */
  record Found(Set<String> numbers, Set<String> names) {

    /** Both sets in one. */
    Set<String> all() {
      Set<String> out = new HashSet<>(numbers);
      out.addAll(names);
      return out;
    }
  }

  /**
   * The numbers of {@code text} (its wrapping already stripped), whole and with digit grouping
   * taken out, and the folded forms ({@link StoryText#tokens}) of its words that start with a
   * capital letter and do not open a sentence or a line (with the numbers in words, see {@link
   * Found}). When capitals are not rarer than small letters the text's case says nothing (a
   * headline, a table in capitals): only numbers count.
   */
  static Found of(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
    boolean cased = cased(s);
    Set<String> numbers = new HashSet<>();
    Set<String> out = new HashSet<>();
    int end = 0;
    boolean opens = true;
    Matcher m = WORD.matcher(s);
    while (m.find()) {
      opens |= opensBetween(s, end, m.start());
      String w = m.group();
      if (Character.isDigit(w.charAt(0))) {
        numbers.add(plain(w));
      } else if (cased && !opens && Character.isUpperCase(w.codePointAt(0))) {
        out.addAll(StoryText.tokens(w));
      } else if (w.length() <= MAX_NUMBER_WORD) {
        String folded = HouseStyle.fold(w.toLowerCase(Locale.ROOT));
        if (Character.isDigit(folded.charAt(0))) {
          // A number in words ("one official", "the first") is mostly prose: a name, not an amount.
          out.add(folded);
        }
      }
      opens = false;
      end = m.end();
    }
    return new Found(numbers, out);
  }

  /**
   * A number as its value reads: digit grouping and trailing zeros of a decimal taken out ("1,000"
   * and "1000", "1.0" and "1", "2.50" and "2.5" are one amount, and "1" matches "one").
   */
  static String plain(String number) {
    String n = number.replace(",", "");
    if (n.indexOf('.') < 0 || n.indexOf('/') >= 0 || n.indexOf('-') >= 0) {
      return n;
    }
    n = TRAILING_ZEROS.matcher(n).replaceFirst("");
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }

  /** Whether a character that may close a sentence or a line stands in {@code s[from, to)}. */
  private static boolean opensBetween(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '.' || c == '!' || c == '?' || c == ':' || c == '\n') {
        return true;
      }
    }
    return false;
  }

  /** Whether small letters outnumber capitals: case then marks names. */
  private static boolean cased(String s) {
    int upper = 0;
    int lower = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      upper += Character.isUpperCase(c) ? 1 : 0;
      lower += Character.isLowerCase(c) ? 1 : 0;
    }
    return lower > upper;
  }
}
