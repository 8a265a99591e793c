package org.dateline.enrich.entities;

import edu.stanford.nlp.ie.NERFeatureFactory;
import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.sequences.Clique;
import edu.stanford.nlp.sequences.FeatureFactory;
import edu.stanford.nlp.util.Index;
import edu.stanford.nlp.util.PaddedList;
import edu.stanford.nlp.util.Triple;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * CoreNLP's CRF classifier whose input (each token's feature indices per clique) is computed from
 * remembered per-word-form and per-shape features ({@link SentenceFeatures}) instead of from
 * feature strings built and looked up one by one. Everything else (labels, Viterbi, weights) is the
 * stock classifier's, and the indices are the same in the same order, so the answers are the same
 * to the last bit ({@code CliqueFeaturesTest} compares the input token by token). A sentence with
 * annotations the stock templates would read differently goes through the stock code. Thread-safe
 * as the stock classifier: the lookups are shared and concurrent, the scratch is per thread.
 */
final class IndexedCrf extends CRFClassifier<CoreLabel> {

  private static final long serialVersionUID = 1L;

  private transient TokenLookups lookups;
  private transient ThreadLocal<SentenceFeatures> scratch;

  private IndexedCrf() {}

  /**
   * A classifier with {@code stock}'s state (every field CoreNLP declares is copied, as there is no
   * copy constructor that keeps the model's indices), or null when its flags are not those of
   * {@link ModelTemplates} or its feature index is not a {@link FeatureTable}.
   */
  static IndexedCrf of(CRFClassifier<CoreLabel> stock, FeatureTable table)
      throws ReflectiveOperationException {
    if (!ModelTemplates.supported(stock.flags, stock.windowSize)
        || stock.featureFactories.size() != 1
        || !(stock.featureFactories.get(0) instanceof NERFeatureFactory<CoreLabel> factory)) {
      return null;
    }
    IndexedCrf copy = new IndexedCrf();
    for (Class<?> c = CRFClassifier.class; c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (!Modifier.isStatic(f.getModifiers())) {
          f.setAccessible(true);
          f.set(copy, f.get(stock));
        }
      }
    }
    Field lexicon = NERFeatureFactory.class.getDeclaredField("lexicon");
    lexicon.setAccessible(true);
    @SuppressWarnings("unchecked")
    Map<String, String> clusters = (Map<String, String>) lexicon.get(factory);
    if (clusters == null) {
      return null;
    }
    copy.lookups = new TokenLookups(stock.flags, table, clusters, copy.pad);
    TokenLookups lookups = copy.lookups;
    copy.scratch = ThreadLocal.withInitial(() -> new SentenceFeatures(lookups));
    return copy;
  }

  /**
   * The input computed from remembered features alone, without the stock fallbacks: null where
   * {@link #documentToDataAndLabels} would ask CoreNLP (for tests).
   */
  int[][][] indexedData(List<CoreLabel> document) {
    return scratch.get().data(document);
  }

  @Override
  public Triple<int[][][], int[], double[][][]> documentToDataAndLabels(List<CoreLabel> document) {
    int[][][] data = scratch.get().data(document);
    if (data == null) {
      return super.documentToDataAndLabels(document);
    }
    int size = document.size();
    int[] labels = new int[size];
    PaddedList<CoreLabel> padded = null;
    for (int j = 0; j < size; j++) {
      for (int clique = 0; clique < 2; clique++) {
        if (data[j][clique] == null) {
          if (padded == null) {
            padded = new PaddedList<>(document, pad);
          }
          data[j][clique] =
              stockClique(
                  padded, j, clique == 0 ? FeatureFactory.cliqueC : FeatureFactory.cliqueCpC);
        }
      }
      labels[j] = classIndex.indexOf(document.get(j).get(CoreAnnotations.AnswerAnnotation.class));
    }
    return new Triple<>(data, labels, new double[size][windowSize][]);
  }

  /** The clique's indices from CoreNLP's own factory, as {@code documentToDataAndLabels} does. */
  private int[] stockClique(PaddedList<CoreLabel> padded, int loc, Clique clique) {
    Collection<String> features = featureFactories.get(0).getCliqueFeatures(padded, loc, clique);
    Index<String> index = lookups.table;
    int[] out = new int[features.size()];
    int m = 0;
    for (String f : features) {
      int i = index.indexOf(f);
      if (i >= 0) {
        out[m++] = i;
      }
    }
    return m == out.length ? out : Arrays.copyOf(out, m);
  }
}
