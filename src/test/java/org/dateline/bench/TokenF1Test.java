package org.dateline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TokenF1Test {

  @Test
  void identicalTextsScoreOne() {
    assertEquals(1.0, TokenF1.of("Hello, World!", "hello world").f1(), 1e-9);
  }

  @Test
  void multisetOverlapCountsRepeatsOnce() {
    // extracted "a a b" (3 tokens) vs expected "a b c d" (4): overlap {a, b} = 2
    TokenF1 s = TokenF1.of("a a b", "a-b c d");
    assertEquals(2.0 / 3, s.precision(), 1e-9);
    assertEquals(2.0 / 4, s.recall(), 1e-9);
    assertEquals(2 * (2.0 / 3) * 0.5 / (2.0 / 3 + 0.5), s.f1(), 1e-9);
  }

  @Test
  void emptyExtractionScoresZero() {
    assertEquals(0.0, TokenF1.of("", "some text").f1());
    assertEquals(0.0, TokenF1.of(null, "some text").f1());
  }

  @Test
  void nonLatinLettersAndDigitsAreTokens() {
    assertEquals(1.0, TokenF1.of("Диета 14 дней", "диета—14—ДНЕЙ").f1(), 1e-9);
  }
}
