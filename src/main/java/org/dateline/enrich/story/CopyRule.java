package org.dateline.enrich.story;

import java.time.Duration;

/**
 * When two texts are copies of one story. A long text (the shorter of the two has at least {@link
 * Fingerprint#MIN_SHINGLES} shingles) is a copy when {@link Overlap#joins} holds, unless what the
 * two texts do not share is mostly their numbers: then they are two issues of one recurring report
 * (the Fed's daily repurchase item with another amount, a rate table at noon and at the close, a
 * price list a day later), which share a template and not a text. A short text, which says little
 * besides its numbers, is a copy only of the same text (its exact hash) printed within {@link
 * #SAME_ISSUE}: the same title-only flash on two days is two days' reports. Stateless.
 */
public final class CopyRule {

  /** Short texts alike further apart than this are separate issues of one report. */
  public static final Duration SAME_ISSUE = Duration.ofHours(12);

  /**
   * The share of the difference between two texts that masking their numbers must take away for
   * them to be one template filled with other numbers rather than copies.
   */
  public static final double NUMBERS_EXPLAIN = 0.5;

  /**
   * Texts that share at least this much are one story even where what differs is a number: an
   * updated toll or amount in a copy (the diff view flags the changed number), not another issue of
   * a report, whose template leaves less in common.
   */
  public static final double NEAR_IDENTICAL = 0.9;

  private CopyRule() {}

  /**
   * The overlap of {@code a} and {@code b} when they are copies (a short text's exact match counts
   * as full overlap), or null when they are not. Dates are epoch milliseconds, null when unknown
   * (then no time limit applies).
   */
  public static Overlap copies(Fingerprint a, Long aMs, Fingerprint b, Long bMs) {
    Fingerprint shorter = Fingerprint.shorter(a, b);
    if (!shorter.comparable()) {
      boolean same = a.exactHash() != 0 && a.exactHash() == b.exactHash();
      return same && within(aMs, bMs, SAME_ISSUE) ? new Overlap(1, 1, 1) : null;
    }
    Overlap o = Overlap.of(a, b);
    return copies(a, b, o) ? o : null;
  }

  /**
   * Whether two long texts with overlap {@code o} are copies: containment or Jaccard at its
   * threshold and not two issues differing in their numbers ({@link #sameTemplate}, {@link
   * #frameFilledTwice}); or, where an outlet retold the lead and added its own lines (coverage at
   * {@link Overlap#JOIN_COVERAGE}), the same and the shorter text's names and numbers in the longer
   * ({@link SameNames}).
   */
  public static boolean copies(Fingerprint a, Fingerprint b, Overlap o) {
    if (o.joins()) {
      return !sameTemplate(a, b, o) && !frameFilledTwice(a, b, o);
    }
    return o.coverage() >= Overlap.JOIN_COVERAGE && !sameTemplate(a, b, o) && SameNames.hold(a, b);
  }

  /** Whether {@code a} and {@code b} are copies, whenever printed. */
  public static boolean copies(Fingerprint a, Fingerprint b) {
    return copies(a, null, b, null) != null;
  }

  /**
   * True when masking the numbers of two texts with overlap {@code o} takes away at least {@link
   * #NUMBERS_EXPLAIN} of what they do not share: the texts differ mainly in their numbers.
   */
  public static boolean sameTemplate(Fingerprint a, Fingerprint b, Overlap o) {
    if (o.containment() >= NEAR_IDENTICAL) {
      return false; // next to nothing differs: a copy with a number updated, or none changed
    }
    // Measured from the side containment was: the text with fewer shingles. (Masking can merge a
    // text's repeated lines, so the two masked texts need not have their sizes in the same order.)
    Fingerprint shorter = Fingerprint.shorter(a, b);
    Fingerprint longer = shorter == a ? b : a;
    double masked = Overlap.containmentOf(shorter.numbersMasked(), longer.numbersMasked());
    return masked - o.containment() >= NUMBERS_EXPLAIN * (1 - o.containment());
  }

  /**
   * True when two texts that join by Jaccard alone (containment under {@link
   * Overlap#JOIN_CONTAINMENT}) differ in an amount: the shorter prints a number in digits the
   * longer does not, and neither is marked as a correction ({@link Correction}). One release filled
   * twice (two companies' contracts of one day, a market report at midday and at the close, an
   * offer extended again with new share counts) shares most of its frame, so its Jaccard passes,
   * and differs in what fills it; a copy of a text keeps its amounts. A correction is the same
   * story whatever number it put right. Containment joins are not asked: a text held in another at
   * 0.8 or more is the same text cut or updated (an amount changed there is a correction the diff
   * view flags).
   */
  public static boolean frameFilledTwice(Fingerprint a, Fingerprint b, Overlap o) {
    return o.containment() < Overlap.JOIN_CONTAINMENT
        && !a.corrected()
        && !b.corrected()
        && !SameNames.numbersKept(a, b);
  }

  private static boolean within(Long a, Long b, Duration limit) {
    return a == null || b == null || Math.abs(a - b) <= limit.toMillis();
  }
}
