package org.dateline.enrich.entities;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The CRF's labels for sentences it has labelled before. An archive repeats sentences word for word
 * (sign-offs, recurring notices, a story sent again with a correction), and the model's labels for
 * a sentence depend on its words alone (its features read words, their shapes and word clusters;
 * the model learns no new words while it labels), so a sentence seen again gets the labels it got
 * the first time. Bounded: when {@link #MAX_SENTENCES} are kept, the memory starts afresh.
 * Thread-safe.
 */
final class SentenceLabels {

  /**
   * About 20 MB at news sentence lengths (20 words: a key of ~150 Latin-1 characters and a list of
   * shared label strings, ~350 bytes a sentence).
   */
  static final int MAX_SENTENCES = 50_000;

  private final Map<String, List<String>> known = new ConcurrentHashMap<>();

  private final int maxSentences;

  /** A memory of up to {@link #MAX_SENTENCES} sentences. */
  SentenceLabels() {
    this(MAX_SENTENCES);
  }

  /** A memory of up to {@code maxSentences} (0: none, every sentence is labelled). */
  SentenceLabels(int maxSentences) {
    this.maxSentences = maxSentences;
  }

  /**
   * The label of each token of {@code sentence} (the CRF's answer, e.g. "PERSON" or "O"), from
   * memory or from {@code crf}, which labels a sentence and returns its labelled copies in order.
   */
  List<String> labels(List<CoreLabel> sentence, Function<List<CoreLabel>, List<CoreLabel>> crf) {
    String words = key(sentence);
    List<String> labels = maxSentences == 0 ? null : known.get(words);
    if (labels == null) {
      List<CoreLabel> labelled = crf.apply(sentence);
      List<String> out = new ArrayList<>(labelled.size());
      for (CoreLabel t : labelled) {
        out.add(t.get(CoreAnnotations.AnswerAnnotation.class));
      }
      labels = List.copyOf(out);
      if (maxSentences > 0) {
        if (known.size() >= maxSentences) {
          known.clear();
        }
        known.put(words, labels);
      }
    }
    return labels;
  }

  /**
   * The sentence's words as one string, each preceded by its length, so that no two different word
   * sequences give the same key whatever characters the words hold (a token is shorter than the
   * recogniser's blocks of {@link NerExtractor#MAX_BLOCK_CHARS}, so its length fits a char).
   */
  private static String key(List<CoreLabel> sentence) {
    StringBuilder sb = new StringBuilder(sentence.size() * 8);
    for (CoreLabel t : sentence) {
      String w = t.word();
      sb.append((char) w.length()).append(w);
    }
    return sb.toString();
  }
}
