package org.dateline.enrich;

import java.util.regex.Pattern;

/**
 * Photo captions and credits are not prose: "Families flee the village of Baghuz. Photograph: Chris
 * McGrath/Getty Images", "Daesh flag, 30 March 2017 [SpuntnikInt/Twitter]". Read as prose they give
 * photographers as people and agencies as places ("DAPHNE BENOIT", "Iraq Bruno Aubert"). A caption
 * is a paragraph of its own (between blank lines) that carries a credit label or ends in a
 * slash-joined credit in brackets or in capitals; for recognition it is blanked out with spaces, so
 * every offset still points into the stored text. Stateless and thread-safe.
 */
final class Captions {

  /** Longer paragraphs are prose that happens to cite a photo. */
  private static final int MAX_WORDS = 90;

  private static final Pattern LABEL =
      Pattern.compile("(?iu)\\b(photograph|photo|picture|image|credit|foto|bild)s?\\s*:\\s*\\S");

  /** A bracketed credit at the end: "[SpuntnikInt/Twitter]", "(REUTERS/Ahmed Jadallah)". */
  private static final Pattern BRACKETED_CREDIT =
      Pattern.compile(
          "[\\[(]\\s*\\p{Lu}[\\p{L}.'&-]*(\\s+\\p{Lu}[\\p{L}.'&-]*){0,3}"
              + "(\\s*/\\s*\\p{Lu}[\\p{L}.'&-]*(\\s+\\p{L}[\\p{L}.'&-]*){0,3})+\\s*[\\])]\\s*\\.?$");

  /** A credit in capitals at the end: "DAPHNE BENOIT/AFP", "REUTERS/Ahmed Jadallah". */
  private static final Pattern CAPITALS_CREDIT =
      Pattern.compile(
          "\\b\\p{Lu}{2,}(\\s+\\p{Lu}{2,}){0,3}\\s*/\\s*\\p{Lu}[\\p{L}.'&-]*"
              + "([\\s/]+\\p{Lu}[\\p{L}.'&-]*){0,4}\\s*\\.?$");

  private Captions() {}

  /** {@code text} with its caption paragraphs replaced by spaces (line breaks kept). */
  static String masked(String text) {
    char[] out = null;
    int start = 0;
    while (start < text.length()) {
      int blank = text.indexOf("\n\n", start);
      int end = blank < 0 ? text.length() : blank;
      if (isCaption(text, start, end)) {
        if (out == null) {
          out = text.toCharArray();
        }
        for (int i = start; i < end; i++) {
          out[i] = out[i] == '\n' ? '\n' : ' ';
        }
      }
      start = end + 2;
    }
    return out == null ? text : new String(out);
  }

  private static boolean isCaption(String text, int start, int end) {
    int slash = text.indexOf('/', start);
    int colon = text.indexOf(':', start);
    if ((slash < 0 || slash >= end) && (colon < 0 || colon >= end)) {
      return false; // no credit can be there: most paragraphs stop here
    }
    String block = text.substring(start, end).strip();
    if (DateLines.words(block) > MAX_WORDS) {
      return false;
    }
    return LABEL.matcher(block).find()
        || BRACKETED_CREDIT.matcher(block).find()
        || CAPITALS_CREDIT.matcher(block).find();
  }
}
