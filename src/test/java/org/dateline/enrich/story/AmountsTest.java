package org.dateline.enrich.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * The amounts a copy keeps in another form: a time written otherwise, a full figure rounded with a
 * scale word, an amount in a paragraph an update cut whole; and what stays a changed amount: a
 * figure of the same form with another digit, an amount inside a paragraph both texts share. Each
 * pair joins by Jaccard alone, where the amounts test is asked. Texts of our own.
 */
class AmountsTest {

  private static final long HOUR = 3_600_000L;

  @Test
  void aFullFigureOffersItsRoundingsAtEachScale() {
    assertEquals(
        List.of(
            "1459193e3",
            "1459193e3",
            "1459193e3",
            "1459193e3", //
            "1459e6",
            "1459.2e6",
            "1459.19e6",
            "1459.193e6",
            "1e9",
            "1.5e9",
            "1.46e9",
            "1.459e9"),
        Amounts.roundings("1,459,193,000"));
    assertEquals(
        List.of("8e6", "7.5e6", "7.51e6", "7.507e6"), Amounts.roundings("7507000").subList(4, 8));
    assertEquals("7.5e6", Amounts.scaled("7.50", 6));
    assertEquals("300e6", Amounts.scaled("300", 6));
    assertNull(Amounts.scaled("5-1/4", 6));
  }

  /** A results story; {@code sales} and {@code year} fill its second sentence. */
  private static String sales(String sales, String yearAgo, String extra) {
    return "Hartwell Stores Inc said February sales rose 13.1 pct from a year ago and comparable"
        + " store sales in the four-week period ended February 25 rose 8.2 pct.\n"
        + "    Hartwell said consolidated sales in the period were "
        + sales
        + " dlrs compared with "
        + yearAgo
        + " dlrs last year. It said the year-ago figures excluded sales of discontinued"
        + " operations"
        + extra
        + ".\n    Hartwell cited strong demand for its spring clothing lines and said its"
        + " specialty shops had excellent February sales in every region.\nReuter";
  }

  @Test
  void aFullFigureRoundedWithAScaleWordIsTheSameAmount() {
    Fingerprint rounded =
        Fingerprint.of("HARTWELL FEBRUARY SALES UP", sales("1.46 billion", "1.29 billion", ""));
    Fingerprint full =
        Fingerprint.of(
            "HARTWELL COMPARABLE-STORE SALES UP",
            sales(
                "1,459,193,000",
                "1,289,635,000",
                " such as its garden centres, its cafeterias and its discount warehouse outlets"));
    Overlap o = Overlap.of(rounded, full);
    assertTrue(o.containment() < Overlap.JOIN_CONTAINMENT && o.joins(), o.toString());
    assertTrue(SameNames.numbersKept(rounded, full));
    assertNotNull(CopyRule.copies(rounded, 0L, full, HOUR));
  }

  @Test
  void aFigureOfTheSameFormWithAnotherDigitIsAnotherAmount() {
    // 1.45 billion is not what 1,459,193,000 rounds to; 1.459 billion is another figure of one form
    Fingerprint a =
        Fingerprint.of("HARTWELL FEBRUARY SALES UP", sales("1.45 billion", "1.29 billion", ""));
    Fingerprint b =
        Fingerprint.of(
            "HARTWELL COMPARABLE-STORE SALES UP",
            sales(
                "1,459,193,000",
                "1,289,635,000",
                " such as its garden centres, its cafeterias and its discount warehouse outlets"));
    assertFalse(SameNames.numbersKept(a, b));
    Fingerprint c =
        Fingerprint.of("HARTWELL FEBRUARY SALES UP", sales("1.46 billion", "1.29 billion", ""));
    Fingerprint d =
        Fingerprint.of(
            "HARTWELL COMPARABLE-STORE SALES UP",
            sales(
                "1.459 billion",
                "1.29 billion",
                " such as its garden centres, its cafeterias and its discount warehouse outlets"));
    assertFalse(SameNames.numbersKept(c, d));
  }

  /** A union's strike notice with the hour written by {@code hour}. */
  private static String strike(String hour, String extra) {
    return "The Canadian unit of Northern Motors will make its first economic offer later today in"
        + " contract talks with 40,000 members of the auto workers union, the union said.\n"
        + "    The union is seeking the contract pattern it reached at two other carmakers,"
        + " including partial pension indexation and wage increases in each year of a"
        + " three-year pact."
        + extra
        + " The union said it will strike at "
        + hour
        + " on Thursday unless the company meets the pattern and settles local issues at 11"
        + " plants.\nReuter";
  }

  @Test
  void aTimeWrittenOtherwiseIsTheSameAmount() {
    Fingerprint am = Fingerprint.of("UNION TO STRIKE", strike("10 a.m. EDT", ""));
    // retold in three places besides the hour: too little of it kept for a containment join
    Fingerprint clock =
        Fingerprint.of(
            "UNION SETS STRIKE DEADLINE",
            strike("1000 EDT/1400 GMT", "")
                .replace("later today", "later on Monday")
                .replace("the union said", "the union's president said")
                .replace("in each year of", "for every year of"));
    Overlap o = Overlap.of(am, clock);
    assertTrue(o.containment() < Overlap.JOIN_CONTAINMENT && o.joins(), o.toString());
    assertNotNull(CopyRule.copies(am, 0L, clock, HOUR));
    // "10:00" and "10 a.m." are one time; 11 a.m. is another
    assertTrue(
        SameNames.numbersKept(
            Fingerprint.of("UNION TO STRIKE", strike("10:00", "")),
            Fingerprint.of("UNION TO STRIKE", strike("10 a.m.", ""))));
    assertFalse(
        SameNames.numbersKept(
            am, Fingerprint.of("UNION TO STRIKE", strike("11 a.m. EDT", " Talks go on."))));
  }

