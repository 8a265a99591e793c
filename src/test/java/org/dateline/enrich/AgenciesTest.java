package org.dateline.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgenciesTest {

  private final Agencies agencies = Agencies.standard();

  @Test
  void creditsASignOff() {
    assertEquals(List.of("AFP"), agencies.credited("Fighting went on. — AFP", List.of()));
  }

  @Test
  void creditsADateline() {
    assertEquals(
        List.of("Reuters"),
        agencies.credited("BEIRUT (Reuters) - Fighters left the town.", List.of()));
  }

  @Test
  void creditsADatelineUnderTheHeadline() {
    String story =
        "Syrian forces say Baghouz pocket about to fall\n\nBEIRUT (Reuters) - U.S.-backed Syrian"
            + " Democratic Forces said on Sunday the pocket was about to fall.\n\nMore text.";
    assertEquals(List.of("Reuters"), agencies.credited(story, Enricher.headLines(story)));
    // deeper in the story an agency in brackets is a source quoted, not the story's credit
    String later = "Title\n\nFirst paragraph.\n\nSecond paragraph.\n\nA witness (AFP) - said so.";
    assertEquals(List.of(), agencies.credited(later, Enricher.headLines(later)));
  }

  @Test
  void creditsABylineLineAndReports() {
    assertEquals(
        List.of("AP"),
        agencies.credited(
            "Title\nAssociated Press\nText.", List.of("Title", "Associated Press", "Text.")));
    assertEquals(List.of("Reuters"), agencies.credited("More remain, Reuters reports.", List.of()));
    assertEquals(
        List.of("dpa"), agencies.credited("According to dpa, the talks failed.", List.of()));
  }

  @Test
  void aQuoteGivenToAnAgencyIsNotACredit() {
    assertEquals(
        List.of(),
        agencies.credited(
            "\"We hold the town,\" he told AFP. In an interview with AFP he said.", List.of()));
  }

  @Test
  void canonicalNames() {
    assertEquals("dpa", agencies.canonical("Deutsche Presse-Agentur"));
    assertEquals("Unknown Wire", agencies.canonical("Unknown Wire"));
  }
}
