package org.dateline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dateline.TestIndexes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two faults the shared corpus's German wire items showed (CorpusLanguagesIT): a dash standing
 * alone between words left an empty position, so "dpa der" was no phrase of "Berlin (dpa) - Der
 * Euro"; and a word the chain splits into three parts or more ("Open-Source-Projekte",
 * "29.06.2017") was refused with every language's stems stacked on each part (more than 1,024
 * clauses).
 */
class WordPartsSearchTest {

  @TempDir static Path dir;
  static SearchService search;

  @BeforeAll
  static void index() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(
        in.resolve("euro.txt"),
        "Euro steigt\n\nFrankfurt/Main (dpa) - Der Euro hat am 29.06.2017 zugelegt. Mehrere"
            + " Open-Source-Projekte – so die Börse – meldeten Gewinne.");
    Files.writeString(in.resolve("euro.txt.meta.json"), "{\"language\": \"de\"}");
    TestIndexes.index(dir.resolve("index"), false, in);
    search = SearchService.readOnly(dir.resolve("index"));
  }

  @AfterAll
  static void close() throws IOException {
    search.close();
  }

  private static long hits(String q) throws IOException {
    return search.search(SearchRequest.of(q)).total();
  }

  @Test
  void aDashAloneIsNoGapInAPhrase() throws IOException {
    for (String q :
        List.of("\"dpa der\"", "\"dpa - der\"", "\"projekte so\"", "\"börse meldeten\"")) {
      assertEquals(1, hits(q), q);
    }
    assertEquals(0, hits("\"dpa euro\""), "the words between still count");
  }

  @Test
  void aWordOfManyPartsIsSearchedWithoutRefusal() throws IOException {
    for (String q :
        List.of("Open-Source-Projekte", "29.06.2017", "open-source-projekte meldeten", "Projekt")) {
      assertEquals(1, hits(q), q);
    }
    // unquoted, each part also finds its inflections in one language at a time (StemQueries);
    // quoted, the parts are searched exactly
    assertEquals(1, hits("Open-Source-Projekt"));
    assertEquals(0, hits("\"Open-Source-Projekt\""));
  }
}
