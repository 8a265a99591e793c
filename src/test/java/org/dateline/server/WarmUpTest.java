package org.dateline.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ser.DefaultSerializerProvider;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.dateline.TestIndexes;
import org.dateline.config.Config;
import org.dateline.config.Limits;
import org.dateline.index.Schema;
import org.dateline.search.SearchRequest;
import org.dateline.search.SearchResponse;
import org.dateline.search.SearchService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up warm-up: a first search drawn from the archive, then a round of its commonest words
 * alone, filtered by a facet and within a month, without an error.
 */
class WarmUpTest {

  private static final String ROUNDS = "dateline.warmup.rounds";

  private static final String BEFORE_PORT = "dateline.warmup.before-port-ms";

  /**
   * No searches before a port unless a test asks for them: a test JVM younger than the time the
   * port may stay closed would otherwise run them.
   */
  @BeforeEach
  void noSearchesBeforeThePort() {
    System.setProperty(BEFORE_PORT, "0");
  }

  @AfterEach
  void clearBeforePort() {
    System.clearProperty(BEFORE_PORT);
  }

  /**
   * The round the warm-up runs on {@code search}: made from its commonest words and the facets of
   * its own first search (a word of the last article's title: which article is last depends on the
   * order two ingest threads wrote them).
   */
  private static List<SearchRequest> warmUpRound(SearchService search) throws Exception {
    List<String> words = WarmUp.commonestWords(search, WarmUp.COMMON_WORDS);
    SearchResponse first = search.search(SearchRequest.of(WarmUp.titleWords(search).get(0)));
    return WarmUp.round(words, first);
  }

  @Test
  void keepsThePortClosedUntilItsSearchesBeforeItAreOver(@TempDir Path dir) throws Exception {
    TestIndexes.index(dir, false, TestIndexes.SEEDS);
    try (SearchService search = SearchService.openingReadOnly(dir, Limits.defaults(), 250)) {
      int round = warmUpRound(search).size();
      // time enough: the port may open once the first search and a round of the commonest words
      // (no rounds asked for after it) are over
      WarmUp warmUp = WarmUp.start(search, ApiServer.serverMapper(), Duration.ofMinutes(2));
      warmUp.awaitBeforePort();
      assertEquals(1 + round, warmUp.awaitSearches(Duration.ZERO));
      assertEquals(1 + round, warmUp.awaitSearches(Duration.ofMinutes(2)));
      // no time: the first search alone, and the port is not held for it
      WarmUp late = WarmUp.start(search, ApiServer.serverMapper(), Duration.ZERO);
      late.awaitBeforePort();
      assertEquals(1, late.awaitSearches(Duration.ofMinutes(2)));
    }
  }

  @Test
  void runsTheFirstSearchThenARoundOfTheCommonestWords(@TempDir Path dir) throws Exception {
    TestIndexes.index(dir, false, TestIndexes.SEEDS);
    try (SearchService search = SearchService.openingReadOnly(dir, Limits.defaults(), 250)) {
      List<SearchRequest> round = warmUpRound(search);
      System.setProperty(ROUNDS, "1");
      try {
        WarmUp warmUp = WarmUp.start(search);
        // the first search, then one round
        assertEquals(1 + round.size(), warmUp.awaitSearches(Duration.ofMinutes(2)));
      } finally {
        System.clearProperty(ROUNDS);
      }
    }
  }

  @Test
  void runsOnlyTheFirstSearchUnlessAskedForRounds(@TempDir Path dir) throws Exception {
    TestIndexes.index(dir, false, TestIndexes.SEEDS);
    try (SearchService search = SearchService.openingReadOnly(dir, Limits.defaults(), 250)) {
      WarmUp warmUp = WarmUp.start(search);
      assertEquals(1, warmUp.awaitSearches(Duration.ofMinutes(2)));
    }
  }

