package org.dateline.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.stanford.nlp.ling.CoreLabel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Recognition is bounded by size and time per article (issue 14: a 72 MB line of words kept the
 * tokenizer busy for over 15 minutes): the real model on texts built to hit each bound.
 */
class NerBoundsTest {

  private static final NerExtractor NER = NerExtractor.shared();

  /** 44 characters, two names and a place, no line break: repeated, one endless line. */
  private static final String SENTENCE = "Angela Merkel met Emmanuel Macron in Paris. ";

  @Test
  void aTextOverTheSizeBoundIsRecognisedInItsFirstCharactersAndSaysSo() {
    String text = SENTENCE.repeat(1_000); // 44,000 characters on one line
    Recognition r = NER.within(10_000, 600_000).recognise(text);
    int cut = text.lastIndexOf(' ', 9_999) + 1; // after the last space within the bound
    assertEquals(
        "too large: recognised in the first "
            + cut
            + " of 44000 characters"
            + " (max_entity_chars, --max-entity-chars)",
        r.note());
    assertTrue(r.mentions().stream().allMatch(m -> m.end() <= cut), r.mentions().toString());
    // Within the bound, the same mentions as recognising that prefix alone.
    assertEquals(NER.extract(text.substring(0, cut)), r.mentions());
    assertEquals(
        List.of("Angela Merkel", "Emmanuel Macron", "Paris"),
        r.mentions().subList(0, 3).stream().map(Mention::text).toList());
  }

  @Test
  void aTextWithinTheBoundHasNoNote() {
    assertNull(NER.within(10_000, 600_000).recognise(SENTENCE.repeat(10)).note());
  }

  @Test
  void recognitionPastItsTimeLimitStopsAndSaysHowFarItRead() {
    String text = SENTENCE.repeat(5_000); // 220,000 characters: seconds of work
    Recognition r = NER.within(1_000_000, 1).recognise(text);
    assertTrue(
        r.note()
            .startsWith(
                "timed out after 1 ms (entity_timeout_ms,"
                    + " --entity-timeout-ms): recognised in the first "),
        r.note());
    assertTrue(r.note().endsWith(" of 220000 characters"), r.note());
    int read = Integer.parseInt(r.note().replaceAll(".*the first (\\d+) of.*", "$1"));
    assertTrue(read < 20_000, r.note());
    assertTrue(r.mentions().stream().allMatch(m -> m.end() <= read));
  }

  @Test
  void anEndlessLineIsTokenizedInPiecesCutAtSpacesAndAnEndlessWordAtTheBound() {
    String line = SENTENCE.repeat(300); // 13,200 characters, no line break
    List<List<CoreLabel>> sentences = NER.sentences(line);
    int tokens = sentences.stream().mapToInt(List::size).sum();
    // 8 tokens a sentence ("Angela Merkel met Emmanuel Macron in Paris ."): no word is split.
    assertEquals(8 * 300, tokens);
    String word = "a".repeat(10_000);
    List<CoreLabel> pieces = NER.sentences(word).stream().flatMap(List::stream).toList();
    assertEquals(List.of(0, 4_000, 8_000), pieces.stream().map(CoreLabel::beginPosition).toList());
    assertEquals(
        List.of(4_000, 8_000, 10_000), pieces.stream().map(CoreLabel::endPosition).toList());
  }
}
