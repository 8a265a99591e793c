package org.dateline.ingest;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Normalises extracted text the same way for every format: Unicode NFC, no control characters,
 * no-break spaces as spaces, no trailing spaces, at most one blank line in a row. KWIC offsets refer to this normalised text.
 */
public final class TextNormalizer {

  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\uFEFF\\u200B]");
  /** No-break spaces become plain spaces, so patterns and tokenizers see word boundaries. */
  private static final Pattern NO_BREAK_SPACE = Pattern.compile("[\\u00A0\\u2007\\u202F]");
  private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t\\u00A0]+(?=\\n|$)");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

  private TextNormalizer() {}

  public static String normalize(String raw) {
    if (raw == null || raw.isEmpty()) {
      return "";
    }
    String s = raw.replace("\r\n", "\n").replace('\r', '\n');
    s = Normalizer.normalize(s, Normalizer.Form.NFC);
    s = NO_BREAK_SPACE.matcher(s).replaceAll(" ");
    s = CONTROL.matcher(s).replaceAll("");
    s = TRAILING_SPACE.matcher(s).replaceAll("");
    s = BLANK_LINES.matcher(s).replaceAll("\n\n");
    return s.strip();
  }
}
