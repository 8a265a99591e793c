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
