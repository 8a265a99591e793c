package org.dateline.enrich.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dateline.StoryFixtures;
import org.junit.jupiter.api.Test;

/** Story words, shingles, MinHash values and the exact verification of copies, on small texts. */
class FingerprintTest {

  private static final String WIRE = StoryFixtures.WIRE;

  @Test
  void storyWordsLeaveOutDatelineCreditsAndCase() {
    assertEquals(
        List.of("shares", "of", "acme", "rose", "4", "5", "percent"),
        StoryText.words("NEW YORK, Feb 26 - Shares of ACME rose 4.5 pct.\n Reuter"));
    assertEquals(
        List.of("troops", "advanced", "on", "baghouz"),
        StoryText.words(
            "BEIRUT (Reuters) - Troops advanced on Baghouz.\n\n"
                + "(Reporting by Jane Doe; Editing by John Roe)\n© 2019 Reuters"));
    assertEquals(
        List.of("scores", "of", "civilians", "left"),
        StoryText.words("SOUSA: Scores of civilians left."));
    // NFKC: the ligature and the full-width digits become plain letters and digits.
    assertEquals(List.of("office", "12", "école"), StoryText.words("Oﬃce １２ ÉCOLE"));
    // A last line that is a sentence is kept, whatever its length.
    assertEquals(
        List.of("it", "rained", "they", "left"), StoryText.words("It rained.\nThey left."));
  }

  @Test
  void aSavedPagesMenusAreNotStoryWordsButATablesRowsCountForItsExactHash() {
    String page =
        "News\n\nWorld\nPolitics\n\nSport\nThe quay will close for three weeks.\n"
            + "Home\nAbout us\nFerries will use the southern berths.";
    // Four short lines in a row are a menu; the two further on are no run of three.
    assertEquals(
        List.of(
            "the",
            "quay",
            "will",
            "close",
            "for",
            "3",
            "weeks",
            "home",
            "about",
            "us",
            "ferries",
            "will",
            "use",
            "the",
            "southern",
            "berths"),
        StoryText.words(page));
    String table = "Shr 10 cts vs 12 cts\nNet 1.2 mln\nRevs 4 mln\nNine mths\nShr 30 cts\nReuter";
    assertEquals(List.of("shr", "10", "cents", "versus", "12", "cents"), StoryText.words(table));
    assertEquals(
        List.of(
            "shr", "10", "cents", "versus", "12", "cents", "net", "1", "2", "million", "revs", "4",
            "million", "9", "months", "shr", "30", "cents"),
        StoryText.allWords(table));
    // Two tables that differ only in their short rows are not the same notice.
    assertNotEquals(
        Fingerprint.of("Acme", table).exactHash(),
        Fingerprint.of("Acme", table.replace("Revs 4 mln", "Revs 5 mln")).exactHash());
  }

  @Test
  void shinglesMinHashesAndExactHash() {
    Fingerprint wire = Fingerprint.of("Quay to close", WIRE);
    assertEquals(109, StoryText.words(WIRE).size());
    assertEquals(105, wire.shingles().length); // 109 - 5 + 1, all distinct
    assertEquals(Fingerprint.MIN_HASHES, wire.minHashes().length);
    assertTrue(wire.comparable());
    assertEquals(0, wire.exactHash());
    for (int v : wire.minHashes()) {
      assertTrue(v >= 0 && v < (1 << Fingerprint.VALUE_BITS), "24-bit value " + v);
    }
    // The same words under another dateline, case and credit: the same fingerprint.
    Fingerprint dressed =
        Fingerprint.of(
            "QUAY TO CLOSE",
            "LONDON (Reuters) - " + WIRE.toUpperCase(java.util.Locale.ROOT) + "\n\nReuters");
    assertEquals(wire, dressed);
    assertEquals(64, wire.sharedMinHashes(dressed));

    Fingerprint notice = Fingerprint.of("Acme Corp raises dividend", "Qtly div 15 cts vs 12 cts.");
    assertFalse(notice.comparable());
    assertEquals(0, notice.minHashes().length);
    Fingerprint other = Fingerprint.of("Zenith Inc raises dividend", "Qtly div 15 cts vs 12 cts.");
    assertNotEquals(notice.exactHash(), other.exactHash());
    assertEquals(
        notice.exactHash(),
        Fingerprint.of("ACME CORP RAISES DIVIDEND", "Qtly div 15 cts vs 12 cts.\nReuter")
            .exactHash());
    assertEquals(0, Fingerprint.of("Empty", "").exactHash());
  }

  @Test
  void aCopyCutFromTheBottomIsContainedThoughItsJaccardIsLow() {
    String[] paragraphs = WIRE.split("\n\n");
    String cut = paragraphs[0] + "\n\n" + paragraphs[1]; // 57 words, 53 shingles
    Fingerprint wire = Fingerprint.of("", WIRE);
    Fingerprint copy = Fingerprint.of("", cut);
    Overlap o = Overlap.of(wire, copy);
    assertEquals(1.0, o.containment());
    assertEquals(53.0 / 105, o.jaccard(), 1e-9);
    assertTrue(CopyRule.copies(wire, copy));
    // One paragraph (29 words, 25 shingles): too short to compare, and not the same text.
    assertFalse(CopyRule.copies(wire, Fingerprint.of("", paragraphs[0])));
    // A local paragraph added at the end: the wire text is still all there.
    Fingerprint local = Fingerprint.of("", WIRE + "\n\n" + StoryFixtures.LOCAL);
    assertEquals(1.0, Overlap.of(wire, local).containment());
    assertTrue(CopyRule.copies(wire, local));
    // Half the text: neither threshold.
    Overlap half =
        Overlap.of(
            wire,
            Fingerprint.of(
                "",
                paragraphs[0]
                    + "\n\n"
                    + paragraphs[2]
                    + " A different ending follows here with new words about the mayor and"
                    + " the harbour police and the price of fish in the market this winter."));
    assertFalse(half.joins(), half.toString());
  }
}
