package org.dateline.enrich.story;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The words two copies of one story share, whatever each outlet wrapped around them: the text
 * without its dateline ("NEW YORK, Feb 26 -", "BEIRUT (Reuters) -", "SOUSA:"), without runs of
 * short lines (a saved page's menus and link lists, which two pages of one site share), and without
 * its trailing credit and copyright lines ("Reuter", "(Reporting by ...)", "© 2019 ..."), NFKC
 * normalised, lower-cased, cut into runs of letters and digits. Stateless and thread-safe.
 */
public final class StoryText {

  /**
   * A dateline: the first line opens with a place in capitals (optionally ", Feb 26" and an agency
   * in brackets), then a dash or a colon, then the story: the rest of the line is prose (a
   * lower-case letter or four words more) or empty. A headline in capitals before a dash and a date
   * ("LONDON COFFEE OPTION TRADES MORNING - APR 7") is no dateline.
   */
  private static final Pattern DATELINE =
      Pattern.compile(
          "\\A\\s*\\p{Lu}[\\p{Lu}\\p{M} .'’/-]{1,40}(?:,[^\\n]{1,30}?)?(?:\\s*\\([^)\\n]{1,40}\\))?"
              + "\\s*(?:[-–—]{1,2}|:)(?=[ \\t]*(?:\\n|\\r|\\z)|[^\\n]*\\p{Ll}|(?:[ \\t]+[^\\s]+){4})\\s");

  private static final Pattern COPYRIGHT =
      Pattern.compile(
          "©|\\(c\\)\\s*\\d{4}|\\bcopyright\\b|\\ball rights reserved\\b",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** A line of at most three words, no digits, no closing full stop: a sign-off ("Reuter"). */
  private static final Pattern SIGN_OFF =
      Pattern.compile("[-–—\\s]*\\p{L}[\\p{L}'’-]*(?:[\\s.]+\\p{L}[\\p{L}'’-]*){0,2}");

  /** At most this many trailing lines are taken for credits (a table must not melt away). */
  private static final int MAX_CREDIT_LINES = 3;

  /** A longer line is prose, not a credit line. */
  private static final int MAX_CREDIT_CHARS = 300;

  /** A line of fewer words than this is short: a menu item, a link, a label. */
  private static final int SHORT_LINE_WORDS = 5;

  /** This many short lines in a row (blank lines aside) are a page's navigation, not its story. */
  private static final int MENU_LINES = 3;

  private StoryText() {}

  /**
   * The story words of {@code text} that it prints as names or numbers, in their folded form: a
   * word holding a digit, or one with a capital first letter that does not open a sentence or a
   * line ("Mitsubishi", "Nomura", "IBM", "Ashford"). What two issues of one template differ in (the
   * issuer, the lead manager, the amounts) while they share the frame; what two copies of one text
   * keep. A text printed mostly in capitals has no names by case (only its numbers).
   */
  public static java.util.Set<String> names(String text) {
    return Names.of(strip(text == null ? "" : text, true)).all();
  }

  /** The story's words, in order: {@code text} stripped of its wrapping, normalised, tokenised. */
  public static List<String> words(String text) {
    return tokens(strip(text == null ? "" : text, true));
  }

  /**
   * Every word of {@code text} but its dateline and credits, menus kept: what a short text's exact
   * hash is taken over (a table's short rows are its substance).
   */
  public static List<String> allWords(String text) {
    return tokens(strip(text == null ? "" : text, false));
  }

  /**
   * {@code text} without a leading dateline and trailing credit or copyright lines; with {@code
   * dropMenus}, without runs of short lines too.
   */
  static String strip(String text, boolean dropMenus) {
    String body = DATELINE.matcher(text).replaceFirst("");
    List<String> lines =
        dropMenus ? withoutMenus(body.split("\n")) : new ArrayList<>(List.of(body.split("\n")));
    int removed = 0;
    boolean signedOff = false;
    while (!lines.isEmpty() && removed < MAX_CREDIT_LINES) {
      String last = lines.get(lines.size() - 1).strip();
      if (last.isEmpty()) {
        lines.remove(lines.size() - 1);
      } else if (isCredit(last, signedOff)) {
        signedOff |= !isMarkedCredit(last);
        lines.remove(lines.size() - 1);
        removed++;
      } else {
        break;
      }
    }
    return String.join("\n", lines);
  }

  /**
   * Where the trailing credit and copyright lines of {@code text} start (a sign-off such as
   * "Reuter", "(Reporting by ...)", "© 2019 ..."), or its length when it ends in prose. The first
   * line is never a credit: a credit follows a story.
   */
  public static int creditStart(String text) {
    int start = text.length();
    int end = text.length();
    boolean signedOff = false;
    for (int credits = 0; end > 0 && credits < MAX_CREDIT_LINES; ) {
      int lineStart = text.lastIndexOf('\n', end - 1) + 1;
      if (lineStart == 0 || end - lineStart > MAX_CREDIT_CHARS) {
        break; // the first line, or a paragraph (and no long line is copied)
      }
      String line = text.substring(lineStart, end).strip();
      if (!line.isEmpty()) {
        if (!isCredit(line, signedOff)) {
          break;
        }
        signedOff |= !isMarkedCredit(line);
        credits++;
        start = lineStart;
      }
      end = lineStart - 1;
    }
    return start;
  }

  /** The lines, less every run of {@link #MENU_LINES} or more short lines (blank lines aside). */
  private static List<String> withoutMenus(String[] lines) {
    List<String> out = new ArrayList<>(lines.length);
    int i = 0;
    while (i < lines.length) {
      int end = i;
      int shortLines = 0;
      // The run of short or blank lines starting at i.
      while (end < lines.length && (lines[end].isBlank() || isShort(lines[end]))) {
        shortLines += lines[end].isBlank() ? 0 : 1;
        end++;
      }
      if (end == i) {
        out.add(lines[i++]);
      } else {
        if (shortLines < MENU_LINES) {
          out.addAll(Arrays.asList(lines).subList(i, end)); // a view: no copy of every line
        }
        i = end;
      }
    }
    return out;
  }

  /**
   * Whether {@code line} has fewer than {@link #SHORT_LINE_WORDS} words ({@link #split} of it
   * normalised). A line of ASCII is counted where it stands, without a copy: NFKC leaves ASCII as
   * it is, and lower-casing it changes no letter or digit into anything else (every line of every
   * text was normalised and cut into words for this count: a tenth of its fingerprint's cost).
   */
  static boolean isShort(String line) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c >= 0x80) {
        return lineWords(line).size() < SHORT_LINE_WORDS;
      }
      boolean word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (word && !inWord) {
        words++;
      }
      inWord = word;
    }
    return words < SHORT_LINE_WORDS;
  }

  /**
   * Whether a trailing line is a credit: bracketed, a copyright notice, or a bare sign-off
   * ("Reuter"). One bare sign-off is taken at most: two short bare lines in a row are the last rows
   * of a list ("Mickelberry Corp", "Premier Industrial"), not credits.
   */
  private static boolean isCredit(String line, boolean signedOff) {
    return isMarkedCredit(line) || (!signedOff && SIGN_OFF.matcher(line).matches());
  }

  /** A credit by its form alone: in brackets, or a copyright notice. */
  private static boolean isMarkedCredit(String line) {
    boolean bracketed = line.startsWith("(") && line.endsWith(")");
    return bracketed || COPYRIGHT.matcher(line).find();
  }

  /**
   * NFKC, lower case (Locale.ROOT), house-style variants folded ({@link HouseStyle}), then every
   * maximal run of letters, marks and digits.
   */
  static List<String> tokens(String text) {
    return HouseStyle.foldWords(split(HouseStyle.foldText(normalised(text))));
  }

  private static String normalised(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
  }

  /** The words {@link #isShort} counts: {@code line} normalised and split (a test's reference). */
  static List<String> lineWords(String line) {
    return split(normalised(line));
  }

  /** Every maximal run of letters, marks and digits of {@code s}. */
  private static List<String> split(String s) {
    List<String> out = new ArrayList<>(s.length() / 6 + 4); // about a word in six chars of prose
    int start = -1;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      boolean word =
          Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK;
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        out.add(s.substring(start, i));
        start = -1;
      }
      i += Character.charCount(cp);
    }
    if (start >= 0) {
      out.add(s.substring(start));
    }
    return out;
  }
}
