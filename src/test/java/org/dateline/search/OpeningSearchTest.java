package org.dateline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.dateline.TestIndexes;
import org.dateline.config.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service whose index opens on a thread of its own ({@code serve} starts its HTTP server
 * meanwhile) answers as one opened before it returned, and a failed open is every search's error.
 */
class OpeningSearchTest {

  @Test
  void answersAsAServiceOpenedBeforehand(@TempDir Path dir) throws IOException {
    TestIndexes.index(dir, false, TestIndexes.SEEDS);
    SearchResponse opened;
    try (SearchService search = SearchService.readOnly(dir)) {
      opened = search.search(SearchRequest.of("government"));
    }
    try (SearchService search = SearchService.openingReadOnly(dir, Limits.defaults(), 250)) {
      SearchResponse opening = search.search(SearchRequest.of("government"));
      search.awaitOpen();
      assertTrue(opened.total() > 0, "the seeds hold the word");
      assertEquals(opened.total(), opening.total());
      assertEquals(
          opened.hits().stream().map(Hit::id).toList(),
          opening.hits().stream().map(Hit::id).toList());
      assertEquals(opened.facets(), opening.facets());
    }
  }

  @Test
  void aFolderWithoutAnIndexFailsEverySearch(@TempDir Path dir) throws IOException {
    try (SearchService search = SearchService.openingReadOnly(dir, Limits.defaults(), 250)) {
      assertThrows(IOException.class, search::awaitOpen);
      assertThrows(IOException.class, () -> search.search(SearchRequest.of("government")));
      assertThrows(IOException.class, search::stats);
    }
  }
}
