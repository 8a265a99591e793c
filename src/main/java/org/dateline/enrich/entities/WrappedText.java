package org.dateline.enrich.entities;

/**
 * Undoes fixed-width line wrapping (wire copy and old archives are filled to 65-80 columns) for the
 * recogniser, so that a name broken over a line end ("Louvre's\nCarrousel") is read as one. Each
 * wrapping line break becomes a space: the text keeps its length, and every offset into it is an
 * offset into the stored text. Breaks that end a paragraph stay: before a blank line, before an
 * indented line (a Reuters paragraph), and after a line well short of the width. Stateless.
 */
final class WrappedText {

  /** Lines longer than this are not fixed-width text. */
  private static final int MAX_WIDTH = 100;

  /** Narrower "widths" are lists and tables (one name a line), not wrapped prose. */
  private static final int MIN_WIDTH = 40;

  /** A line at least this share of the width was filled to it; a shorter one ends a paragraph. */
  private static final double FULL_SHARE = 0.6;

  private WrappedText() {}

  /** {@code text} with its wrapping line breaks turned into spaces, or itself when unwrapped. */
  static String unwrap(String text) {
    int width = width(text);
    if (width < MIN_WIDTH) {
      return text;
    }
    int full = (int) Math.ceil(width * FULL_SHARE);
    char[] out = null;
    int lineStart = 0;
    for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', lineStart)) {
      int next = nl + 1;
      boolean joins =
          nl - lineStart >= full
              && next < text.length()
              && !Character.isWhitespace(text.charAt(next));
      if (joins) {
        if (out == null) {
          out = text.toCharArray();
        }
        out[nl] = ' ';
      }
      lineStart = next;
    }
    return out == null ? text : new String(out);
  }

  /**
   * The column the text is wrapped at: its longest line, when nearly every line fits in {@link
   * #MAX_WIDTH} and at least three lines that continue a paragraph were filled close to that
   * length; 0 when the text is not wrapped at a fixed width.
   */
  static int width(String text) {
    int lines = 0;
    int over = 0;
    int width = 0;
    int lineStart = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        int len = i - lineStart;
        if (len > 0) {
          lines++;
          over += len > MAX_WIDTH ? 1 : 0;
          width = len <= MAX_WIDTH ? Math.max(width, len) : width;
        }
        lineStart = i + 1;
      }
    }
    if (lines < 3 || over * 20 > lines) {
      return 0;
    }
    return filledLines(text, width) >= 3 ? width : 0;
  }

  /** Lines followed by a non-blank line that reach {@link #FULL_SHARE} of {@code width}. */
  private static int filledLines(String text, int width) {
    int full = (int) Math.ceil(width * FULL_SHARE);
    int n = 0;
    int lineStart = 0;
    for (int nl = text.indexOf('\n');
        nl >= 0 && nl + 1 < text.length();
        nl = text.indexOf('\n', lineStart)) {
      if (nl - lineStart >= full && text.charAt(nl + 1) != '\n') {
        n++;
      }
      lineStart = nl + 1;
    }
    return n;
  }
}
