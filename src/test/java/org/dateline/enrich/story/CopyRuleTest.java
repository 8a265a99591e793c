package org.dateline.enrich.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dateline.StoryFixtures;
import org.junit.jupiter.api.Test;

/** Copies against issues of one recurring report, and the two defects of the short-text hash. */
class CopyRuleTest {

  private static final long HOUR = 3_600_000L;

  /** A daily report of our own: one template, the day's numbers filled in. */
  private static String daily(String amount, String rate, String level) {
    return "The central bank entered the government securities market to arrange "
        + amount
        + " billion crowns of customer repurchase agreements, a bank spokesman said. Dealers"
        + " said overnight funds were trading at "
        + rate
        + " pct when the bank began its temporary and indirect supply of reserves to the"
        + " banking system, and that the day's reserve level stood at "
        + level
        + " billion crowns by the noon settlement of accounts.";
  }

  @Test
  void issuesOfOneTemplateWithOtherNumbersAreNotCopies() {
    Fingerprint monday = Fingerprint.of("", daily("1.5", "6-3/16", "22"));
    Fingerprint tuesday = Fingerprint.of("", daily("two", "6-1/4", "23"));
    assertTrue(monday.comparable());
    Overlap o = Overlap.of(monday, tuesday);
    assertTrue(o.joins(), o.toString()); // by overlap alone they would be one story
    assertTrue(CopyRule.sameTemplate(monday, tuesday, o));
    assertNull(CopyRule.copies(monday, 0L, tuesday, 24 * HOUR));
    // The same report re-sent, numbers and all, is a copy.
    assertNotNull(
        CopyRule.copies(monday, 0L, Fingerprint.of("", daily("1.5", "6-3/16", "22")), HOUR));
  }

  @Test
  void aCopyThatChangedOnlyANumberIsStillACopy() {
    // an updated figure in the same text: the diff view shows the number
    Fingerprint first = Fingerprint.of("", StoryFixtures.WIRE);
    Fingerprint update =
        Fingerprint.of("", StoryFixtures.WIRE.replace("three weeks", "four weeks"));
    Overlap o = CopyRule.copies(first, 0L, update, 3 * HOUR);
    assertNotNull(o);
    assertTrue(o.containment() < 1.0, o.toString());
  }

  @Test
  void aCopyCutAndGivenALocalParagraphIsStillACopy() {
    String[] paragraphs = StoryFixtures.WIRE.split("\n\n");
    Fingerprint wire = Fingerprint.of("", StoryFixtures.WIRE);
    Fingerprint copy =
        Fingerprint.of(
            "",
            paragraphs[0]
                + "\n\n"
                + paragraphs[1]
                + "\n\n"
                + paragraphs[2]
                + "\n\n"
                + StoryFixtures.LOCAL);
    Overlap o = CopyRule.copies(wire, 0L, copy, 5 * HOUR);
    assertNotNull(o);
    assertFalse(CopyRule.sameTemplate(wire, copy, o));
  }

  @Test
  void shortTextsAlikeAreCopiesOnlyWithinHours() {
    Fingerprint flash = Fingerprint.of("BANK SETS TWO BILLION CROWN REPURCHASE", "Blah blah blah.");
    Fingerprint again = Fingerprint.of("BANK SETS TWO BILLION CROWN REPURCHASE", "Blah blah blah.");
    assertFalse(flash.comparable());
    assertNotNull(CopyRule.copies(flash, 0L, again, 2 * HOUR));
    assertNull(CopyRule.copies(flash, 0L, again, 24 * HOUR));
  }

  @Test
  void aHeadlineInCapitalsBeforeADashIsNoDateline() {
    String coffee = "LONDON COFFEE OPTION TRADES MORNING - APR 7\n    Business nil.";
    String cocoa = "LONDON COCOA OPTION TRADES AFTERNOON - APR 7\n    Business nil.";
    assertEquals(
        List.of("london", "coffee", "option", "trades", "morning", "apr", "7", "business", "nil"),
        StoryText.allWords(coffee));
    assertNotEquals(Fingerprint.of("", coffee).exactHash(), Fingerprint.of("", cocoa).exactHash());
    // A dateline followed by the story, or by the story in capitals, is still taken away.
    assertEquals(List.of("shares", "rose"), StoryText.words("NEW YORK, March 3 - Shares rose."));
    assertEquals(
        List.of("the", "following", "rain", "was", "recorded"),
        StoryText.words("SAO PAULO, April 7 - THE FOLLOWING RAIN WAS RECORDED"));
  }

  @Test
  void onlyOneBareSignOffIsACreditTheLinesAboveItAreAList() {
    String dividends = "DIVIDEND MEETINGS - MARCH 3\n Acme Corp\n Zenith Industrial\n Reuter";
    String holders = "SHAREHOLDER MEETINGS - MARCH 3\n None Reported\n Reuter";
    assertEquals(
        List.of("dividend", "meetings", "march", "3", "acme", "corp", "zenith", "industrial"),
        StoryText.allWords(dividends));
    assertNotEquals(
        Fingerprint.of("", dividends).exactHash(), Fingerprint.of("", holders).exactHash());
    // A bracketed credit and a sign-off below it are both credits.
    assertEquals(
        List.of("troops", "advanced"),
        StoryText.allWords("Troops advanced.\n(Reporting by Jane Doe)\nReuters"));
  }

  @Test
  void aCopyWithALeadInADroppedWordAndALocalParagraphIsCoveredMoreThanContained() {
    String[] paragraphs = StoryFixtures.WIRE.split("\n\n");
    // Retold: an attribution in front, a word of the lead dropped; a local paragraph; cut.
    String lead =
        "According to reports seen by the Gazette, " + paragraphs[0].replace(" on Tuesday", "");
    Fingerprint wire = Fingerprint.of("", StoryFixtures.WIRE);
    Fingerprint copy =
        Fingerprint.of(
            "",
            lead + "\n\n" + paragraphs[1] + "\n\n" + StoryFixtures.LOCAL + "\n\n" + paragraphs[2]);
    Overlap o = Overlap.of(wire, copy);
    // Each edit costs containment five shingles, coverage one word: 52 shingles of which 35 shared,
    // 54 words of which 39 covered (the lead-in, the local paragraph and the four words before the
    // dropped ones are not).
    assertEquals(35.0 / 52, o.containment(), 1e-9);
    assertEquals(39.0 / 54, o.coverage(), 1e-9);
    assertTrue(o.joinsByCoverage(), o.toString());
    assertNotNull(CopyRule.copies(wire, 0L, copy, 5 * HOUR)); // by its Jaccard, 0.50
  }
}
