package org.dateline.enrich.story;

import java.util.Arrays;

/**
 * Whether the shorter of two texts prints its names and numbers in the longer, read where their
 * wording alone cannot tell a copy from a template. Two copies of one story differ in wording,
 * cuts, an outlet's own attribution or local paragraph, house style: they keep the story's amounts
 * and, but for the few names an outlet adds (its own, a town's), its names. Two fills of one
 * template (a eurobond notice, a convertible-debt sale, a Nasdaq exception, a money-market round)
 * share the frame and differ in what fills it: the issuer, the lead manager, the amounts.
 * Stateless.
 */
public final class SameNames {

  /** The share of the shorter text's names the longer may lack: an outlet's own added names. */
  public static final double NEW_NAMES = 1.0 / 3;

  private SameNames() {}

  /**
   * True when every number the shorter of {@code a} and {@code b} (fewer shingles) prints in digits
   * is in the longer and at most {@link #NEW_NAMES} of its names are not (a number in words, "one
   * official", "the first such", counts as a name: an outlet's retelling adds such prose).
   */
  public static boolean hold(Fingerprint a, Fingerprint b) {
    if (!numbersKept(a, b)) {
      return false;
    }
    Fingerprint shorter = Fingerprint.shorter(a, b);
    Fingerprint longer = shorter == a ? b : a;
    return missing(shorter.names(), longer.vocabulary()) <= NEW_NAMES * shorter.names().length;
  }

  /**
   * True when every number the shorter of {@code a} and {@code b} (fewer shingles) prints in digits
   * is in the longer, in digits or in words, or in another form of the same amount (a time written
   * otherwise, a full figure the shorter rounds), or stands only in paragraphs the longer left out
   * whole ({@link Amounts#keptIn}).
   */
  public static boolean numbersKept(Fingerprint a, Fingerprint b) {
    Fingerprint shorter = Fingerprint.shorter(a, b);
    Fingerprint longer = shorter == a ? b : a;
    return shorter.amounts().keptIn(longer.vocabulary(), shorter.inOrder(), longer.shingles());
  }

  /** How many of {@code hashes} are not in {@code vocabulary} (sorted). */
  private static int missing(long[] hashes, long[] vocabulary) {
    int missing = 0;
    for (long h : hashes) {
      missing += Arrays.binarySearch(vocabulary, h) < 0 ? 1 : 0;
    }
    return missing;
  }
}
