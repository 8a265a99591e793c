package org.dateline.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.dateline.index.Schema;

/**
 * "Did you mean": when a search finds few articles, other ways to ask that find more. Each plain
 * word of the query that the archive's text never (or rarely) holds is checked against the words it
 * does hold, a couple of edits away, more frequent first (as Lucene's {@code DirectSpellChecker}
 * chooses them, by {@link NearSpellings}, which reads the terms index itself: nothing to build or
 * keep up to date); and a query naming a known entity is tried with every spelling of the name. A
 * suggestion is offered only when it finds more articles than the query as typed, with the same
 * filters and dates.
 */
final class Suggestions {

  /** Suggestions are looked for when a search finds this many articles or fewer. */
  static final long FEW_HITS = 5;

  private static final int MAX_SUGGESTIONS = 3;

  /** A word in an article's text this rarely may still be a misspelling worth correcting. */
  private static final int RARE = 2;

  /** Words of at most this many letters are corrected by one edit, longer ones by up to two. */
  private static final int SHORT_WORD = 5;

  /** Plain words: not a field name (before ':'), a field's value, a wildcard or fuzzy term. */
  private static final Pattern WORD =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}:*?~\\\\/])\\p{L}[\\p{L}\\p{M}\\p{N}'’-]*(?![\\p{L}\\p{M}\\p{N}:*?~])");

  private static final Set<String> OPERATORS = Set.of("AND", "OR", "NOT", "TO");

  /** Counts the articles a query finds under the request's filters and dates. */
  @FunctionalInterface
  interface Counter {
    long count(String query) throws IOException;
  }

  private Suggestions() {}

  /**
   * Up to three suggestions for {@code query}, which found {@code hits} articles, most articles
   * first; {@code expanded} is the query with every spelling of its names, or null.
   */
  static List<Suggestion> of(
      IndexSearcher searcher,
      String query,
      long hits,
      String expanded,
      Counter counter,
      Deadline deadline)
      throws IOException {
    Set<String> candidates = new LinkedHashSet<>(respellings(searcher, query));
    List<Suggestion> out = new ArrayList<>();
    for (String candidate : candidates) {
      deadline.check();
      long n = counter.count(candidate);
      if (n > hits) {
        out.add(new Suggestion(candidate, n, false));
      }
    }
    if (expanded != null && !expanded.equals(query)) {
      deadline.check();
      long n = counter.count(expanded);
      if (n > hits) {
        out.add(new Suggestion(query, n, true));
      }
    }
    out.sort(Comparator.comparingLong(Suggestion::hits).reversed());
    return out.size() > MAX_SUGGESTIONS ? List.copyOf(out.subList(0, MAX_SUGGESTIONS)) : out;
  }

  /**
   * The query with its misspelt words replaced: every one by its best replacement, then each one by
   * each of its replacements alone.
   */
  static List<String> respellings(IndexSearcher searcher, String query) throws IOException {
    Map<String, List<String>> replacements = new LinkedHashMap<>();
    Analyzer analyzer = Schema.queryAnalyzer();
    Matcher m = WORD.matcher(query);
    while (m.find()) {
      String word = m.group();
      if (OPERATORS.contains(word) || replacements.containsKey(word)) {
        continue;
      }
      String term = singleTerm(analyzer, word);
      if (term == null) {
        continue;
      }
      Term t = new Term(Schema.BODY, term);
      int df = searcher.getIndexReader().docFreq(t);
      if (df > RARE) {
        continue;
      }
      // Edits allowed grow with the word, as fuzzy matching usually does: one for a word of up to
      // five letters ("Tony" may be "Tiny"), two beyond ("Baghooz"); two edits on five letters
      // turned "Blair" into "Bali".
      List<NearSpellings.Word> similar =
          NearSpellings.of(
              searcher.getIndexReader(),
              Schema.BODY,
              term,
              MAX_SUGGESTIONS,
              term.codePointCount(0, term.length()) <= SHORT_WORD ? 1 : 2,
              df != 0);
      List<String> words = new ArrayList<>();
      for (NearSpellings.Word s : similar) {
        words.add(sameCase(word, s.text()));
      }
      if (!words.isEmpty()) {
        replacements.put(word, words);
      }
    }
    List<String> out = new ArrayList<>();
    if (replacements.isEmpty()) {
      return out;
    }
    String all = query;
    for (Map.Entry<String, List<String>> r : replacements.entrySet()) {
      all = replaceWord(all, r.getKey(), r.getValue().get(0));
    }
    out.add(all);
    for (Map.Entry<String, List<String>> r : replacements.entrySet()) {
      for (String replacement : r.getValue()) {
        out.add(replaceWord(query, r.getKey(), replacement));
      }
    }
    return out;
  }

  /** The one term the query analyzer makes of {@code word}, or null (none, or several). */
  private static String singleTerm(Analyzer analyzer, String word) throws IOException {
    String term = null;
    try (TokenStream ts = analyzer.tokenStream(Schema.BODY, word)) {
      CharTermAttribute attr = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (term != null) {
          return null;
        }
        term = attr.toString();
      }
      ts.end();
    }
    return term;
  }

  private static String replaceWord(String query, String word, String replacement) {
    return query.replaceAll(
        "(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])",
        Matcher.quoteReplacement(replacement));
  }

  /** {@code suggestion} written as {@code typed} was: "Baghouz" for "Baghooz", "AFP" for "AFB". */
  private static String sameCase(String typed, String suggestion) {
    if (typed.length() > 1 && typed.equals(typed.toUpperCase(Locale.ROOT))) {
      return suggestion.toUpperCase(Locale.ROOT);
    }
    if (Character.isUpperCase(typed.charAt(0))) {
      return suggestion.substring(0, 1).toUpperCase(Locale.ROOT) + suggestion.substring(1);
    }
    return suggestion;
  }
}
