package org.dateline.enrich.entities;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import java.util.List;
import java.util.Objects;

/**
 * The CRF's input for one sentence: for every token, the model's feature indices for its node
 * clique and its edge clique, in the order CoreNLP's {@code NERFeatureFactory} and {@code
 * CRFClassifier.documentToDataAndLabels} give them, computed from each word form's and shape's
 * remembered features ({@link TokenLookups}) instead of from built strings. Only the templates of
 * {@link ModelTemplates} are spelled here, each in the stock factory's order: {@code featuresC}
 * (word cluster, word, neighbours, class, n-grams, shapes and their sequences, short-neighbour
 * shapes, occurrence patterns, the five-word window) and {@code featuresCpC}. Not thread-safe: one
 * per thread.
 */
final class SentenceFeatures {

  /** How far the occurrence templates look for the same word, each way ({@code jump < 150}). */
  private static final int OCCURRENCE_REACH = 149;

  /** Occurrences nearer than this are not looked at ({@code jump >= 3}). */
  private static final int OCCURRENCE_NEAREST = 3;

  private final TokenLookups lookups;
  private final OrderedFeatures out = new OrderedFeatures();
  private final Composites composites;
  private List<CoreLabel> doc;
  private WordFeatures[] words = new WordFeatures[64];
  private RoleFeatures[] shapes = new RoleFeatures[64];
  private int n;

  SentenceFeatures(TokenLookups lookups) {
    this.lookups = lookups;
    this.composites = new Composites(lookups.table);
  }

  /**
   * Per token, per clique (node, edge), the feature indices in the CRF's order; a clique whose
   * order this class cannot reproduce (a set bucket that would be a tree) is null, for the caller
   * to ask CoreNLP. Null as a whole when the tokens carry annotations the stock templates would
   * read differently (a stacked tag, a domain, word clusters other than the lexicon's).
   */
  int[][][] data(List<CoreLabel> document) {
    if (!prepare(document)) {
      return null;
    }
    int[][][] data = new int[n][2][];
    for (int loc = 0; loc < n; loc++) {
      data[loc][0] = node(loc);
      data[loc][1] = edge(loc);
    }
    doc = null;
    return data;
  }

  private boolean prepare(List<CoreLabel> document) {
    doc = document;
    n = document.size();
    if (words.length < n) {
      words = new WordFeatures[n];
      shapes = new RoleFeatures[n];
    }
    if (n > 0 && document.get(0).get(CoreAnnotations.DomainAnnotation.class) != null) {
      return false;
    }
    // CoreNLP keeps clusters a sentence already has (when its first token has one)
    boolean clustered =
        n > 0 && document.get(0).containsKey(CoreAnnotations.DistSimAnnotation.class);
    for (int i = 0; i < n; i++) {
      CoreLabel t = document.get(i);
      words[i] = lookups.word(t);
      shapes[i] = lookups.shape(t);
      if (t.get(CoreAnnotations.StackedNamedEntityTagAnnotation.class) != null
          || (clustered
              && !Objects.equals(
                  t.get(CoreAnnotations.DistSimAnnotation.class), words[i].cluster))) {
        return false;
      }
    }
    return true;
  }

  private WordFeatures word(int i) {
    return i >= 0 && i < n ? words[i] : lookups.pad;
  }

  private RoleFeatures shape(int i) {
    return i >= 0 && i < n ? shapes[i] : lookups.padShape;
  }

  /** {@code featuresC}: the node clique of token {@code loc}. */
  private int[] node(int loc) {
    out.clear();
    composites.clear();
    WordFeatures c = word(loc);
    WordFeatures p = word(loc - 1);
    WordFeatures nx = word(loc + 1);
    RoleFeatures cs = shape(loc);
    RoleFeatures ps = shape(loc - 1);
    RoleFeatures ns = shape(loc + 1);
    c.roles.addTo(out, WordFeatures.DISTSIM);
    c.roles.addTo(out, WordFeatures.WORD);
    p.roles.addTo(out, WordFeatures.PW);
    p.roles.addTo(out, WordFeatures.PDISTSIM);
    nx.roles.addTo(out, WordFeatures.NW);
    nx.roles.addTo(out, WordFeatures.NDISTSIM);
    lookups.fixed.addTo(out, FixedFeatures.CLASS);
    c.addNgramsTo(out);
    cs.addTo(out, ShapeRoles.TYPE);
    ps.addTo(out, ShapeRoles.PTYPE);
    ns.addTo(out, ShapeRoles.NTYPE);
    String cShape = ShapeRoles.string(cs);
    String pShape = ShapeRoles.string(ps);
    String nShape = ShapeRoles.string(ns);
    composites.add(out, p.word, "...", cShape, "-PW_CTYPE|C");
    composites.add(out, cShape, "...", nx.word, "-NW_CTYPE|C");
    composites.add(out, pShape, "...", cShape, "-PCTYPE|C");
    composites.add(out, cShape, "...", nShape, "-CNTYPE|C");
    composites.add(out, pShape, "...", cShape, "...", nShape, "-PCNTYPE|C");
    if (p.word.length() <= 3) {
      composites.add(out, word(loc - 2).word, "...", cShape, "-PPW_CTYPE|C");
    }
    if (nx.word.length() <= 3) {
      composites.add(out, word(loc + 2).word, "...", cShape, "-NNW_CTYPE|C");
    }
    occurrences(loc);
    for (int i = 1; i <= ModelTemplates.DISJUNCTION_WIDTH; i++) {
      word(loc + i).roles.addTo(out, WordFeatures.DISJN);
      word(loc - i).roles.addTo(out, WordFeatures.DISJP);
    }
    return out.orderedIndices();
  }

