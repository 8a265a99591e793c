package org.dateline.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.dateline.enrich.entities.EntityExtractor;
import org.dateline.ingest.SourceDoc;
import org.junit.jupiter.api.Test;

/** Taglines and calls to action are not article text; the facts they give are still read. */
class PromoLinesTest {

  private final Outlets outlets = Outlets.standard();

  @Test
  void taglinesAndCallsToActionLeaveTheText() {
    String text =
        "Creating new perspectives since 2009\n\nDaesh fighters surrender\n\n"
            + "March 5, 2019 at 1:24 am\n\nSome 200 Daesh fighters surrendered.\n\n"
            + "READ: Syria's last enclave falls to US-backed forces\n\nRead more: The battle for"
            + " Baghouz\n\nThe jihadist group faces defeat.";
    assertEquals(
        "Daesh fighters surrender\n\nMarch 5, 2019 at 1:24 am\n\nSome 200 Daesh"
            + " fighters surrendered.\n\nThe jihadist group faces defeat.",
        PromoLines.strip(text, outlets));
  }

  @Test
  void datelinesAndLettersWithAColonStay() {
    String text =
        "NEW DELHI: Their American dream shattered, nearly 150 Indians returned home."
            + "\n\nDEAR ABBY: My husband of more than 20 years just purchased plane tickets.\n\n"
            + "Read the full report: it runs to forty pages and names every official who signed"
            + " the order, the date each one signed it and the office that kept the only copy.";
    assertSame(text, PromoLines.strip(text, outlets));
  }

  @Test
  void theOutletIsStillReadFromItsTagline() {
    SourceDoc doc =
        new SourceDoc(
            "",
            null,
            "Creating new perspectives since 2009\n\nDaesh"
                + " fighters surrender\n\nMarch 5, 2019 at 1:24 am\n\nSome 200 Daesh fighters"
                + " surrendered.",
            "text",
            null,
            "en",
            List.of(),
            List.of(),
            List.of(),
            List.of());
    Article a = Enricher.standard(EntityExtractor.NONE).enrich("s.txt", doc, null);
    assertEquals("Middle East Monitor", a.outlet());
    assertEquals("Daesh fighters surrender", a.title());
    assertEquals("2019-03-05T01:24:00Z", a.date().instant().toString());
    assertEquals(
        "Daesh fighters surrender\n\nMarch 5, 2019 at 1:24 am\n\nSome 200 Daesh"
            + " fighters surrendered.",
        a.text());
  }
}
