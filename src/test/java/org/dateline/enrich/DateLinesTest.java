package org.dateline.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.dateline.enrich.entities.EntityExtractor;
import org.dateline.ingest.PlainTextReader;
import org.dateline.ingest.SourceDoc;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** A date is taken from the text only where outlets print publication dates. */
class DateLinesTest {

  private static String dated(String... head) {
    Optional<PubDate> d = DateLines.find(List.of(head), "text pattern");
    return d.map(p -> p.instant().toString()).orElse("undated");
  }

  @Test
  void dateLinesBylinesLabelsAndDatelinesAreRead() {
    assertEquals(
        "2019-03-05T01:24:00Z",
        dated(
            "Creating new perspectives since 2009",
            "Daesh fighters surrender in eastern Syria enclave but more remain",
            "March 5, 2019 at 1:24 am"));
    assertEquals(
        "2019-02-17T04:39:00Z",
        dated(
            "Offensive launched against scores of besieged"
                + " Isis fighters after 20,000 civilians evacuated",
            "Associated Press",
            "Last modified on Sat 16 Feb 2019 23.39 EST"));
    assertEquals(
        "2019-03-05T00:00:00Z", dated("Bridge reopens", "By Jane Doe | Published: 5 March 2019"));
    assertEquals("2018-09-24T00:00:00Z", dated("Ponte reaberta", "Atualizado em 24 set 2018"));
    assertEquals(
        "2019-03-05T00:00:00Z",
        dated(
            "Markets rally",
            "WASHINGTON, March 5, 2019 (Reuters) - U.S. stocks rose on Tuesday as investors bet the"
                + " Federal Reserve would hold rates steady."));
  }

  @Test
  void narrativeSentencesAndCaptionsAreNot() {
    // BBC sport/371: the first game of New Zealand rugby, not the story's date
    assertEquals(
        "undated",
        dated(
            "All Black magic: New Zealand rugby",
            "Playing colours:",
            "Charles John Munro discovered rugby at London's Christ College, and on his return to"
                + " Nelson he staged New Zealand's first game. Nelson Town met Nelson College on 14"
                + " May, 1870, the Town triumphing by two goals to nil."));
    assertEquals("undated", dated("Daesh flag, 30 March 2017 [SpuntnikInt/Twitter]"));
    // after the story has started, no later line is a date line
    assertEquals(
        "undated",
        dated(
            "Profile: Gordon Brown",
            "The ultimate prize of 10 Downing Street may continue to elude him, as he prepares to"
                + " deliver a record-breaking ninth budget.",
            "20 February 1951"));
  }

  /** BBC News prints no date in its stories: every one of them must come out undated. */
  @Test
  void noBbcStoryIsDatedFromItsNarrative() throws Exception {
    Path bbc = Path.of(System.getProperty("dateline.shared", "../shared"), "corpus", "bbc-news");
    Assumptions.assumeTrue(Files.isDirectory(bbc), "corpus not present at " + bbc.toAbsolutePath());
    Enricher enricher = Enricher.standard(EntityExtractor.NONE);
    PlainTextReader reader = new PlainTextReader(5_000_000);
    List<String> dated = new ArrayList<>();
    int stories = 0;
    try (Stream<Path> files = Files.walk(bbc)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        SourceDoc doc = reader.read(f).get(0);
        stories++;
        if (enricher.enrich(f.toString(), doc, null).date() != null) {
          dated.add(bbc.relativize(f).toString());
        }
      }
    }
    System.out.printf("DateLinesTest: BBC News stories %d, dated %d%n", stories, dated.size());
    assertEquals(2225, stories);
    assertEquals(List.of(), dated);
  }
}
