package org.dateline.enrich.entities;

import edu.stanford.nlp.ie.NERFeatureFactory;
import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.sequences.FeatureFactory;
import edu.stanford.nlp.util.Index;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a loaded CRF classifier answer its hottest lookups faster without changing an answer: the
 * feature index becomes a {@link FeatureTable}, the word function's answers are remembered ({@link
 * RememberedWordForms}), features are collected without a {@code HashSet} per token ({@link
 * CliqueFeatures}), and for the shipped model the features are not built as strings at all ({@link
 * IndexedCrf}). Labels depend only on which features a token has and their weights, both unchanged,
 * and the features are still summed in the same order.
 */
final class CrfLookups {

  private static final Logger LOG = LoggerFactory.getLogger(CrfLookups.class);

  /** CoreNLP keeps the index in a package-private field; there is no setter. */
  private static final String FEATURE_INDEX_FIELD = "featureIndex";

  private CrfLookups() {}

  /**
   * {@code crf} with the faster lookups; when this CoreNLP version has no such field (a renamed
   * internal), the stock index stays and a warning says recognition will be slower.
   */
  static CRFClassifier<CoreLabel> faster(CRFClassifier<CoreLabel> crf) {
    if (crf.flags.wordFunction != null
        && !(crf.flags.wordFunction instanceof RememberedWordForms)) {
      crf.flags.wordFunction = new RememberedWordForms(crf.flags.wordFunction);
    }
    withoutHashSets(crf);
    try {
      Field f = CRFClassifier.class.getDeclaredField(FEATURE_INDEX_FIELD);
      f.setAccessible(true);
      @SuppressWarnings("unchecked")
      Index<String> stock = (Index<String>) f.get(crf);
      if (!(stock instanceof FeatureTable)) {
        f.set(crf, new FeatureTable(stock));
      }
      return indexed(crf, (FeatureTable) f.get(crf));
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.warn(
          "CoreNLP's CRF has no field {} here ({}); the recogniser keeps its stock index, slower",
          FEATURE_INDEX_FIELD,
          e.toString());
    }
    return crf;
  }

  /**
   * {@code crf} computing its input from remembered word-form features ({@link IndexedCrf}), or
   * {@code crf} itself for a model whose templates that class does not spell.
   */
  private static CRFClassifier<CoreLabel> indexed(CRFClassifier<CoreLabel> crf, FeatureTable table)
      throws ReflectiveOperationException {
    IndexedCrf fast = IndexedCrf.of(crf, table);
    if (fast == null) {
      LOG.warn(
          "this NER model has other feature templates; its features are built as strings, slower");
      return crf;
    }
    return fast;
  }

  /**
   * Swaps the stock feature factory for {@link CliqueFeatures} (same features, same order, no
   * {@code HashSet} per token); keeps the stock one when it cannot be copied.
   */
  private static void withoutHashSets(CRFClassifier<CoreLabel> crf) {
    List<FeatureFactory<CoreLabel>> factories = crf.featureFactories;
    if (factories.size() != 1 || factories.get(0).getClass() != NERFeatureFactory.class) {
      return; // another model, or already swapped
    }
    try {
      crf.featureFactories =
          new ArrayList<>(
              List.of(CliqueFeatures.copyOf((NERFeatureFactory<CoreLabel>) factories.get(0))));
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.warn(
          "CoreNLP's feature factory could not be copied ({}); the recogniser keeps it, slower",
          e.toString());
    }
  }

  /** Whether {@code crf} has the faster feature index (for tests). */
  static boolean hasFeatureTable(CRFClassifier<CoreLabel> crf) throws ReflectiveOperationException {
    Field f = CRFClassifier.class.getDeclaredField(FEATURE_INDEX_FIELD);
    f.setAccessible(true);
    return f.get(crf) instanceof FeatureTable;
  }
}
