package org.dateline.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.dateline.TestIndexes;
import org.dateline.ingest.SourceDoc;
import org.dateline.ingest.TikaReader;
import org.junit.jupiter.api.Test;

/**
 * The shared corpus's data files, read by real Tika, are blanked for recognition; its news keeps
 * every character (skipped where ../shared is absent).
 */
class ProseOnlyFilesTest {

  private final TikaReader reader = new TikaReader(10_000_000);

  private String text(String corpus, String relative) throws Exception {
    Path file = TestIndexes.sharedOrSkip(corpus, relative);
    try (InputStream in = Files.newInputStream(file)) {
      Metadata md = new Metadata();
      md.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
      List<SourceDoc> docs = reader.read(in, md);
      assertEquals(1, docs.size());
      return docs.get(0).text();
    }
  }

  private void assertAllBlanked(String text) {
    String masked = ProseOnly.masked(text);
    assertEquals(text.length(), masked.length());
    assertTrue(masked.isBlank(), () -> "left: " + masked.strip().lines().limit(3).toList());
  }

  @Test
  void annotationColumnsAreBlankedWhole() throws Exception {
    String conll = text("conll2003-ner", "eng.testa");
    assertTrue(conll.contains("I-ORG"));
    assertAllBlanked(conll);
    // CoNLL-U: its "# text = ..." comment lines go with the columns
    String conllu = text("gum-wikinews-ner", "dep/GUM_news_korea.conllu");
    assertTrue(conllu.contains("# text = North Korea puts military"));
    assertAllBlanked(conllu);
  }

  @Test
  void codeListsAndPrologFactsAreBlankedWhole() throws Exception {
    String places = text("reuters21578", "other-data/all-places-strings.lc.txt");
    assertTrue(places.contains("afghanistan"));
    assertAllBlanked(places);
    assertAllBlanked(text("reuters21578", "other-data/feldman-cia-worldfactbook-data.txt"));
  }

  @Test
  void notesWithCodeListsKeepTheirProse() throws Exception {
    String notes = text("reuters21578", "other-data/cat-descriptions_120396.txt");
    String masked = ProseOnly.masked(notes);
    assertTrue(notes.contains("CASTOR-MEAL"));
    assertFalse(masked.contains("CASTOR-MEAL"));
    assertTrue(
        masked.contains("The letter W. Bruce Croft received from Phil Hayes (March 9, 1990)"));
    assertTrue(masked.contains("Hong Kong Dollar (HK)"));
  }

  @Test
  void newsWithLineUpsAndListsIsKept() throws Exception {
    for (String story : List.of("sport/104.txt", "sport/106.txt", "entertainment/368.txt")) {
      String text = text("bbc-news", story);
      assertEquals(text, ProseOnly.masked(text), story);
    }
  }
}