  /** {@code featuresCpC} (and {@code featuresCnC}, empty for this model): the edge clique. */
  private int[] edge(int loc) {
    out.clear();
    composites.clear();
    WordFeatures c = word(loc);
    WordFeatures p = word(loc - 1);
    RoleFeatures cs = shape(loc);
    RoleFeatures ps = shape(loc - 1);
    lookups.fixed.addTo(out, FixedFeatures.PSEQ);
    c.roles.addTo(out, WordFeatures.PSEQW);
    composites.add(out, p.word, "-", c.word, "-PSEQW2|CpC");
    p.roles.addTo(out, WordFeatures.PSEQ_PW);
    p.roles.addTo(out, WordFeatures.PSEQ_PDS);
    c.roles.addTo(out, WordFeatures.PSEQ_CDS);
    composites.add(out, p.clusterString, "-", c.clusterString, "-PSEQpcDS|CpC");
    ps.addTo(out, ShapeRoles.PSEQ_PS);
    cs.addTo(out, ShapeRoles.PSEQ_CS);
    composites.add(out, ShapeRoles.string(ps), "-", ShapeRoles.string(cs), "-TYPES|CpC");
    cs.addTo(out, ShapeRoles.TPS2);
    shape(loc + 1).addTo(out, ShapeRoles.TNS1);
    return out.orderedIndices();
  }

  /** CoreNLP's {@code occurrencePatterns}: the same capitalised word elsewhere in the sentence. */
  private void occurrences(int loc) {
    WordFeatures c = word(loc);
    WordFeatures nx = word(loc + 1);
    WordFeatures p = word(loc - 1);
    if (!(c.nameCase && nx.noUpperCase && nx.hasLetter && p.hasLetter && loc - 1 >= 0)) {
      lookups.fixed.addTo(out, FixedFeatures.NO_OCCURRENCE);
      return;
    }
    boolean afterName = p.nameCase && isProperNoun(loc - 1);
    for (int jump = OCCURRENCE_NEAREST; jump <= OCCURRENCE_REACH; jump++) {
      if (sameWord(loc + jump, c)) {
        lookups.fixed.addTo(out, afterName ? next(loc + jump, p) : nextAlone(loc + jump));
      }
    }
    for (int jump = -OCCURRENCE_NEAREST; jump >= -OCCURRENCE_REACH; jump--) {
      if (sameWord(loc + jump, c)) {
        lookups.fixed.addTo(out, afterName ? previous(loc + jump, p) : previousAlone(loc + jump));
      }
    }
  }

  private int next(int at, WordFeatures p) {
    return sameWord(at - 1, p) ? FixedFeatures.XY_NEXT_XY : FixedFeatures.XY_NEXT_Y;
  }

  private int previous(int at, WordFeatures p) {
    return sameWord(at - 1, p) ? FixedFeatures.XY_PREV_XY : FixedFeatures.XY_PREV_Y;
  }

  private int nextAlone(int at) {
    if (nameBefore(at - 1)) {
      return FixedFeatures.X_NEXT_YX;
    }
    return nameBefore(at + 1) ? FixedFeatures.X_NEXT_XY : FixedFeatures.X_NEXT_X;
  }

  private int previousAlone(int at) {
    if (nameBefore(at + 1)) {
      return FixedFeatures.X_PREV_YX;
    }
    return nameBefore(at - 1) ? FixedFeatures.X_PREV_XY : FixedFeatures.X_PREV_X;
  }

  /** A capitalised word tagged as a proper noun at {@code i}. */
  private boolean nameBefore(int i) {
    return word(i).nameCase && isProperNoun(i);
  }

  private boolean isProperNoun(int i) {
    CoreLabel t = i >= 0 && i < n ? doc.get(i) : lookups.padToken;
    return "NNP".equals(t.getString(CoreAnnotations.PartOfSpeechAnnotation.class));
  }

  private boolean sameWord(int i, WordFeatures w) {
    WordFeatures at = word(i);
    return at == w || at.word.equals(w.word);
  }
}
