package org.dateline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.dateline.TestIndexes;
import org.dateline.pipeline.IngestReport;
import org.dateline.search.kwic.KwicLine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, done-means 1, on short articles written for it in 17 languages and scripts
 * (src/test/resources/org/dateline/languages): every word found by itself and in a phrase,
 * inflections found where the language has a stemmer, an exact phrase never matching an inflected
 * form, and each script's foldings.
 */
class LanguagesSearchTest {

  @TempDir static Path dir;
  static SearchService search;
  static List<Fixture> articles;

  /** One article: its file, language, inflection probe, words to check, and text. */
  record Fixture(String file, String language, String probe, List<String> words, String text) {

    /** The words to search for: the listed ones, or every space-separated word. */
    List<String> searchWords() {
      if (!words.isEmpty()) {
        return words;
      }
      return Arrays.stream(text.split("\\s+")).map(LanguagesSearchTest::bare).toList();
    }
  }

  @BeforeAll
  static void indexArticles() throws IOException {
    articles = readArticles();
    Path in = Files.createDirectories(dir.resolve("in"));
    for (Fixture a : articles) {
      Files.writeString(in.resolve(a.file()), a.text());
      Files.writeString(
          in.resolve(a.file() + ".meta.json"), "{\"language\": \"" + a.language() + "\"}");
    }
    IngestReport report = TestIndexes.index(dir.resolve("index"), false, in);
    assertEquals(articles.size(), report.articlesWritten());
    search = SearchService.readOnly(dir.resolve("index"));
  }

  @AfterAll
  static void close() throws IOException {
    search.close();
  }

  private static List<Fixture> readArticles() throws IOException {
    List<Fixture> out = new ArrayList<>();
    for (String[] row : rows("articles.tsv")) {
      List<String> words = row[2].equals("-") ? List.of() : List.of(row[2].split(","));
      out.add(new Fixture("a" + (out.size() + 10) + ".txt", row[0], row[1], words, row[3]));
    }
    return out;
  }

  private static List<String[]> rows(String name) throws IOException {
    try (InputStream in =
            LanguagesSearchTest.class.getResourceAsStream("/org/dateline/languages/" + name);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return r.lines()
          .filter(l -> !l.startsWith("#") && !l.isBlank())
          .map(l -> l.split("\t"))
          .toList();
    }
  }

  /** A word without the punctuation around it. */
  static String bare(String word) {
    return word.replaceAll("^[\\p{P}\\p{S}]+|[\\p{P}\\p{S}]+$", "");
  }

  private static SearchResponse run(String q) throws IOException {
    return search.search(
        new SearchRequest(q, Map.of(), null, null, SortOrder.RELEVANCE, 1, 100, null, 3, 0));
  }

  private static Set<String> files(String q) throws IOException {
    return run(q).hits().stream()
        .map(h -> Path.of(h.path()).getFileName().toString())
        .collect(Collectors.toSet());
  }

  private static String phrase(String... words) {
    return "\""
        + Arrays.stream(words).map(QueryParser::escape).collect(Collectors.joining(" "))
        + "\"";
  }

  @Test
  void everyArticleLanguageIsCovered() {
    Set<String> languages = articles.stream().map(Fixture::language).collect(Collectors.toSet());
    assertEquals(
        Set.of(
            "en", "fr", "de", "es", "pt", "it", "nl", "ru", "ar", "zh", "ja", "th", "ko", "el",
            "he", "fa"),
        languages);
    for (String lang : languages) {
      assertTrue(
          articles.stream().filter(a -> a.language().equals(lang)).count() >= 3,
          lang + " has at least 3 articles");
    }
  }

  @Test
  void everyWordFindsItsArticle() throws IOException {
    List<String> missed = new ArrayList<>();
    for (Fixture a : articles) {
      for (String word : a.searchWords()) {
        if (!word.isEmpty() && !files(QueryParser.escape(word)).contains(a.file())) {
          missed.add(a.language() + " " + word);
        }
      }
    }
    assertEquals(List.of(), missed);
  }

  @Test
  void everyPairOfWordsFindsItsArticleAsAPhrase() throws IOException {
    List<String> missed = new ArrayList<>();
    for (Fixture a : articles) {
      List<String> words = a.searchWords();
      for (int i = 0; i + 1 < words.size(); i++) {
        String q =
            a.words().isEmpty() ? phrase(words.get(i), words.get(i + 1)) : phrase(words.get(i));
        if (!files(q).contains(a.file())) {
          missed.add(a.language() + " " + q);
        }
      }
    }
    assertEquals(List.of(), missed);
  }

  @Test
  void aPlainWordFindsItsInflectionsAndAPhraseStaysExact() throws IOException {
    int probes = 0;
    for (Fixture a : articles) {
      if (a.probe().equals("-")) {
        continue;
      }
      probes++;
      String query = a.probe().split(">")[0];
      String present = a.probe().split(">")[1];
      List<String> words = a.searchWords();
      int at = words.indexOf(present);
      assertTrue(at > 0, a.language() + ": '" + present + "' follows another word in the text");
      assertFalse(words.contains(query), query + " is not a word of the text");

      SearchResponse plain = run(query);
      Hit hit =
          plain.hits().stream()
              .filter(h -> h.path().endsWith("/" + a.file()))
              .findFirst()
              .orElseThrow(() -> new AssertionError(a.language() + ": " + query + " missed"));
      KwicLine line = hit.kwic().get(0);
      assertEquals(present, line.match(), a.language() + ": KWIC marks the inflected form");
      assertEquals(present, a.text().substring(line.offset(), line.offset() + present.length()));

      String exactPhrase = phrase(words.get(at - 1), present);
      String inflectedPhrase = phrase(words.get(at - 1), query);
      assertTrue(files(exactPhrase).contains(a.file()), exactPhrase);
      assertFalse(files(inflectedPhrase).contains(a.file()), inflectedPhrase + " is exact");
    }
    assertEquals(28, probes);
  }

  @Test
  void eachScriptFoldsTheWayReadersType() throws IOException {
    List<String> missed = new ArrayList<>();
    for (String[] row : rows("foldings.tsv")) {
      String query = row[0];
      String present = row[1];
      Fixture a =
          articles.stream()
              .filter(f -> f.text().contains(present))
              .findFirst()
              .orElseThrow(() -> new AssertionError(present + " is in no article"));
      if (!files(QueryParser.escape(query)).contains(a.file())) {
        missed.add(query + " (" + row[2] + ")");
      }
    }
    assertEquals(List.of(), missed);
  }
}
