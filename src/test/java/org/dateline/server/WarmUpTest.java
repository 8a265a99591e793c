package org.dateline.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import org.dateline.TestIndexes;
import org.dateline.config.Limits;
import org.dateline.search.SearchService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up warm-up runs one search drawn from the archive, without an error. */
class WarmUpTest {

  @Test
  void runsOneSearchOfAWordOfTheArchive(@TempDir Path dir) throws Exception {
    TestIndexes.index(dir, false, TestIndexes.SEEDS);
    try (SearchService search = SearchService.openingReadOnly(dir, Limits.defaults(), 250)) {
      WarmUp warmUp = WarmUp.start(search);
      // one search: the longest word of the last title
      assertEquals(1, warmUp.awaitSearches(Duration.ofMinutes(2)));
    }
  }

  @Test
  void endsQuietlyOnAnIndexThatDoesNotOpen(@TempDir Path dir) throws Exception {
    try (SearchService search = SearchService.openingReadOnly(dir, Limits.defaults(), 250)) {
      WarmUp warmUp = WarmUp.start(search);
      assertEquals(0, warmUp.awaitSearches(Duration.ofMinutes(1)));
    }
  }
}
