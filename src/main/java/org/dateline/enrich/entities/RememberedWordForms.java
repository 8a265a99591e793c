package org.dateline.enrich.entities;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The model's word function (CoreNLP's Americanize: "colour" read as "color") with its answers
 * remembered. The feature factory applies it every time it reads a word, and its occurrence
 * features read up to 300 neighbours of each capitalised word, so one token's form is asked for
 * hundreds of times, each a table lookup and a dozen regular expressions. The function depends on
 * its argument alone, so a remembered answer is the answer. Bounded: after {@link #MAX_WORDS}
 * distinct words, new ones are computed and not kept. Thread-safe.
 */
final class RememberedWordForms implements Function<String, String> {

  /** Distinct words kept; news vocabularies reach this only over very large archives. */
  static final int MAX_WORDS = 200_000;

  private final Function<String, String> form;

  private final Map<String, String> known = new ConcurrentHashMap<>();

  RememberedWordForms(Function<String, String> form) {
    this.form = form;
  }

  @Override
  public String apply(String word) {
    if (word == null) {
      return form.apply(null);
    }
    String f = known.get(word);
    if (f == null) {
      f = form.apply(word);
      if (known.size() < MAX_WORDS) {
        known.put(word, f);
      }
    }
    return f;
  }

  /** The function whose answers are remembered (to wrap it once only). */
  Function<String, String> form() {
    return form;
  }
}
