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
    // A text in capitals says nothing by its case: only its numbers count.
    assertEquals(Set.of("33.0"), StoryText.names("MINAS GERAIS STATE: GUAXUPE 33.0 MILLIMETRES"));
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
