package org.dateline.enrich.entities;

import edu.stanford.nlp.ie.crf.CRFLabel;
import edu.stanford.nlp.util.Index;
import java.util.Arrays;
import java.util.List;

/**
 * The best label sequence of a first-order linear-chain CRF (a node clique and an edge clique per
 * token) found from the clique potentials directly. CoreNLP's classifier first calibrates a clique
 * tree (forward and backward sums of exponentials: {@code CRFCliqueTree}, {@code logSum}) and then
 * runs Viterbi over each token's log probability given the previous label. Those conditionals
 * differ from the potentials by terms that cancel along any whole sequence (each token's normaliser
 * is the backward sum at the token before it), so both rank sequences alike and the best is the
 * same; only the work differs. A sequence starts after the background label, as CoreNLP pads it.
 * Where two sequences score exactly alike the first in label order wins, as in CoreNLP's Viterbi.
 * Thread-safe: immutable; scratch is allocated per call.
 */
final class ChainViterbi {

  private final float[][] weights;
  private final int labels;

  /** The weight column of node label y: {@code nodeColumn[y]}. */
  private final int[] nodeColumn;

  /** The weight column of edge labels (a, b), a the previous token's: {@code edgeColumn[a][b]}. */
  private final int[][] edgeColumn;

  private final int background;

  /**
   * A finder over {@code weights} (feature by label column), whose node clique's label columns are
   * indexed by {@code labelIndices.get(0)} and edge clique's by {@code labelIndices.get(1)}, with
   * {@code labels} labels, the one before a sentence being {@code background}.
   */
  ChainViterbi(float[][] weights, List<Index<CRFLabel>> labelIndices, int labels, int background) {
    this.weights = weights;
    this.labels = labels;
    this.background = background;
    this.nodeColumn = new int[labels];
    this.edgeColumn = new int[labels][labels];
    Index<CRFLabel> node = labelIndices.get(0);
    Index<CRFLabel> edge = labelIndices.get(1);
    if (node.size() != labels || edge.size() != labels * labels) {
      throw new IllegalArgumentException(
          "not a first-order chain of " + labels + " labels: " + node.size() + ", " + edge.size());
    }
    for (int k = 0; k < node.size(); k++) {
      nodeColumn[node.get(k).getLabel()[0]] = k;
    }
    for (int k = 0; k < edge.size(); k++) {
      int[] pair = edge.get(k).getLabel();
      edgeColumn[pair[0]][pair[1]] = k;
    }
  }

  /**
   * The best label of each token, given per token the feature indices of its node clique ({@code
   * data[i][0]}) and its edge clique ({@code data[i][1]}).
   */
  int[] best(int[][][] data) {
    int n = data.length;
    int[] out = new int[n];
    if (n == 0) {
      return out;
    }
    double[] node = new double[labels];
    double[] edge = new double[labels * labels];
    double[] score = new double[labels];
    double[] next = new double[labels];
    int[][] from = new int[n][labels];
    potentials(data[0], node, edge);
    for (int b = 0; b < labels; b++) {
      score[b] = edge[background * labels + b] + node[b];
    }
    for (int i = 1; i < n; i++) {
      potentials(data[i], node, edge);
      for (int b = 0; b < labels; b++) {
        double best = Double.NEGATIVE_INFINITY;
        int bestA = -1;
        for (int a = 0; a < labels; a++) {
          double s = score[a] + edge[a * labels + b];
          if (s > best) {
            best = s;
            bestA = a;
          }
        }
        next[b] = best + node[b];
        from[i][b] = bestA;
      }
      double[] t = score;
      score = next;
      next = t;
    }
    int last = 0;
    for (int b = 1; b < labels; b++) {
      if (score[b] > score[last]) {
        last = b;
      }
    }
    out[n - 1] = last;
    for (int i = n - 1; i > 0; i--) {
      out[i - 1] = from[i][out[i]];
    }
    return out;
  }

  /**
   * One token's node potential per label and edge potential per (previous, this) label: each the
   * sum of its features' weights, in the features' order, as CoreNLP's linear potential sums them.
   */
  private void potentials(int[][] token, double[] node, double[] edge) {
    Arrays.fill(node, 0);
    Arrays.fill(edge, 0);
    // feature by feature: each sum still adds its terms in the features' order
    for (int f : token[0]) {
      float[] row = weights[f];
      for (int b = 0; b < labels; b++) {
        node[b] += row[nodeColumn[b]];
      }
    }
    for (int f : token[1]) {
      float[] row = weights[f];
      for (int a = 0; a < labels; a++) {
        int[] columns = edgeColumn[a];
        for (int b = 0; b < labels; b++) {
          edge[a * labels + b] += row[columns[b]];
        }
      }
    }
  }
}
