package org.dateline.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ie.crf.CRFLabel;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.HashIndex;
import edu.stanford.nlp.util.Index;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The recogniser's own decoder picks the label sequence of highest score, and labels every sentence
 * as CoreNLP's calibrated clique tree and Viterbi do.
 */
class ChainViterbiTest {

  private static final int LABELS = 4;

  @Test
  void picksTheSequenceOfHighestScoreFoundByTryingEveryOne() {
    Random random = new Random(20);
    // label columns deliberately not in label order, as a model's index may hold them
    Index<CRFLabel> node = new HashIndex<>();
    for (int y : new int[] {2, 0, 3, 1}) {
      node.add(new CRFLabel(new int[] {y}));
    }
    Index<CRFLabel> edge = new HashIndex<>();
    for (int a = LABELS - 1; a >= 0; a--) {
      for (int b = 0; b < LABELS; b++) {
        edge.add(new CRFLabel(new int[] {a, b}));
      }
    }
    int nodeFeatures = 12;
    float[][] weights = new float[nodeFeatures + 12][];
    for (int f = 0; f < weights.length; f++) {
      weights[f] = new float[f < nodeFeatures ? LABELS : LABELS * LABELS];
      for (int k = 0; k < weights[f].length; k++) {
        weights[f][k] = (float) random.nextGaussian();
      }
    }
    int background = 1;
    ChainViterbi viterbi = new ChainViterbi(weights, List.of(node, edge), LABELS, background);
    for (int round = 0; round < 200; round++) {
      int n = 1 + random.nextInt(6);
      int[][][] data = new int[n][2][];
      for (int i = 0; i < n; i++) {
        data[i][0] = random.ints(random.nextInt(4), 0, nodeFeatures).toArray();
        data[i][1] = random.ints(random.nextInt(4), nodeFeatures, weights.length).toArray();
      }
      int[] best = bruteForce(data, weights, node, edge, background);
      assertArrayEquals(best, viterbi.best(data), "round " + round);
    }
    assertEquals(0, viterbi.best(new int[0][][]).length);
  }

  @Test
  void labelsEverySentenceAsTheStockClassifier() throws Exception {
    CRFClassifier<CoreLabel> stock = FeatureTableTest.stockModel();
    IndexedCrf faster =
        assertInstanceOf(IndexedCrf.class, FeatureTableTest.classifierOf(NerExtractor.shared()));
    assertTrue(faster.decodesItself(), "the shipped model is decoded by ChainViterbi");
    NerExtractor ner = NerExtractor.shared();
    long tokens = 0;
    long named = 0;
    for (String text : CliqueFeaturesTest.texts()) {
      for (List<CoreLabel> sentence : ner.sentences(text)) {
        List<String> expected = answers(stock.classifySentence(sentence));
        assertEquals(expected, answers(faster.classifySentence(sentence)), sentence.toString());
        tokens += expected.size();
        named += expected.stream().filter(a -> !"O".equals(a)).count();
      }
    }
    assertTrue(tokens > 500, "tokens compared: " + tokens);
    assertTrue(named > 50, "tokens in names: " + named);
  }

  private static List<String> answers(List<CoreLabel> labelled) {
    List<String> out = new ArrayList<>();
    for (CoreLabel t : labelled) {
      out.add(t.get(CoreAnnotations.AnswerAnnotation.class));
    }
    return out;
  }

  /** The best sequence by scoring all LABELS^n of them (n at most 6). */
  private static int[] bruteForce(
      int[][][] data,
      float[][] weights,
      Index<CRFLabel> node,
      Index<CRFLabel> edge,
      int background) {
    int n = data.length;
    int[] best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    int[] seq = new int[n];
    for (int code = 0; code < Math.pow(LABELS, n); code++) {
      for (int i = 0, c = code; i < n; i++, c /= LABELS) {
        seq[i] = c % LABELS;
      }
      double score = 0;
      for (int i = 0; i < n; i++) {
        int prev = i == 0 ? background : seq[i - 1];
        int nodeColumn = node.indexOf(new CRFLabel(new int[] {seq[i]}));
        int edgeColumn = edge.indexOf(new CRFLabel(new int[] {prev, seq[i]}));
        for (int f : data[i][0]) {
          score += weights[f][nodeColumn];
        }
        for (int f : data[i][1]) {
          score += weights[f][edgeColumn];
        }
      }
      if (score > bestScore + 1e-9) {
        bestScore = score;
        best = seq.clone();
      }
    }
    return best;
  }
}
