package org.dateline.enrich.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A Jaccard-only join: one release filled twice (two companies' contracts) is no copy, a copy that
 * keeps its amounts is one, and a marked correction is one whatever number it put right. Texts of
 * our own.
 */
class FrameFilledTwiceTest {

  private static final long HOUR = 3_600_000L;

  /** One day's contract release, filled for one company. */
  private static String award(String company, String unit, String amount, String month) {
    return "WASHINGTON, March 20 - "
        + company
        + "'s "
        + unit
        + " unit has been awarded a "
        + amount
        + " mln dlr contract for research on space-based interceptors under the Strategic"
        + " Defense Initiative, the Defense Department said. It said the work on the contract,"
        + " which was awarded as one of several under a program to test early designs of the"
        + " system, is expected to be completed by "
        + month
        + " 1989, and that the other bidders for the program would be told of the awards by the"
        + " end of the week.\nReuter";
  }

  private static final String LOCKHEED =
      award("Lockheed Corp", "Lockheed Missiles and Space Co", "304", "September");
  private static final String GRUMMAN =
      award("Grumman Corp", "Grumman Space Systems", "303.9", "December");

  /** The release re-sent in other words: the amounts and names kept, three phrases retold. */
  private static String retold(String release) {
    return release
        .replace("has been awarded", "won")
        .replace("the Defense Department said", "the Pentagon said")
        .replace("is expected to be completed by", "should be finished by");
  }

  @Test
  void oneReleaseFilledForTwoCompaniesIsNoCopy() {
    Fingerprint lockheed = Fingerprint.of("LOCKHEED UNIT GETS 304 MLN DLR SDI CONTRACT", LOCKHEED);
    Fingerprint grumman = Fingerprint.of("GRUMMAN UNIT GETS 303.9 MLN DLR SDI CONTRACT", GRUMMAN);
    Overlap o = Overlap.of(lockheed, grumman);
    // By overlap alone they are one story: a Jaccard join, not a containment one.
    // 79 and 80 shingles, 62 shared: the company, its unit, the amount and the month differ.
    assertEquals(62.0 / 79, o.containment(), 1e-9);
    assertEquals(62.0 / 97, o.jaccard(), 1e-9);
    assertTrue(o.joins(), o.toString());
    assertFalse(CopyRule.sameTemplate(lockheed, grumman, o)); // not mostly numbers: names differ
    assertTrue(CopyRule.frameFilledTwice(lockheed, grumman, o));
    assertNull(CopyRule.copies(lockheed, 0L, grumman, HOUR));
  }

  @Test
  void aCopyThatKeepsItsAmountsStillJoinsByJaccard() {
    String resent = retold(LOCKHEED);
    Fingerprint first = Fingerprint.of("LOCKHEED UNIT GETS 304 MLN DLR SDI CONTRACT", LOCKHEED);
    Fingerprint again = Fingerprint.of("LOCKHEED UNIT GETS SDI CONTRACT", resent);
    Overlap o = Overlap.of(first, again);
    // 75 shingles in the re-sent text, 58 of them in the first's 80.
    assertEquals(58.0 / 75, o.containment(), 1e-9);
    assertEquals(58.0 / 97, o.jaccard(), 1e-9);
    assertFalse(CopyRule.frameFilledTwice(first, again, o));
    assertNotNull(CopyRule.copies(first, 0L, again, HOUR));
  }

  @Test
  void aMarkedCorrectionIsTheSameStoryWhateverNumberItPutRight() {
    String wrong = LOCKHEED.replace("304", "340").replace("1989", "1988");
    Fingerprint first = Fingerprint.of("LOCKHEED UNIT GETS 340 MLN DLR SDI CONTRACT", wrong);
    String corrected = retold(LOCKHEED);
    Fingerprint correction =
        Fingerprint.of("CORRECTED - LOCKHEED UNIT GETS 304 MLN DLR SDI CONTRACT", corrected);
    Fingerprint unmarked = Fingerprint.of("LOCKHEED UNIT GETS 304 MLN DLR SDI CONTRACT", corrected);
    Overlap o = Overlap.of(first, correction);
    assertTrue(o.joins() && o.containment() < Overlap.JOIN_CONTAINMENT, o.toString());
    assertNotNull(CopyRule.copies(first, 0L, correction, 2 * HOUR));
    // The same text without the marker is another fill of the frame.
    assertNull(CopyRule.copies(first, 0L, unmarked, 2 * HOUR));
  }

  @Test
  void aPairOfTextsOfOneLengthGetsOneAnswerInEitherOrder() {
    // Word for word: one prints "ninety days" where the other prints "90 days", so the numbers of
    // the one are all in the other and not the other way round; three words retold besides.
    String words =
        LOCKHEED
            .replace("September 1989", "ninety days")
            .replace("awarded", "given")
            .replace("Defense Department", "Pentagon office")
            .replace("expected", "likely");
    String digits = LOCKHEED.replace("September 1989", "90 days");
    Fingerprint a = Fingerprint.of("", words);
    Fingerprint b = Fingerprint.of("", digits);
    assertEquals(a.shingles().length, b.shingles().length);
    Overlap o = Overlap.of(a, b);
    assertTrue(o.joins() && o.containment() < Overlap.JOIN_CONTAINMENT, o.toString());
    assertEquals(o, Overlap.of(b, a));
    assertEquals(CopyRule.frameFilledTwice(a, b, o), CopyRule.frameFilledTwice(b, a, o));
    assertEquals(CopyRule.copies(a, b), CopyRule.copies(b, a));
    assertSame(Fingerprint.shorter(a, b), Fingerprint.shorter(b, a));
  }

  @Test
  void onlyAMarkerThatOpensTheTitleMarksACorrection() {
    assertTrue(Correction.marked("CORRECTED - REXNORD <REX> TO SELL RAILWAY UNIT"));
    assertTrue(Correction.marked("(CORRECTED)-IVORY COAST CONFIRMS PRESENCE AT TALKS"));
    assertTrue(Correction.marked("CORRECTED-HECLA <HL> TO BUY MINE STAKE FROM BP"));
    assertTrue(Correction.marked("REFILE-Oil prices steady"));
    assertFalse(Correction.marked("JAMAICA CORRECTS SIZE OF PARIS CLUB RESCHEDULING"));
    assertFalse(Correction.marked("TWA <TWA> TO REFILE WITH U.S. AGENCY"));
    assertFalse(Correction.marked("Corrected figures show exports rose"));
    assertFalse(Correction.marked(null));
  }

  @Test
  void aNumberIsReadAsItsValue() {
    assertEquals("1", Names.plain("1.0"));
    assertEquals("2.5", Names.plain("2.50"));
    assertEquals("7242117", Names.plain("7,242,117"));
    assertEquals("100", Names.plain("100"));
    assertEquals("6-1/4", Names.plain("6-1/4"));
    assertEquals("10.05", Names.plain("10.05"));
  }
}