  private static final String DEBT =
      "President Ramon Ortega said Costa Verde would honour its debt when it had the capacity to"
          + " make payments, but said foreign banks had calculated coffee would have to sell at"
          + " 140 cents a pound for the country to meet its commitments.\n"
          + "    The country said on Friday that last week's flood was forcing it to reaffirm an"
          + " earlier decision to suspend debt payments to private foreign banks, which hold"
          + " two-thirds of its 4.2 billion dlr foreign debt.\n";

  private static final String CUT =
      "    He said he had previously held that the country was obliged to pay when coffee sold"
          + " at 160 cents a pound because the government had drawn up its plans at that price.\n";

  private static final String KEPT =
      "    Private foreign banks and the World Bank had calculated coffee would have to sell for"
          + " at least 140 cents a pound for the country to meet its commitments, Ortega said.\n";

  private static final String ADDED =
      "    Meanwhile, the government announced an austerity program and a price freeze on key"
          + " consumer goods as a result of the flood, which killed at least 300 people"
          + " and left thousands homeless in the hill country.\n";

  @Test
  void anUpdateThatCutAParagraphKeepsTheAmountsOfTheRest() {
    Fingerprint first = Fingerprint.of("COSTA VERDE WILL PAY DEBT", DEBT + CUT + KEPT + "Reuter");
    Fingerprint update =
        Fingerprint.of("COSTA VERDE WILL PAY DEBT", DEBT + KEPT + ADDED + "Reuter");
    Overlap o = Overlap.of(first, update);
    assertTrue(o.containment() < Overlap.JOIN_CONTAINMENT && o.joins(), o.toString());
    assertTrue(Fingerprint.shorter(first, update) == first, "the text with the cut paragraph");
    assertNotNull(CopyRule.copies(first, 0L, update, 48 * HOUR));
  }

  @Test
  void anAmountChangedInsideASharedParagraphIsStillAnotherFill() {
    // the paragraph with 160 is kept, its amount changed: a frame filled again, not a cut
    Fingerprint first = Fingerprint.of("COSTA VERDE WILL PAY DEBT", DEBT + CUT + KEPT + "Reuter");
    Fingerprint other =
        Fingerprint.of(
            "COSTA VERDE WILL PAY DEBT",
            DEBT + CUT.replace("160", "170") + KEPT + ADDED + "Reuter");
    assertFalse(SameNames.numbersKept(first, other));
  }

  @Test
  void aRateReportFilledWithADecimalMasksLikeOneFilledWithAWord() {
    // a decimal is cut into two words: masked whole, "1.5 billion" reads as "two billion" does
    String two =
        "The Federal Reserve entered the government securities market to arrange two billion dlrs"
            + " of customer repurchase agreements, a Fed spokesman said.\n    Dealers said"
            + " Federal funds were trading at 6-3/8 pct when the Fed began its temporary and"
            + " indirect supply of reserves to the banking system.\nReuter";
    Fingerprint a = Fingerprint.of("FED ADDS RESERVES", two);
    Fingerprint b = Fingerprint.of("FED ADDS RESERVES", two.replace("two billion", "1.5 billion"));
    Overlap o = Overlap.of(a, b);
    assertTrue(o.containment() >= Overlap.JOIN_CONTAINMENT, o.toString());
    assertTrue(o.containment() < CopyRule.NEAR_IDENTICAL, o.toString());
    assertTrue(CopyRule.sameTemplate(a, b, o));
    assertNull(CopyRule.copies(a, 0L, b, 24 * HOUR));
  }

  @Test
  void amountsAreFoundWhereTheMatcherFindsThem() {
    String alphabet = "0123456789 .,:/-apmAPM\nbntrlhousandi½٣";
    SplittableRandom random = new SplittableRandom(17);
    List<String> texts =
        new ArrayList<>(
            List.of(
                "At 10 a.m. the 7,507,000 shares rose 7.5 mln, 1.2bn and 304-mln; 14:00 GMT.",
                "9.15 a.m.5 and 0930 and 5-1/4 and 3 trillion, 12 m and 1 bn.",
                ""));
    for (int i = 0; i < 200_000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int j = random.nextInt(16); j > 0; j--) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      texts.add(sb.toString());
    }
    for (String t : texts) {
      List<String> found = new ArrayList<>();
      Matcher m = Amounts.AMOUNT.matcher(t);
      while (m.find()) {
        found.add(m.start() + "-" + m.end());
      }
      List<String> fast = new ArrayList<>();
      Matcher n = Amounts.AMOUNT.matcher(t).useTransparentBounds(true).useAnchoringBounds(false);
      for (int at = 0; Amounts.nextAmount(n, t, at); at = n.end()) {
        fast.add(n.start() + "-" + n.end());
      }
      assertEquals(found, fast, t);
    }
  }
}
