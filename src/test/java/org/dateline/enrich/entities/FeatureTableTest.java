package org.dateline.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.HashIndex;
import edu.stanford.nlp.util.Index;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The compact feature index answers exactly as CoreNLP's own index, for the whole model. */
class FeatureTableTest {

  @Test
  void answersAsTheIndexItCopiesIncludingEqualHashes() {
    // "Aa" and "BB" have the same String hash, as do "AaAa", "BBBB", "AaBB"
    Index<String> stock = new HashIndex<>(List.of("Aa", "BB", "AaAa", "BBBB", "x-WORD", "", "é-Ł"));
    FeatureTable table = new FeatureTable(stock);
    assertEquals(stock.size(), table.size());
    for (int i = 0; i < stock.size(); i++) {
      assertEquals(i, table.indexOf(stock.get(i)));
      assertEquals(stock.get(i), table.get(i));
    }
    assertEquals(-1, table.indexOf("AaBB"));
    assertEquals(-1, table.indexOf("A"));
    assertEquals(-1, table.indexOf("x-WORDS"));
    assertTrue(table.contains("é-Ł"));
    assertFalse(table.contains("é-L"));
    assertEquals(List.of("BB", "x-WORD"), List.copyOf(table.objects(new int[] {1, 4})));
    assertThrows(UnsupportedOperationException.class, () -> table.add("new"));
  }

  @Test
  void everyFeatureOfTheModelHasItsOwnIndex() throws Exception {
    Index<String> stock = featureIndex(stockModel());
    FeatureTable table = new FeatureTable(stock);
    assertTrue(stock.size() > 100_000, "features in the model: " + stock.size());
    assertEquals(stock.size(), table.size());
    for (int i = 0; i < stock.size(); i++) {
      String f = stock.get(i);
      assertEquals(i, table.indexOf(f), f);
      // a near miss of a real feature is as absent as it is from the stock index
      String longer = f + "|";
      assertEquals(stock.indexOf(longer), table.indexOf(longer), longer);
    }
  }

  @Test
  void theSharedRecogniserUsesTheTableAndRememberedWordForms() throws Exception {
    CRFClassifier<CoreLabel> crf = classifierOf(NerExtractor.shared());
    assertTrue(CrfLookups.hasFeatureTable(crf));
    assertTrue(crf.flags.wordFunction instanceof RememberedWordForms);
  }

  static CRFClassifier<CoreLabel> stockModel() throws Exception {
    try (InputStream raw =
        FeatureTableTest.class.getClassLoader().getResourceAsStream(NerExtractor.MODEL)) {
      return CRFClassifier.getClassifier(new GZIPInputStream(raw, 1 << 16));
    }
  }

  @SuppressWarnings("unchecked")
  private static Index<String> featureIndex(CRFClassifier<CoreLabel> crf) throws Exception {
    Field f = CRFClassifier.class.getDeclaredField("featureIndex");
    f.setAccessible(true);
    return (Index<String>) f.get(crf);
  }

  @SuppressWarnings("unchecked")
  static CRFClassifier<CoreLabel> classifierOf(NerExtractor ner) throws Exception {
    Field f = NerExtractor.class.getDeclaredField("classifier");
    f.setAccessible(true);
    return (CRFClassifier<CoreLabel>) f.get(ner);
  }
}
