package org.dateline.enrich.entities;

import edu.stanford.nlp.ie.NERFeatureFactory;
import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ie.crf.CRFLabel;
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
 * annotations the stock templates would read differently goes through the stock code. The best
 * labels are then found from the clique potentials ({@link ChainViterbi}) instead of from CoreNLP's
 * calibrated clique tree, which ranks every label sequence alike ({@code IndexedCrfTest} compares
 * the labels with the stock classifier's). Thread-safe as the stock classifier: the lookups are
 * shared and concurrent, the scratch is per thread.
 */
final class IndexedCrf extends CRFClassifier<CoreLabel> {

  private static final long serialVersionUID = 1L;

  private transient TokenLookups lookups;
  private transient ThreadLocal<SentenceFeatures> scratch;

  /** Null when the model is not one {@link ChainViterbi} decodes as CoreNLP does. */
  private transient ChainViterbi viterbi;

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
    copy.viterbi = chainViterbi(copy);
    return copy;
  }

  /**
   * The decoder for {@code crf} when it labels as {@link ChainViterbi} does: Viterbi over a
   * first-order chain (window 2) of linear potentials, read left to right, with no label dictionary
   * restricting a word's labels; otherwise null (CoreNLP's own inference).
   */
  private static ChainViterbi chainViterbi(IndexedCrf crf) throws ReflectiveOperationException {
    Object potential = field("cliquePotentialFunction").get(crf);
    boolean linear =
        potential == null
            || potential
                .getClass()
                .getName()
                .equals("edu.stanford.nlp.ie.crf.LinearCliquePotentialFunction");
    if (crf.flags.doGibbs
        || !"maxent".equalsIgnoreCase(crf.flags.crfType)
        || (crf.flags.inferenceType != null && !"Viterbi".equalsIgnoreCase(crf.flags.inferenceType))
        || crf.flags.useReverse
        || crf.windowSize != 2
        || !linear
        || field("labelDictionary").get(crf) != null
        || crf.classIndex.indexOf(crf.flags.backgroundSymbol) < 0) {
      return null;
    }
    @SuppressWarnings("unchecked")
    List<Index<CRFLabel>> labelIndices = (List<Index<CRFLabel>>) field("labelIndices").get(crf);
    float[][] weights = (float[][]) field("weights").get(crf);
    if (weights == null || labelIndices == null || labelIndices.size() != 2) {
      return null;
    }
    return new ChainViterbi(
        weights,
        labelIndices,
        crf.classIndex.size(),
        crf.classIndex.indexOf(crf.flags.backgroundSymbol));
  }

  private static Field field(String name) throws NoSuchFieldException {
    Field f = CRFClassifier.class.getDeclaredField(name);
    f.setAccessible(true);
    return f;
  }

  /**
   * Labels {@code document} (its tokens' answers), as CoreNLP's Viterbi inference would; unlike it,
   * gives no token an {@code AnswerProbAnnotation} (the marginal that only the clique tree has,
   * which the recogniser never reads).
   */
  @Override
  public List<CoreLabel> classify(List<CoreLabel> document) {
    if (viterbi == null || document.isEmpty()) {
      return super.classify(document);
    }
    Triple<int[][][], int[], double[][][]> input = documentToDataAndLabels(document);
    for (double[][] values : input.third()) {
      for (double[] v : values) {
        if (v != null) {
          return super.classify(document); // real-valued features: CoreNLP's own potentials
        }
      }
    }
    int[] best = viterbi.best(input.first());
    for (int j = 0; j < best.length; j++) {
      document.get(j).set(CoreAnnotations.AnswerAnnotation.class, classIndex.get(best[j]));
    }
    return document;
  }

  /** Whether labels come from {@link ChainViterbi} (for tests). */
  boolean decodesItself() {
    return viterbi != null;
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
