package org.dateline.enrich.entities;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.WordShapeClassifier;
import edu.stanford.nlp.sequences.SeqClassifierFlags;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The model's view of a token, remembered per word form and per word shape: {@link WordFeatures}
 * for each distinct token text, the {@link ShapeRoles} features for each distinct shape, and those
 * of the padding CoreNLP reads beyond a sentence's ends. Bounded: a memory that reaches its limit
 * starts afresh (about 0.5 KB a word form, so at most ~50 MB). Thread-safe.
 */
final class TokenLookups {

  /** Distinct word forms kept; a news archive's working vocabulary fits. */
  static final int MAX_WORDS = 100_000;

  /** Distinct word shapes kept (shapes are few: a few thousand over a large archive). */
  static final int MAX_SHAPES = 20_000;

  final FeatureTable table;
  final RoleFeatures fixed;
  final WordFeatures pad;
  final RoleFeatures padShape;
  final CoreLabel padToken;

  private final SeqClassifierFlags flags;
  private final Map<String, String> lexicon;
  private final Map<String, WordFeatures> words = new ConcurrentHashMap<>();
  private final Map<String, RoleFeatures> shapes = new ConcurrentHashMap<>();
  private final RoleFeatures noShape;

  /**
   * Lookups for a model with these {@code flags}, feature {@code table}, word-cluster {@code
   * lexicon} (CoreNLP's, normalised keys) and padding token {@code padToken}.
   */
  TokenLookups(
      SeqClassifierFlags flags,
      FeatureTable table,
      Map<String, String> lexicon,
      CoreLabel padToken) {
    this.flags = flags;
    this.table = table;
    this.lexicon = lexicon;
    this.padToken = padToken;
    this.fixed = FixedFeatures.of(table);
    this.noShape = ShapeRoles.of(null, table);
    // the padding is never given a cluster: CoreNLP annotates only the sentence's own tokens
    this.pad =
        new WordFeatures(
            wordOf(padToken), padToken.get(CoreAnnotations.DistSimAnnotation.class), table);
    this.padShape = ShapeRoles.of(padToken.get(CoreAnnotations.ShapeAnnotation.class), table);
  }

  /** The features of {@code token}'s word form (its cluster from the lexicon). */
  WordFeatures word(CoreLabel token) {
    String text = token.getString(CoreAnnotations.TextAnnotation.class);
    WordFeatures w = words.get(text);
    if (w == null) {
      String word = form(text);
      w = new WordFeatures(word, cluster(word), table);
      if (words.size() >= MAX_WORDS) {
        words.clear();
      }
      words.put(text, w);
    }
    return w;
  }

  /** The features of {@code token}'s word shape. */
  RoleFeatures shape(CoreLabel token) {
    String shape = token.get(CoreAnnotations.ShapeAnnotation.class);
    if (shape == null) {
      return noShape;
    }
    RoleFeatures s = shapes.get(shape);
    if (s == null) {
      s = ShapeRoles.of(shape, table);
      if (shapes.size() >= MAX_SHAPES) {
        shapes.clear();
      }
      shapes.put(shape, s);
    }
    return s;
  }

  /** The word as the model's feature factory reads it ({@code getWord}). */
  private String wordOf(CoreLabel token) {
    return form(token.getString(CoreAnnotations.TextAnnotation.class));
  }

  private String form(String text) {
    Function<String, String> f = flags.wordFunction;
    return f == null ? text : f.apply(text);
  }

  /**
   * The word cluster CoreNLP's {@code distSimAnnotate} gives a token whose word is {@code word}.
   */
  String cluster(String word) {
    // the default locale, as CoreNLP's distSimAnnotate lowers it: the same key as the stock code
    String key = flags.casedDistSim ? word : word.toLowerCase(Locale.getDefault());
    if (flags.numberEquivalenceDistSim) {
      key = WordShapeClassifier.wordShape(key, WordShapeClassifier.WORDSHAPEDIGITS);
    }
    String c = lexicon.get(key);
    return c == null ? flags.unknownWordDistSimClass : c;
  }
}
