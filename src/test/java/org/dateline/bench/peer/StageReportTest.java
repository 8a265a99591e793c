package org.dateline.bench.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StageReportTest {

  @Test
  void parseSumsAStageSeenTwice() {
    assertEquals(
        Map.of("a", 1.6, "b", 0.2), StageReport.parse("a;dur=1.5, b;dur=0.200, a;dur=0.1"));
  }

  @Test
  void stagesAreAveragedOverEveryRequestAndTheRestIsOutsideTheServer() {
    PeerCompare.Sample[] pass = {
      new PeerCompare.Sample(4_000_000, 1, null, "parse;dur=1.000, json;dur=2.000"),
      new PeerCompare.Sample(2_000_000, 1, null, "json;dur=1.000"),
    };
    StageReport.Figures f =
        StageReport.of(
            new PeerCompare.EngineRun("dateline", List.<PeerCompare.Sample[]>of(pass), 0), 1);
    assertEquals(2, f.requests());
    Map<String, Double> means =
        f.stages().stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    StageReport.Stage::name, StageReport.Stage::meanMs));
    assertEquals(0.5, means.get("parse"), 1e-9); // absent from the second request: 0 there
    assertEquals(1.5, means.get("json"), 1e-9);
    assertEquals(2.0, means.get("(server, all stages)"), 1e-9);
    assertEquals(1.0, means.get("(client minus server)"), 1e-9);
    assertEquals(3.0, means.get("(client)"), 1e-9);
    assertEquals(
        List.of("parse", "json", "(server, all stages)", "(client minus server)", "(client)"),
        f.stages().stream().map(StageReport.Stage::name).toList());
  }

  @Test
  void nearP50IsTheMeanOverTheRequestsInTheMiddleOfTheClientTimes() {
    // client times 1..10 ms; the band runs from rank floor(9 x 0.4) = 3 to ceil(9 x 0.6) = 6 of the
    // sorted times: 4, 5, 6 and 7 ms
    PeerCompare.Sample[] pass = new PeerCompare.Sample[10];
    for (int i = 0; i < 10; i++) {
      long ms = 10 - i; // out of order, so that the band is found by rank, not by position
      pass[i] = new PeerCompare.Sample(ms * 1_000_000, 1, null, "top;dur=" + (ms * 0.1));
    }
    StageReport.Figures f =
        StageReport.of(
            new PeerCompare.EngineRun("dateline", List.<PeerCompare.Sample[]>of(pass), 0), 1);
    Map<String, Double> near =
        f.stages().stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    StageReport.Stage::name, StageReport.Stage::nearP50Ms));
    assertEquals(5.5, near.get("(client)"), 1e-9);
    assertEquals(0.55, near.get("top"), 1e-9);
    assertEquals(4.95, near.get("(client minus server)"), 1e-9);
  }

  @Test
  void noTimingHeadersNoFigures() {
    PeerCompare.Sample[] pass = {new PeerCompare.Sample(1, 1, null, null)};
    assertNull(
        StageReport.of(
            new PeerCompare.EngineRun("solr", List.<PeerCompare.Sample[]>of(pass), 0), 1));
  }
}
