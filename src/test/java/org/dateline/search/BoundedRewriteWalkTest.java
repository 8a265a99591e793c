package org.dateline.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which parsed queries walk a term dictionary when rewritten: only those are rewritten on the
 * time-limited wrapper of the reader ({@link BoundedRewrite}); the others skip the wrapper.
 */
class BoundedRewriteWalkTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "oil",
        "body:(oil prices)",
        "\"oil prices\"",
        "\"terms sale\"~2",
        "(recent OR america) AND leveraged",
        "japanese NOT able",
        "title:opec^2 body:oil",
        "*"
      })
  void termsAndPhrasesDoNotWalk(String query) {
    assertFalse(BoundedRewrite.walksTerms(QueryFactory.parse(query)), query);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "tonn*",
        "body:(tonne*)",
        "analysts~2",
        "te?t",
        "/ban[kd]s/",
        "oil AND (price OR pric*)",
        "\"oil prices\" OR gas~1",
        "title:[a TO c]",
        "(oil^2 OR gas*)^3"
      })
  void multiTermQueriesWalk(String query) {
    assertTrue(BoundedRewrite.walksTerms(QueryFactory.parse(query)), query);
  }
}
