package org.dateline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.dateline.TestIndexes;
import org.dateline.enrich.Article;
import org.dateline.index.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, done-means 1, on the shared corpus's real non-English items (the Chinese, Portuguese
 * and German feeds of {@code feeds-rss-atom}, the German dpa wire items of {@code newsml-nitf}, and
 * the Japanese, Russian, Arabic, Korean and other pages of {@code html-news-articlebench}), indexed
 * through the real readers: every word of each stored article (title and text) finds it by itself
 * and, with the next word, as a phrase; where the article's language has a stemmer, each word that
 * the corpus also prints in another form (the same stem in that language) is found through that
 * other form, while the phrase with the other form does not find it. Words are what a reader would
 * type: the text split at white space, the punctuation around each word left off, and a run of
 * Chinese or Japanese split into the words ICU's dictionary finds. Skips when {@code ../shared} is
 * absent.
 */
class CorpusLanguagesIT {

  @TempDir static Path dir;
  static DirectoryReader reader;
  static IndexSearcher searcher;
  static List<Article> articles;

  @BeforeAll
  static void indexCorpus() throws IOException {
    Path feeds = TestIndexes.sharedCorpus("feeds-rss-atom");
    Path wire = TestIndexes.sharedCorpus("newsml-nitf");
    Path pages = TestIndexes.sharedCorpus("html-news-articlebench");
    assumeTrue(feeds != null && wire != null && pages != null, "../shared/corpus is absent");
    TestIndexes.index(dir, false, feeds, wire, pages);
    articles =
        TestIndexes.storedArticles(dir).stream()
            .filter(a -> a.language() != null && !a.language().equals("en"))
            .toList();
    reader = DirectoryReader.open(FSDirectory.open(dir));
    searcher = new IndexSearcher(reader);
  }

  @AfterAll
  static void close() throws IOException {
    if (reader != null) {
      reader.close();
    }
  }

  @Test
  void theCorpusHoldsTheLanguagesThisTestIsAbout() {
    Map<String, Long> byLanguage =
        articles.stream()
            .collect(Collectors.groupingBy(Article::language, TreeMap::new, Collectors.counting()));
    System.out.println("non-English articles by language: " + byLanguage);
    assertTrue(byLanguage.getOrDefault("zh", 0L) >= 10, byLanguage.toString());
    assertTrue(byLanguage.getOrDefault("pt", 0L) >= 20, byLanguage.toString());
    assertTrue(byLanguage.getOrDefault("de", 0L) >= 100, byLanguage.toString());
    assertTrue(byLanguage.getOrDefault("ja", 0L) >= 1, byLanguage.toString());
  }

  @Test
  void everyWordFindsItsArticleByItselfAndAsAPhraseWithTheNext() throws IOException {
    List<String> missed = new ArrayList<>();
    int words = 0;
    int phrases = 0;
    for (Article a : articles) {
      for (String text : List.of(a.title(), a.text())) {
        List<String> typed = typedWords(text);
        Set<String> checked = new LinkedHashSet<>();
        for (String w : typed) {
          for (String single : withDictionaryWords(w)) {
            if (checked.add(single)) {
              words++;
              if (!finds(QueryParser.escape(single), a)) {
                missed.add(a.language() + " word " + single + " (" + a.path() + ")");
              }
            }
          }
        }
        for (int i = 0; i + 1 < typed.size(); i++) {
          String q = phrase(typed.get(i), typed.get(i + 1));
          if (checked.add(q)) {
            phrases++;
            if (!finds(q, a)) {
              missed.add(a.language() + " phrase " + q + " (" + a.path() + ")");
            }
          }
        }
      }
    }
    System.out.printf(
        "words checked %d, phrases checked %d, missed %d%n", words, phrases, missed.size());
    assertEquals(List.of(), missed.stream().limit(40).toList(), missed.size() + " missed");
    assertTrue(words > 10_000 && phrases > 10_000, words + " words, " + phrases + " phrases");
  }