  @Test
  void theCommonestWordsAreInMoreArticlesThanAnyOtherWord(@TempDir Path dir) throws Exception {
    TestIndexes.index(dir, false, TestIndexes.SEEDS);
    try (SearchService search = SearchService.openingReadOnly(dir, Limits.defaults(), 250)) {
      search.awaitOpen();
      List<String> words = WarmUp.commonestWords(search, WarmUp.COMMON_WORDS);
      assertEquals(WarmUp.COMMON_WORDS, words.size());
      // every body word of three letters or more and its number of articles, over the archive
      Map<String, Integer> df =
          search.withSearcher(
              s -> {
                Map<String, Integer> counts = new HashMap<>();
                for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                  Terms terms = leaf.reader().terms(Schema.BODY);
                  TermsEnum te = terms.iterator();
                  for (BytesRef t = te.next(); t != null; t = te.next()) {
                    String w = t.utf8ToString();
                    if (w.length() >= 3 && w.chars().allMatch(Character::isLetter)) {
                      counts.merge(w, te.docFreq(), Integer::sum);
                    }
                  }
                }
                return counts;
              });
      int chosenLeast = words.stream().mapToInt(df::get).min().orElseThrow();
      int othersMost =
          df.entrySet().stream()
              .filter(e -> !words.contains(e.getKey()))
              .mapToInt(Map.Entry::getValue)
              .max()
              .orElseThrow();
      assertTrue(chosenLeast >= othersMost, words + " against " + othersMost);
      for (int i = 1; i < words.size(); i++) {
        assertTrue(df.get(words.get(i - 1)) >= df.get(words.get(i)), "commonest first: " + words);
      }
      // each word alone, filtered by a facet's top value, within the busiest month; then two more
      SearchResponse first = search.search(SearchRequest.of(words.get(0)));
      List<SearchRequest> round = WarmUp.round(words, first);
      assertTrue(round.size() > 3 * words.size() + 2, "and the other kinds: " + round.size());
      SearchRequest filtered = round.get(1);
      assertFalse(filtered.filters().isEmpty());
      assertTrue(search.search(filtered).total() > 0, "the filter's value is the archive's");
      SearchRequest dated = round.get(2);
      assertTrue(dated.from() != null && dated.to() != null);
      assertTrue(search.search(dated).total() > 0, "the busiest month holds the word");
    }
  }

  @Test
  void aRoundAlsoRunsTheOtherKindsOfSearchAUserSends(@TempDir Path dir) throws Exception {
    TestIndexes.index(dir, false, TestIndexes.SEEDS);
    try (SearchService search = SearchService.openingReadOnly(dir, Limits.defaults(), 250)) {
      search.awaitOpen();
      List<String> words = WarmUp.commonestWords(search, WarmUp.COMMON_WORDS);
      SearchResponse first = search.search(SearchRequest.of(words.get(0)));
      List<SearchRequest> round = WarmUp.round(words, first);
      List<String> queries = round.stream().map(SearchRequest::query).toList();
      String a = words.get(0);
      String b = words.get(1);
      // proximity, OR, AND NOT, wildcards at the end, the start and within, fuzzy terms
      for (String kind :
          List.of("\"" + a + " " + b + "\"~5", a + " OR " + b, a + " AND NOT " + b, b + "~2")) {
        assertTrue(queries.contains(kind), kind + " missing from " + queries);
      }
      assertTrue(
          queries.stream().anyMatch(q -> q.length() > 1 && q.endsWith("*")), queries.toString());
      assertTrue(
          queries.stream().anyMatch(q -> q.length() > 1 && q.startsWith("*")), queries.toString());
      assertTrue(queries.stream().anyMatch(q -> q.contains("?")), queries.toString());
      assertTrue(queries.stream().anyMatch(q -> q.endsWith("~1")), queries.toString());
      // two facet filters; every article with one
      assertTrue(round.stream().anyMatch(r -> r.filters().size() == 2), round.toString());
      assertTrue(
          round.stream().anyMatch(r -> r.query().equals("*") && r.filters().size() == 1),
          round.toString());
      // the single-word kinds, OR, and a filter alone find articles (a phrase or a proximity of
      // the two commonest words, AND NOT and two top values need not)
      for (SearchRequest r : round) {
        String q = r.query();
        boolean oneWord = !q.contains(" ") && !q.contains("\"") && r.filters().size() < 2;
        if (oneWord || q.contains(" OR ")) {
          assertTrue(search.search(r).total() > 0, "no article for " + r);
        }
      }
    }
  }

  @Test
  void writesItsFirstAnswerThroughTheServersMapper(@TempDir Path dir) throws Exception {
    TestIndexes.index(dir, false, TestIndexes.SEEDS);
    try (SearchService search = SearchService.openingReadOnly(dir, Limits.defaults(), 250)) {
      // the mapper a server answers with is the one the warm-up writes through
      Javalin app = ApiServer.create(search, Config.defaults().withIndexDir(dir));
      ObjectMapper served = ((JavalinJackson) app.unsafe.jsonMapper.getValue()).getMapper();
      assertSame(ApiServer.serverMapper(), served);
      WarmUp warmUp = WarmUp.start(search);
      assertSame(served, warmUp.mapper());
      assertEquals(1, warmUp.awaitSearches(Duration.ofMinutes(2)));
      // and the warm-up's answer leaves its serializers in the mapper it writes through
      ObjectMapper fresh = ApiServer.jsonMapper();
      assertEquals(0, cachedSerializers(fresh));
      WarmUp.start(search, fresh).awaitSearches(Duration.ofMinutes(2));
      assertTrue(cachedSerializers(fresh) > 5, "serializers built: " + cachedSerializers(fresh));
    }
  }

  private static int cachedSerializers(ObjectMapper mapper) {
    return ((DefaultSerializerProvider) mapper.getSerializerProvider()).cachedSerializersCount();
  }

  @Test
  void endsQuietlyOnAnIndexThatDoesNotOpen(@TempDir Path dir) throws Exception {
    try (SearchService search = SearchService.openingReadOnly(dir, Limits.defaults(), 250)) {
      WarmUp warmUp = WarmUp.start(search);
      assertEquals(0, warmUp.awaitSearches(Duration.ofMinutes(1)));
    }
  }
}
