package org.dateline.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.WordToSentenceProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The real CRF model on short texts written for these tests: spans, types, offsets, propagation.
 */
class NerExtractorTest {

  private static final NerExtractor NER = NerExtractor.shared();

  private static final String STORY =
      """
      Fighters close in on Baghouz

      Mustafa Bali, a spokesman for the Syrian Democratic Forces, said on Monday that the
      militia had taken the village of Baghouz from the Islamic State group.

      "There is no more fighting," Bali said in Raqqa. Read more
      """;

  private static List<String> rendered(List<Mention> ms) {
    return ms.stream().map(m -> m.type().jsonName() + ":" + m.text()).toList();
  }

  @Test
  void findsPeopleOrganisationsAndPlacesWithOffsetsIntoTheText() {
    List<Mention> ms = NER.extract(STORY);
    for (Mention m : ms) {
      assertEquals(m.text(), STORY.substring(m.start(), m.end()));
    }
    List<String> got = rendered(ms);
    assertTrue(got.contains("person:Mustafa Bali"), got.toString());
    assertTrue(got.contains("organization:Syrian Democratic Forces"), got.toString());
    assertTrue(got.contains("place:Raqqa"), got.toString());
    assertFalse(
        got.stream().anyMatch(s -> s.endsWith(":Read") || s.contains("Read more")), got.toString());
  }

  @Test
  void aSurnameAfterTheFullNameIsThePerson() {
    List<String> got = rendered(NER.extract(STORY));
    assertTrue(got.contains("person:Bali"), got.toString());
    int first = STORY.indexOf("Mustafa Bali");
    Mention later =
        NER.extract(STORY).stream().filter(m -> m.text().equals("Bali")).findFirst().orElseThrow();
    assertTrue(later.start() > first + "Mustafa Bali".length());
  }

  @Test
  void aNameRecognisedOnceIsTaggedAtEveryMention() {
    // "Baghouz" twice in the story: both mentions must carry the same tag.
    List<Mention> baghouz =
        NER.extract(STORY).stream().filter(m -> m.text().equals("Baghouz")).toList();
    assertEquals(2, baghouz.size(), baghouz.toString());
    assertEquals(1, baghouz.stream().map(Mention::type).distinct().count());
  }

  @Test
  void emptyAndNameFreeTextsHaveNoMentions() {
    assertEquals(List.of(), NER.extract(""));
    assertEquals(List.of(), NER.extract("the fighting went on all night and nobody slept.\n\n\n"));
  }

  @Test
  void threadsSharingTheModelGetTheSameAnswer() throws Exception {
    List<Mention> expected = NER.extract(STORY);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Mention>>> runs = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        runs.add(pool.submit(() -> NER.extract(STORY)));
      }
      for (Future<List<Mention>> f : runs) {
        assertEquals(expected, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Each sentence as its words with their offsets. */
  private static List<List<String>> spelled(List<List<CoreLabel>> sentences) {
    return sentences.stream()
        .map(
            s ->
                s.stream()
                    .map(t -> t.word() + "@" + t.beginPosition() + "-" + t.endPosition())
                    .toList())
        .toList();
  }

  @Test
  void theSharedSentenceSplitterSplitsAsAFreshOneOnEveryThread() throws Exception {
    // One block (no blank line), so the splitter alone decides where each sentence ends.
    String text =
        "Mr. Smith flew to Washington D.C. on Monday. \"Is it over?\" he asked. The U.S. Senate"
            + " voted 52-48 (after a long debate). Shares rose 3.5 pct to 12.50 dlrs! Analysts at"
            + " Smith Barney Inc. said... nothing more.";
    List<CoreLabel> tokens = NER.sentences(text).stream().flatMap(List::stream).toList();
    List<List<String>> fresh = spelled(new WordToSentenceProcessor<CoreLabel>().process(tokens));
    assertTrue(fresh.size() >= 5, fresh.toString());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<List<String>>>> runs = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        runs.add(pool.submit(() -> spelled(NER.sentences(text))));
      }
      for (Future<List<List<String>>> f : runs) {
        assertEquals(fresh, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
