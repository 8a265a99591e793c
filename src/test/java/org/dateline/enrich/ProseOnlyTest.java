package org.dateline.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Tables, code lists, token columns and logs are blanked for recognition; prose is kept. */
class ProseOnlyTest {

  @Test
  void aNewsParagraphIsKeptAsItIs() {
    String text =
        "BONN, March 3 - West German Economics Minister Martin Bangemann said\n"
            + "the government would not cut taxes this year.\n\n"
            + "Bangemann told reporters in Bonn the budget was on course.\nReuter\n";
    assertSame(text, ProseOnly.masked(text));
  }

  @Test
  void aListOfNamesInProseIsNotData() {
    String text =
        "The nominees are:\n\nBest actor: Jamie Foxx - Ray\n\nBest actress: Hilary Swank -"
            + " Million Dollar Baby\n\nBest director: Martin Scorsese - The Aviator\n\n"
            + "Best film: The Aviator\n";
    assertSame(text, ProseOnly.masked(text));
  }

  @Test
  void aTabSeparatedTableIsBlankedWhole() {
    String text = "name\tcountry\tvotes\nSmith\tUK\t120\nDupont\tFrance\t98\nRossi\tItaly\t77\n";
    String masked = ProseOnly.masked(text);
    assertEquals(text.replaceAll("[^\n]", " "), masked);
  }

  @Test
  void aCodeListOneALineIsBlanked() {
    String text = "afghanistan\nalbania\nalgeria\nangola\nargentina\n";
    assertEquals(text.replaceAll("[^\n]", " "), ProseOnly.masked(text));
  }

  @Test
  void tokenColumnsWithBlankLinesBetweenSentencesAreBlanked() {
    String text =
        "-DOCSTART- -X- -X- O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\n"
            + "call NN I-NP O\n. . O O\n\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n";
    assertEquals(text.replaceAll("[^\n]", " "), ProseOnly.masked(text));
  }

  @Test
  void aTableInsideAParagraphIsBlankedAndTheProseAroundItKept() {
    String prose1 = "Oil imports by country, the Energy Department said in Washington:";
    String table = "Saudi Arabia\t1,234\t1,100\nMexico\t712\t690\nCanada\t650\t655";
    String prose2 = "Imports from Venezuela fell, Secretary John Herrington said.";
    String text = prose1 + "\n" + table + "\n" + prose2 + "\n";
    String masked = ProseOnly.masked(text);
    assertEquals(prose1 + "\n" + table.replaceAll("[^\n]", " ") + "\n" + prose2 + "\n", masked);
  }

  @Test
  void aQuoteTableKeepsItsHeadingLine() {
    StringBuilder rows = new StringBuilder();
    for (String crop : new String[] {"WHEAT", "CORN", "OATS", "BEANS", "MEAL"}) {
      rows.append(crop).append('\n');
      for (String month : new String[] {"MAY7", "JUL7", "SEP7", "DEC7"}) {
        rows.append(month).append("  160 UP  1 3/4\n");
      }
    }
    String heading = "CBT 11:40 EDT\n";
    String masked = ProseOnly.masked(heading + rows);
    assertEquals(heading + rows.toString().replaceAll("[^\n]", " "), masked);
  }

  @Test
  void twoDataLinesAreTooFewToBlank() {
    String text =
        "Results of the vote:\nSmith\t120\nDupont\t98\nThe count ended at midnight in Paris.\n";
    assertSame(text, ProseOnly.masked(text));
  }

  @Test
  void logLinesAndCsvRowsAreData() {
    assertTrue(ProseOnly.isData("2024-03-01 12:00:03,114 INFO Server started on port 8080"));
    assertTrue(ProseOnly.isData("Smith,John,London,1234"));
    assertTrue(ProseOnly.isData("EU NNP I-NP I-ORG"));
    assertFalse(ProseOnly.isData("Britain, France and Germany agreed, officials said."));
    assertFalse(ProseOnly.isData("UK GDP RISES"));
    assertFalse(ProseOnly.isData("Best actor: Jamie Foxx - Ray"));
    // a football line-up and a Reuters earnings line are not CSV rows
    assertFalse(ProseOnly.isData("Lampard, Kezman, Drogba, Duff."));
    assertFalse(ProseOnly.isData("    Net 1,150,633 vs 649,914"));
  }
}