  @Test
  void aWordFindsItsOtherFormsAndAPhraseWithAnotherFormDoesNot() throws IOException {
    // language -> stem -> the forms the corpus prints
    Map<String, Map<String, Set<String>>> formsByStem = new HashMap<>();
    Map<Article, List<Terms>> termsOf = new HashMap<>();
    for (Article a : articles) {
      if (!Schema.hasStemmer(a.language())) {
        continue;
      }
      List<Terms> fields = List.of(terms(a.title()), terms(a.text()));
      termsOf.put(a, fields);
      Map<String, Set<String>> forms =
          formsByStem.computeIfAbsent(a.language(), k -> new HashMap<>());
      for (Terms field : fields) {
        for (String t : field.single()) {
          String stem = stem(a.language(), t);
          if (stem != null) {
            forms.computeIfAbsent(stem, k -> new TreeSet<>()).add(t);
          }
        }
      }
    }
    List<String> missed = new ArrayList<>();
    Map<String, Integer> probes = new TreeMap<>();
    for (Map.Entry<Article, List<Terms>> e : termsOf.entrySet()) {
      Article a = e.getKey();
      Set<String> own = new HashSet<>();
      e.getValue().forEach(f -> own.addAll(f.all()));
      Set<String> done = new HashSet<>();
      for (Terms field : e.getValue()) {
        List<String> terms = field.single();
        for (int i = 1; i < terms.size(); i++) {
          String t = terms.get(i);
          String prev = terms.get(i - 1);
          String stem = stem(a.language(), t);
          if (stem == null || prev == null || !done.add(t)) {
            continue;
          }
          String other =
              formsByStem.get(a.language()).get(stem).stream()
                  .filter(f -> !own.contains(f))
                  .findFirst()
                  .orElse(null);
          if (other == null) {
            continue;
          }
          probes.merge(a.language(), 1, Integer::sum);
          if (!finds(QueryParser.escape(other), a)) {
            missed.add(a.language() + " " + other + " for " + t + " (" + a.path() + ")");
          }
          if (!finds(phrase(prev, t), a)) {
            missed.add(a.language() + " exact " + phrase(prev, t) + " (" + a.path() + ")");
          }
          if (finds(phrase(prev, other), a)) {
            missed.add(a.language() + " inflected " + phrase(prev, other) + " (" + a.path() + ")");
          }
        }
      }
    }
    System.out.println("inflection probes by language: " + probes + ", missed " + missed);
    assertEquals(List.of(), missed.stream().limit(40).toList(), missed.size() + " missed");
    assertTrue(probes.getOrDefault("de", 0) >= 500, probes.toString());
    assertTrue(probes.getOrDefault("pt", 0) >= 50, probes.toString());
  }

  /** Whether the production query parser's query for {@code q} matches article {@code a}. */
  private static boolean finds(String q, Article a) throws IOException {
    Query parsed;
    try {
      parsed = QueryFactory.parse(q);
    } catch (BadRequestException e) {
      System.out.println("refused: " + q + ": " + e.getMessage());
      return false;
    }
    Query query =
        new BooleanQuery.Builder()
            .add(parsed, BooleanClause.Occur.MUST)
            .add(new TermQuery(new Term(Schema.ID, a.id())), BooleanClause.Occur.FILTER)
            .build();
    try {
      return searcher.count(query) == 1;
    } catch (IndexSearcher.TooManyClauses e) {
      System.out.println("too many clauses: " + q);
      return false;
    }
  }

  private static String phrase(String... words) {
    return "\""
        + Arrays.stream(words).map(QueryParser::escape).collect(Collectors.joining(" "))
        + "\"";
  }

  /** The text split at white space, the punctuation and symbols around each word left off. */
  static List<String> typedWords(String text) {
    List<String> out = new ArrayList<>();
    for (String w : text.split("[\\s\\p{Z}]+")) {
      String bare = w.replaceAll("^[\\p{P}\\p{S}]+|[\\p{P}\\p{S}]+$", "");
      if (bare.codePoints().anyMatch(Character::isLetterOrDigit)) {
        out.add(bare);
      }
    }
    return out;
  }

  /** The word, and when it holds Chinese or Japanese, each dictionary word of it too. */
  private static List<String> withDictionaryWords(String word) {
    if (word.codePoints().noneMatch(CorpusLanguagesIT::unspaced)) {
      return List.of(word);
    }
    List<String> out = new ArrayList<>();
    out.add(word);
    BreakIterator words = BreakIterator.getWordInstance(ULocale.ROOT);
    words.setText(word);
    int start = words.first();
    for (int end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
      String w = word.substring(start, end);
      if (w.codePoints().anyMatch(Character::isLetterOrDigit)) {
        out.add(w);
      }
    }
    return out;
  }

  private static boolean unspaced(int cp) {
    return switch (Character.UnicodeScript.of(cp)) {
      case HAN, HIRAGANA, KATAKANA, THAI, LAO, KHMER, MYANMAR -> true;
      default -> false;
    };
  }

  /**
   * One field's exact terms: {@code single} has one entry per position, null where the position
   * holds more than one term (a word and its parts) or one that is not three letters or more;
   * {@code all} is every term.
   */
  record Terms(List<String> single, Set<String> all) {}

  private static Terms terms(String text) throws IOException {
    List<String> single = new ArrayList<>();
    Set<String> all = new HashSet<>();
    try (TokenStream ts = Schema.indexAnalyzer().tokenStream(Schema.BODY, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        String t = term.toString();
        all.add(t);
        if (inc.getPositionIncrement() == 0 && !single.isEmpty()) {
          single.set(single.size() - 1, null);
        } else {
          single.add(t.length() >= 3 && t.codePoints().allMatch(Character::isLetter) ? t : null);
        }
      }
      ts.end();
    }
    return new Terms(single, all);
  }

  /** The stem {@code language}'s stem field writes for the single word {@code term}, or null. */
  private static String stem(String language, String term) throws IOException {
    if (term == null) {
      return null;
    }
    List<String> stems = new ArrayList<>(1);
    try (TokenStream ts = Schema.stemAnalyzer(language).tokenStream(Schema.BODY_STEM, term)) {
      CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        stems.add(t.toString());
      }
      ts.end();
    }
    return stems.size() == 1 ? stems.get(0) : null;
  }
}
