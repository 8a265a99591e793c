package org.dateline.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.dateline.enrich.entities.EntityType;
import org.dateline.enrich.entities.Mention;
import org.dateline.ingest.SourceDoc;
import org.junit.jupiter.api.Test;

/** Captions and credits are blanked for recognition; other text and all offsets are kept. */
class CaptionsTest {

  @Test
  void captionParagraphsAreBlankedWithTheirLength() {
    String text =
        "Offensive launched\n\nFamilies flee the village of Baghuz. Photograph: Chris"
            + " McGrath/Getty Images\n\nUS-backed forces pressed on.\n\nDaesh flag, 30 March 2017"
            + " [SpuntnikInt/Twitter]\n\nA base near al-Qaim. [DAPHNE BENOIT/AFP/Getty Images]";
    String masked = Captions.masked(text);
    assertEquals(text.length(), masked.length());
    assertEquals(
        "Offensive launched\n\n"
            + " ".repeat(75)
            + "\n\nUS-backed forces pressed on."
            + "\n\n"
            + " ".repeat(47)
            + "\n\n"
            + " ".repeat(53),
        masked);
  }

  @Test
  void proseWithSlashesOrColonsStays() {
    String text =
        "Talks on the U.S./Japan trade gap: no result.\n\nSales of June/July crops"
            + " rose, dealers said in Sao Paulo/Santos.\n\nShares of US/Japan firms rose in New York/Tokyo.";
    assertSame(text, Captions.masked(text));
  }

  @Test
  void theEnglishModelNeverReadsAnotherLanguage() {
    List<Mention> seen = new java.util.ArrayList<>();
    Enricher enricher =
        Enricher.standard(
            t -> {
              seen.add(new Mention("x", EntityType.PERSON, 0, 1, null));
              return List.of();
            });
    SourceDoc german =
        new SourceDoc(
            "",
            "Titel",
            "Am Donnerstag sagte Olaf Scholz in Berlin.",
            "newsml",
            null,
            "de",
            List.of(),
            List.of(),
            List.of(),
            List.of());
    enricher.enrich("a.xml", german, null);
    assertEquals(0, seen.size());
    enricher.enrich(
        "b.xml",
        new SourceDoc(
            "",
            "Title",
            "On Thursday Olaf Scholz spoke in" + " Berlin.",
            "newsml",
            null,
            "en",
            List.of(),
            List.of(),
            List.of(),
            List.of()),
        null);
    assertEquals(1, seen.size());
  }
}
