package org.dateline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.automaton.RegExp;
import org.dateline.TestIndexes;
import org.dateline.config.Limits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bounds on query shape and rewriting (issue 14): each refuses what it must, names its limit,
 * and lets through what is within it, on the seed articles' real index.
 */
class QueryBoundsTest {

  @TempDir static Path dir;
  static SearchService search;

  @BeforeAll
  static void open() throws IOException {
    search = TestIndexes.seedsSearch(dir);
  }

  @AfterAll
  static void close() throws IOException {
    search.close();
  }

  @Test
  void theStateEstimateCountsRepeatsAsCopiesAndIntersectionsAsProducts() {
    assertEquals(2, QueryShape.states(new RegExp("[a-z]", RegExp.ALL)));
    assertEquals(2_000, QueryShape.states(new RegExp("[a-z]{1,1000}", RegExp.ALL)));
    assertEquals(2_000_000, QueryShape.states(new RegExp("[a-z]{1,1000}{1,1000}", RegExp.ALL)));
    assertEquals(6, QueryShape.states(new RegExp("abcde", RegExp.ALL)));
    assertEquals(18, QueryShape.states(new RegExp("abcde&[a-z]*", RegExp.ALL)));
    // Saturates instead of overflowing: 1000^7 copies.
    long huge =
        QueryShape.states(
            new RegExp("((((((a{1000}){1000}){1000}){1000}){1000}){1000}){1000}", RegExp.ALL));
    assertTrue(huge > Integer.MAX_VALUE, Long.toString(huge));
  }

  @Test
  void regexpsFuzzyTermsAndNestingAreRefusedOverTheirLimitsAndRunUnder() {
    Limits small = Limits.defaults().withQueryShape(4, 20, 100);
    assertEquals(
        "the regular expression /a{1,60}/ would build an automaton of about 120 states;"
            + " the limit is 100: use smaller repeat counts {n,m} or fewer nested repeats",
        refused("/a{1,60}/", small));
    assertTrue(QueryFactory.parse("/a{1,40}/", small) != null);
    assertEquals(
        "the regular expression /" + "ab".repeat(11) + "/ has 22 characters; the limit" + " is 20",
        refused("/" + "ab".repeat(11) + "/", small));
    assertEquals(
        "the fuzzy term 'baghuzbaghuz~2' would build an automaton of about 325 states;"
            + " the limit is 100: shorten it",
        refused("baghuzbaghuz~2", small));
    QueryFactory.parse("bag~1", small);
    assertEquals(
        "the query nests 5 levels deep; the limit is 4: remove parentheses that group a single clause, or split the query",
        refused("(a (a (a (a (a b)))))", small));
    // Parentheses in a phrase or escaped are text, not nesting.
    QueryFactory.parse("\"((((((\" OR \\(\\(\\(\\(\\(\\(x", small);
    // Four levels of real grouping are within a limit of four.
    Query four = QueryFactory.parse("(a OR (b AND (c OR (d AND e))))", small);
    assertTrue(four instanceof BooleanQuery, four.toString());
  }

  private static String refused(String query, Limits limits) {
    return assertThrows(LimitExceededException.class, () -> QueryFactory.parse(query, limits))
        .getMessage();
  }

  @Test
  void rewritingStopsAtTheDeadline() throws IOException {
    // 400 wildcards that match nothing: each walks the whole term dictionary.
    String query =
        IntStream.range(0, 400)
            .mapToObj(i -> String.format(Locale.ROOT, "*qx%dz*", i))
            .collect(Collectors.joining(" OR "));
    Query parsed = QueryFactory.parse(query);
    search.withSearcher(
        s -> {
          LimitExceededException e =
              assertThrows(
                  LimitExceededException.class,
                  () -> BoundedRewrite.rewrite(s, parsed, Deadline.in(1)));
          assertTrue(
              e.getMessage().startsWith("the search took longer than its time limit of 1 ms"),
              e.getMessage());
          // Within a generous limit the same query rewrites to nothing to match.
          Query rewritten = BoundedRewrite.rewrite(s, parsed, Deadline.in(60_000));
          assertEquals(0, s.count(rewritten));
          return null;
        });
  }
}
