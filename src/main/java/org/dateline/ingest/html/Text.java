package org.dateline.ingest.html;

import java.util.regex.Pattern;

/** Small text helpers shared by the extraction steps. */
final class Text {

  // \h covers the no-break and other Unicode spaces news sites sprinkle into their text.
  private static final Pattern SPACES = Pattern.compile("[\\h\\s\\u200b\\u200c\\u200d\\ufeff]+");

  private Text() {}

  /** Collapses every run of whitespace to one space and trims; null becomes "". */
  static String clean(String s) {
    if (s == null) {
      return "";
    }
    return SPACES.matcher(s).replaceAll(" ").strip();
  }

  /** The first non-blank value, cleaned, or null when there is none. */
  static String firstNonBlank(String... values) {
    for (String v : values) {
      String c = clean(v);
      if (!c.isEmpty()) {
        return c;
      }
    }
    return null;
  }

  /** Counts the clause separators of Latin and CJK scripts, a hint of real prose. */
  static int commas(CharSequence s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ',' || c == '\uff0c' || c == '\u3001' || c == '\u060c') {
        n++;
      }
    }
    return n;
  }
}
