package org.dateline.search;

/**
 * A cited passage of an article: the character range {@code [start, end)} of its text and the text
 * in it, so a citation can be checked against what it quotes.
 */
public record Passage(int start, int end, String text) {

  /** The passage {@code [start, end)} of {@code text}, or a 400 that says what range is valid. */
  public static Passage of(String text, int start, int end) {
    if (start < 0 || end > text.length() || start >= end) {
      throw new BadRequestException(
          "the passage must satisfy 0 <= start < end <= "
              + text.length()
              + " (the length of this article's text); got start="
              + start
              + ", end="
              + end);
    }
    return new Passage(start, end, text.substring(start, end));
  }
}
