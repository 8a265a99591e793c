package org.dateline.enrich.story;

import java.util.regex.Pattern;

/**
 * Whether a title marks its article as a correction or a re-send of one printed before ("CORRECTED
 * - ...", "(CORRECTED)-...", "REFILE-..."): the agency's word that this is the same story, whatever
 * number it put right. Only a marker that opens the title counts ("JAMAICA CORRECTS SIZE OF ..." is
 * a story about a correction, not a corrected story). Stateless and thread-safe.
 */
public final class Correction {

  private static final Pattern MARK =
      Pattern.compile(
          "^[\\s(\\[]*(?:corrected|correction|corrects|refile|refiled)[\\s)\\]]*[-\\u2013\\u2014:]",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private Correction() {}

  /** True when {@code title} (null: no title) opens with a correction or re-send marker. */
  public static boolean marked(String title) {
    return title != null && MARK.matcher(title).find();
  }
}
