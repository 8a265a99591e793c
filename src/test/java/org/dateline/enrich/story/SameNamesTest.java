package org.dateline.enrich.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The names test of a coverage join: an outlet's retold copy keeps the story's names and numbers, a
 * second fill of one notice does not. Texts of our own.
 */
class SameNamesTest {

  /** One notice's frame, filled in. */
  private static String notice(String issuer, String amount, String coupon, String lead) {
    return issuer
        + " said it is offering "
        + amount
        + " mln dlrs of convertible subordinated debentures due 2031 with a coupon of "
        + coupon
        + " pct, convertible into common stock at a premium to the market price, through"
        + " underwriters led by "
        + lead
        + ". The company said it would use the proceeds to repay bank debt and for general"
        + " corporate purposes, including working capital and the purchase of businesses"
        + " related to its own.";
  }

  @Test
  void namesAreCapitalisedWordsInsideASentenceAndNumbersAreWhole() {
    Set<String> names =
        StoryText.names(
            "Dealers said Federal funds traded at 6-1/16 pct.\nTwo banks lent 7,242,117 dlrs");
    assertEquals(Set.of("federal", "6-1/16", "2", "7242117"), names);
    // A text in capitals says nothing by its case: only its numbers count, read as their value.
    assertEquals(Set.of("33"), StoryText.names("MINAS GERAIS STATE: GUAXUPE 33.0 MILLIMETRES"));
  }

  /** A wire story of our own. */
  private static final String WIRE =
      "LONDON (Reuters) - Harbour Mills Plc said on Tuesday it would close its spinning plant in"
          + " Rochdale with the loss of 420 jobs, blaming cheap imports and a strong pound for a fall"
          + " in orders that has lasted two years. The company said the plant would shut by the end"
          + " of June and that it would move some of the work to its mill in Bolton, where it"
          + " employs 300 people. Harbour Mills chairman Peter Quinlan said the board had looked at"
          + " every way of keeping the plant open. The GMB union said it would ask the government to"
          + " step in and called the closure a blow to the town, which has lost a third of its"
          + " factory jobs in a decade. Shares in Harbour Mills fell 4 pence to 112 pence in"
          + " London.\nReuter";

  /** An outlet's copy: the lead retold, the chairman's line cut, a paragraph of its own added. */
  private static String outletCopy(String jobs) {
    return "Harbour Mills Plc is to close its spinning plant in Rochdale with the loss of "
        + jobs
        + " jobs, the company said yesterday, blaming cheap imports and a strong pound for a fall"
        + " in orders that has lasted two years. It is the first such closure in the town this"
        + " year, and one union official said workers heard the news from the radio. The company"
        + " said the plant would shut by the end of June and that it would move some of the work"
        + " to its mill in Bolton, where it employs 300 people. The GMB union said it would ask"
        + " the government to step in and called the closure a blow to the town, which has lost a"
        + " third of its factory jobs in a decade.";
  }

  @Test
  void anOutletsRetoldCopyKeepsTheNumbersItPrintsInDigits() {
    Fingerprint wire = Fingerprint.of("Harbour Mills to close Rochdale plant", WIRE);
    Fingerprint outlet = Fingerprint.of("Rochdale mill to shut", outletCopy("420"));
    Overlap o = Overlap.of(wire, outlet);
    // Too retold for containment or Jaccard: a coverage join, which the names test decides.
    assertFalse(o.joins());
    assertTrue(o.coverage() >= Overlap.JOIN_COVERAGE);
    // The outlet's own prose ("the first such closure", "one union official") reads as numbers in
    // words: names the wire need not print, within the share an outlet may add.
    assertTrue(SameNames.hold(wire, outlet));
    assertTrue(CopyRule.copies(wire, outlet));
    // The same retelling with another amount in digits is not the wire's story.
    assertFalse(CopyRule.copies(wire, Fingerprint.of("Rochdale mill to shut", outletCopy("380"))));
  }

  @Test
  void twoFillsOfOneNoticeAreNotCopies() {
    Fingerprint a = Fingerprint.of("", notice("Ashcombe Industries Inc", "50", "7-1/4", "Harbour"));
    Fingerprint b = Fingerprint.of("", notice("Brindle Foods Corp", "75", "6-3/4", "Kestrel"));
    assertTrue(Overlap.of(a, b).coverage() >= Overlap.JOIN_COVERAGE);
    assertFalse(SameNames.hold(a, b));
  }

  @Test
  void anOtherNameOrNumberAloneTellsTheFillsApart() {
    String text = notice("Ashcombe Industries Inc", "50", "7-1/4", "Harbour");
    Fingerprint a = Fingerprint.of("", text);
    // Same numbers, other issuer: two of its three names are new.
    assertFalse(
        SameNames.hold(
            a, Fingerprint.of("", text.replace("Ashcombe Industries Inc", "Brindle Foods Corp"))));
    // Same names, one other number.
    assertFalse(SameNames.hold(a, Fingerprint.of("", text.replace("7-1/4", "7-1/2"))));
    assertTrue(SameNames.hold(a, Fingerprint.of("", text)));
  }
}
