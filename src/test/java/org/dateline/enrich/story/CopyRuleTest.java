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

  /** An issue notice of our own: one template, the issuer, amount, terms and manager filled in. */
  private static String notice(String issuer, String amount, String coupon, String manager) {
    return issuer
        + " is issuing a "
        + amount
        + " mln dlr eurobond due 1992 paying "
        + coupon
        + " pct and priced at 101-3/8 pct, lead manager "
        + manager
        + " said. The non-callable bond is available in denominations of 5,000 dlrs and will be"
        + " listed in Luxembourg. The selling concession is 1-1/4 pct, while management and"
        + " underwriting combined pays 5/8 pct. The payment date is April 2.";
  }

  @Test
  void twoIssuesOfOneTemplateWithOtherNamesAreNotCopies() {
    Fingerprint one =
        Fingerprint.of("", notice("Pasco Corp", "85", "7-1/4", "Nomura International"));
    Fingerprint two =
        Fingerprint.of("", notice("Nippon Oil and Fats Co", "100", "7-1/2", "Yamaichi Bank"));
    Overlap o = Overlap.of(one, two);
    assertTrue(o.joins(), o.toString()); // by coverage alone they would be one story
    assertTrue(o.containment() < Overlap.JOIN_CONTAINMENT, o.toString());
    assertEquals(1.0, Slots.filledShare(one, two));
    assertTrue(CopyRule.sameTemplate(one, two, o));
    assertNull(CopyRule.copies(one, 0L, two, HOUR));
  }

  @Test
  void aCopyWithALeadInADroppedWordAndALocalParagraphIsACopyByCoverage() {
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
    assertTrue(o.containment() < Overlap.JOIN_CONTAINMENT, o.toString());
    assertTrue(o.coverage() >= Overlap.JOIN_COVERAGE, o.toString());
    // The lead-in runs into the four words before the dropped ones: an 11-word gap where the wire
    // has 6, counted as a slot; the local paragraph (18 words, none across) is not one.
    assertEquals(11.0 / 30, Slots.filledShare(copy, wire), 1e-9);
    assertFalse(CopyRule.sameTemplate(wire, copy, o));
    assertNotNull(CopyRule.copies(wire, 0L, copy, 5 * HOUR));
  }
}
