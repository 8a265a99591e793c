package org.dateline.enrich.entities;

import edu.stanford.nlp.ie.NERFeatureFactory;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.sequences.Clique;
import edu.stanford.nlp.util.PaddedList;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * CoreNLP's feature factory, the same features in the same order, collected without a {@code
 * HashSet} per token and clique. The stock factory builds each token's feature strings into a fresh
 * {@code HashSet} (a node per string, a table, a resize past 96), which the classifier copies into
 * a list at once: about a sixth of the recogniser's time. Here the strings go into a {@link
 * FeatureSet} kept per thread, handed out in the order the {@code HashSet} would have iterated
 * them, so the classifier sums every clique's weights in the same order as before. Features
 * themselves are CoreNLP's own ({@code featuresC}, {@code featuresCpC}, {@code featuresCnC}); only
 * where they are collected changes. Thread-safe as the stock factory is.
 */
final class CliqueFeatures extends NERFeatureFactory<CoreLabel> {

  private static final long serialVersionUID = 1L;

  private final transient ThreadLocal<FeatureSet> scratch =
      ThreadLocal.withInitial(FeatureSet::new);

  private CliqueFeatures() {}

  /**
   * A factory with {@code stock}'s state (its flags, word-cluster lexicon, gazettes): every field
   * CoreNLP declares is copied, since the factory has no copy constructor.
   */
  static CliqueFeatures copyOf(NERFeatureFactory<CoreLabel> stock)
      throws ReflectiveOperationException {
    CliqueFeatures copy = new CliqueFeatures();
    for (Class<?> c = NERFeatureFactory.class; c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (!Modifier.isStatic(f.getModifiers())) {
          f.setAccessible(true);
          f.set(copy, f.get(stock));
        }
      }
    }
    return copy;
  }

  @Override
  public Collection<String> getCliqueFeatures(PaddedList<CoreLabel> info, int loc, Clique clique) {
    if (clique != cliqueC && clique != cliqueCpC) {
      return super.getCliqueFeatures(info, loc, clique); // cliques this model does not have
    }
    FeatureSet set = scratch.get();
    set.clear();
    collect(info, loc, clique, set);
    List<String> ordered = set.orderedLikeHashSet();
    // a bucket the HashSet would have made a tree: its own order, from a real HashSet
    return ordered != null ? ordered : super.getCliqueFeatures(info, loc, clique);
  }

  /** What the stock {@code getCliqueFeatures} does for the two cliques, into {@code into}. */
  private void collect(PaddedList<CoreLabel> info, int loc, Clique clique, Set<String> into) {
    FeatureCollector out = new FeatureCollector(into);
    out.setDomain(info.get(0).get(CoreAnnotations.DomainAnnotation.class));
    if (clique == cliqueC) {
      featuresC(info, loc, out);
    } else {
      featuresCpC(info, loc, out);
      featuresCnC(info, loc - 1, out);
    }
  }
}
