package org.dateline.enrich;

/**
 * Unicode categories as the text rules' patterns read them, for the passes that apply a rule
 * without its pattern: {@code \p{N}} and {@code [\p{L}\p{N}]}, on one code point.
 */
public final class Characters {

  private Characters() {}

  /** A code point of category N (a decimal digit, a letter number, another number: "½"). */
  public static boolean isNumber(int cp) {
    int type = Character.getType(cp);
    return type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }

  /** A code point of category L or N. */
  public static boolean isLetterOrNumber(int cp) {
    return Character.isLetter(cp) || isNumber(cp);
  }
}
