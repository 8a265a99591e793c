package org.dateline.ingest;

import java.text.Normalizer;

/**
 * Normalises extracted text the same way for every format: Unicode NFC, no control characters,
 * no-break spaces as spaces, no trailing spaces, at most one blank line in a row. KWIC offsets
 * refer to this normalised text.
 */
public final class TextNormalizer {

  private TextNormalizer() {}

  /**
   * One pass over the NFC text: line breaks to {@code \n}; no-break spaces (U+00A0, U+2007, U+202F)
   * to spaces; control characters other than newline and tab, byte-order marks and zero-width
   * spaces dropped; spaces and tabs at the end of a line dropped; three or more line breaks in a
   * row cut to two; the whole stripped.
   */
  public static String normalize(String raw) {
    if (raw == null || raw.isEmpty()) {
      return "";
    }
    String s = Normalizer.normalize(raw, Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder(s.length());
    int spacesFrom = -1; // where the spaces and tabs at the current end of `out` begin
    int breaks = 0; // line breaks since the last other character
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\r') {
        if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          continue; // the \n that follows is the line break
        }
        c = '\n';
      } else if (c == '\u00A0' || c == '\u2007' || c == '\u202F') {
        c = ' ';
      }
      if (c == '\n') {
        if (spacesFrom >= 0) {
          out.setLength(spacesFrom);
          spacesFrom = -1;
        }
        if (++breaks <= 2) {
          out.append('\n');
        }
      } else if (c == ' ' || c == '\t') {
        if (spacesFrom < 0) {
          spacesFrom = out.length();
        }
        out.append(c);
      } else if (c == '\uFEFF' || c == '\u200B' || Character.getType(c) == Character.CONTROL) {
        continue;
      } else {
        spacesFrom = -1;
        breaks = 0;
        out.append(c);
      }
    }
    if (spacesFrom >= 0) {
      out.setLength(spacesFrom);
    }
    return out.toString().strip();
  }
}
