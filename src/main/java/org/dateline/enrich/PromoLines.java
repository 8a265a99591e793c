package org.dateline.enrich;

import java.util.regex.Pattern;

/**
 * Lines an outlet prints around every story that are not the story: its tagline ("Creating new
 * perspectives since 2009", as listed in {@code outlets.json}) and calls to action set as a
 * paragraph of their own ("READ: Syria's last enclave falls", "Read more: ...", "SIGN UP: ...").
 * They are dropped from the stored text, so they appear neither in plain text nor in KWIC lines;
 * the outlet and date are read before, from the text as the source gave it. Stateless.
 */
final class PromoLines {

  /** Calls to action: an imperative label and a colon opening a short paragraph. */
  private static final Pattern CALL_TO_ACTION =
      Pattern.compile(
          "(?iu)^(read|read more|read also|also read|watch|watch more|listen|see|see also|related"
              + "|more|subscribe|sign up|follow us|click here|download)\\s*:\\s*\\S");

  /** A paragraph longer than this is text, whatever it opens with. */
  private static final int MAX_WORDS = 25;

  private static final int MAX_CHARS = 250;

  private PromoLines() {}

  /** {@code text} without its tagline and call-to-action paragraphs; itself when it has none. */
  static String strip(String text, Outlets outlets) {
    StringBuilder out = null;
    int start = 0;
    while (start <= text.length()) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl;
      String line = text.substring(start, end).strip();
      boolean promo = !line.isEmpty() && isPromo(line, outlets);
      if (promo && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, start);
      } else if (!promo && out != null) {
        out.append(text, start, Math.min(text.length(), end + 1));
      }
      if (nl < 0) {
        break;
      }
      start = nl + 1;
    }
    if (out == null) {
      return text;
    }
    // removing a paragraph may leave two blank lines in a row: keep at most one
    return out.toString().replaceAll("\n{3,}", "\n\n").strip();
  }

  private static boolean isPromo(String line, Outlets outlets) {
    if (line.length() > MAX_CHARS) {
      return false; // most lines of a story: no table lookup, no pattern
    }
    if (outlets.isTagline(line)) {
      return true;
    }
    int colon = line.indexOf(':');
    return colon > 0
        && colon < 20
        && DateLines.words(line) <= MAX_WORDS
        && CALL_TO_ACTION.matcher(line).find();
  }
}
