package org.dateline.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dateline.bench.NerBench;
import org.dateline.bench.NerCorpora;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Hard-wrapped wire text is unwrapped for the recogniser; offsets stay in the stored text. */
class WrappedTextTest {

  /** Reuters-21578 style: filled to 65 columns, paragraphs start indented. */
  private static final String WIRE =
      """
      Thieves stole two paintings from an exhibition at the Louvre's
      Carrousel gallery on Sunday night, the museum said in a statement.
          The works were lent by a private collector in Geneva and were
      insured, a spokeswoman for the Musee du Louvre said on Monday.
      """;

  @Test
  void wrappingBreaksBecomeSpacesParagraphBreaksStay() {
    String unwrapped = WrappedText.unwrap(WIRE);
    assertEquals(WIRE.length(), unwrapped.length());
    assertEquals(
        """
        Thieves stole two paintings from an exhibition at the Louvre's \
        Carrousel gallery on Sunday night, the museum said in a statement.
            The works were lent by a private collector in Geneva and were \
        insured, a spokeswoman for the Musee du Louvre said on Monday.
        """,
        unwrapped);
  }

  @Test
  void listsAndUnwrappedTextAreLeftAlone() {
    String names = "John Smith\nMary Jones\nPeter Brown\nAnne Green\n";
    assertSame(names, WrappedText.unwrap(names));
    String paragraphs =
        "A first paragraph that runs on for a while without any wrapping at all"
            + " since it was never wrapped by anyone.\n\nA second one, just as long and also never"
            + " wrapped at a fixed column by any wire system.\n";
    assertSame(paragraphs, WrappedText.unwrap(paragraphs));
  }

  @Test
  void aNameBrokenOverALineEndIsOneMentionAtItsStoredOffsets() {
    List<Mention> mentions = NerExtractor.shared().extract(WIRE);
    int start = WIRE.indexOf("Louvre's");
    assertTrue(
        mentions.stream()
            .anyMatch(
                m ->
                    m.start() == start
                        && m.end() == WIRE.indexOf(" gallery")
                        && m.type() == EntityType.PLACE
                        && m.text().equals("Louvre's Carrousel")),
        mentions.toString());
  }

  /** The gate: CoNLL eng.testa re-wrapped at 70 columns scores within 0.01 F1 of the original. */
  @Test
  void wrappedConllScoresAsTheOriginal() throws Exception {
    Path testa =
        Path.of(
            System.getProperty("dateline.shared", "../shared"),
            "corpus",
            "conll2003-ner",
            "eng.testa");
    Assumptions.assumeTrue(Files.isRegularFile(testa), "corpus not present at " + testa);
    List<NerCorpora.Story> conll = NerCorpora.conll(testa);
    NerExtractor ner = NerExtractor.shared();
    double plain = NerBench.score("plain", conll, ner).micro().f1();
    double wrapped = NerBench.score("wrapped", NerCorpora.wrapped(conll, 70), ner).micro().f1();
    System.out.printf(
        "WrappedTextTest: eng.testa F1 %.4f, wrapped at 70 columns %.4f%n", plain, wrapped);
    assertTrue(NerCorpora.wrapped(conll, 70).get(0).text().contains("\n"));
    assertTrue(Math.abs(plain - wrapped) <= 0.01, plain + " vs " + wrapped);
  }
}
