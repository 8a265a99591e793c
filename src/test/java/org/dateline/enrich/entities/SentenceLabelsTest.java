package org.dateline.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A sentence seen again is not labelled again, and the faster recogniser labels real sentences
 * exactly as CoreNLP's stock classifier does.
 */
class SentenceLabelsTest {

  private static List<CoreLabel> sentence(String... words) {
    List<CoreLabel> out = new ArrayList<>();
    for (String w : words) {
      CoreLabel t = new CoreLabel();
      t.setWord(w);
      t.setValue(w);
      out.add(t);
    }
    return out;
  }

  @Test
  void aSentenceSeenBeforeKeepsItsLabelsWithoutTheModel() {
    AtomicInteger calls = new AtomicInteger();
    Function<List<CoreLabel>, List<CoreLabel>> crf =
        s -> {
          calls.incrementAndGet();
          List<CoreLabel> out = new ArrayList<>();
          for (CoreLabel t : s) {
            CoreLabel c = new CoreLabel(t);
            boolean upper = Character.isUpperCase(t.word().charAt(0));
            c.set(CoreAnnotations.AnswerAnnotation.class, upper ? "PERSON" : "O");
            out.add(c);
          }
          return out;
        };
    SentenceLabels memory = new SentenceLabels();
    assertEquals(List.of("PERSON", "O"), memory.labels(sentence("Bali", "said"), crf));
    assertEquals(List.of("PERSON", "O"), memory.labels(sentence("Bali", "said"), crf));
    assertEquals(1, calls.get());
    assertEquals(List.of("O", "PERSON"), memory.labels(sentence("said", "Bali"), crf));
    assertEquals(2, calls.get());
    // the same characters split into other words are another sentence
    assertEquals(List.of("PERSON", "O"), memory.labels(sentence("Ba", "lisaid"), crf));
    assertEquals(List.of("PERSON"), memory.labels(sentence("Balisaid"), crf));
    assertEquals(4, calls.get());
  }

  @Test
  void theFasterRecogniserLabelsAsTheStockClassifier() throws Exception {
    CRFClassifier<CoreLabel> stock = FeatureTableTest.stockModel();
    NerExtractor ner = NerExtractor.shared();
    String text =
        """
        Mustafa Bali, a spokesman for the Syrian Democratic Forces, said on Monday that the
        militia had taken the village of Baghouz from the Islamic State group.

        The colour of the Labour Party's campaign was red, said Bali in Raqqa.
        Shr 12 cts vs 10 cts. Net 1.2 mln vs 980,000. Revs 45.6 mln vs 40.1 mln.
        """;
    SentenceLabels memory = new SentenceLabels();
    CRFClassifier<CoreLabel> faster = FeatureTableTest.classifierOf(ner);
    int labelled = 0;
    for (int round = 0; round < 2; round++) {
      for (List<CoreLabel> s : ner.sentences(text)) {
        List<String> want = new ArrayList<>();
        for (CoreLabel t : stock.classifySentence(s)) {
          want.add(t.get(CoreAnnotations.AnswerAnnotation.class));
          labelled += "O".equals(want.getLast()) ? 0 : 1;
        }
        assertEquals(want, memory.labels(s, faster::classifySentence), s.toString());
      }
    }
    assertEquals(2 * 12, labelled, "tokens in names, twice");
  }
}
