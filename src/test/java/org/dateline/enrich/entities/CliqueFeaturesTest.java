package org.dateline.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The recogniser's feature factory gives every token, for both cliques, the same feature indices in
 * the same order as CoreNLP's stock factory and index: the CRF's input, not only its output.
 */
class CliqueFeaturesTest {

  private static final Pattern BODY = Pattern.compile("<BODY>(.*?)</BODY>", Pattern.DOTALL);

  @Test
  void sameFeatureIndicesInTheSameOrderAsStock() throws Exception {
    CRFClassifier<CoreLabel> stock = FeatureTableTest.stockModel();
    CRFClassifier<CoreLabel> faster = FeatureTableTest.classifierOf(NerExtractor.shared());
    IndexedCrf indexed = assertInstanceOf(IndexedCrf.class, faster);
    assertInstanceOf(CliqueFeatures.class, faster.featureFactories.get(0));
    NerExtractor ner = NerExtractor.shared();
    long tokens = 0;
    for (String text : texts()) {
      for (List<CoreLabel> sentence : ner.sentences(text)) {
        // the tokens as the classifier prepares them (shapes, positions), labelled
        List<CoreLabel> prepared = stock.classifySentence(sentence);
        int[][][] expected = stock.documentToDataAndLabels(unclustered(prepared)).first();
        // as the recogniser runs: tokens without word clusters (CoreNLP adds them as it reads)
        assertSameInput(expected, indexed.indexedData(unclustered(prepared)), prepared);
        // tokens that already have them (CoreNLP then keeps them)
        assertSameInput(expected, indexed.indexedData(prepared), prepared);
        // and through the classifier's own entry point
        assertSameInput(
            expected, faster.documentToDataAndLabels(unclustered(prepared)).first(), prepared);
        tokens += expected.length;
      }
    }
    assertTrue(tokens > 500, "tokens compared: " + tokens);
  }

  private static void assertSameInput(
      int[][][] expected, int[][][] actual, List<CoreLabel> tokens) {
    assertNotNull(actual, "computed from remembered features, not by CoreNLP");
    assertEquals(expected.length, actual.length);
    for (int t = 0; t < expected.length; t++) {
      assertEquals(expected[t].length, actual[t].length);
      for (int clique = 0; clique < expected[t].length; clique++) {
        assertArrayEquals(
            expected[t][clique], actual[t][clique], tokens.get(t).word() + " " + clique);
      }
    }
  }

  /** Copies of {@code tokens} without their word clusters. */
  private static List<CoreLabel> unclustered(List<CoreLabel> tokens) {
    List<CoreLabel> out = new ArrayList<>(tokens.size());
    for (CoreLabel t : tokens) {
      CoreLabel copy = new CoreLabel(t);
      copy.remove(CoreAnnotations.DistSimAnnotation.class);
      out.add(copy);
    }
    return out;
  }

  /** Reuters-21578's first file when the shared corpus is there; always some news sentences. */
  static List<String> texts() throws Exception {
    List<String> out = new ArrayList<>();
    out.add(
        "Mr. Jones told Reuters on Tuesday that General Motors Corp would close its plant in"
            + " Flint, Michigan. \"We are not happy,\" said Mary O'Neil of the United Auto Workers"
            + " union. Shares of GM rose 1-1/4 to 78-3/8 on the New York Stock Exchange.");
    out.add(
        "BONN, March 3 - West German Finance Minister Gerhard Stoltenberg met Japan's Kiichi"
            + " Miyazawa in Paris. REUTER");
    Path sgm =
        Path.of(
            System.getProperty("dateline.shared", "../shared"),
            "corpus/reuters21578/sgm/reut2-000.sgm");
    if (Files.exists(sgm)) {
      Matcher m = BODY.matcher(Files.readString(sgm, StandardCharsets.ISO_8859_1));
      for (int i = 0; i < 300 && m.find(); i++) {
        out.add(m.group(1).replace("&lt;", "<").replace("&amp;", "&"));
      }
    }
    return out;
  }
}
