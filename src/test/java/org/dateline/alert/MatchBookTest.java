package org.dateline.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The book takes each (alert, article) key once: a match seen before, or earlier in the same call
 * (the same article given twice, or one alert twice for one article), makes no event; the events
 * are numbered per alert without a gap, and a reopened book holds the same ones.
 */
class MatchBookTest {

  @TempDir Path tmp;

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-07T06:00:00Z"), ZoneOffset.UTC);

  private static MatchBook.Matched m(String alert, String article, long story, String outlet) {
    return new MatchBook.Matched(alert, article, story, "T " + article, outlet, "2026-12-07");
  }

  private static List<String> told(List<AlertEvent> events) {
    return events.stream().map(e -> e.alert() + ":" + e.seq() + ":" + e.article()).toList();
  }

  @Test
  void eachKeyIsTakenOnceWithinACallAndAcrossCalls() throws Exception {
    try (MatchBook book = MatchBook.open(tmp, CLOCK)) {
      List<AlertEvent> first =
          book.record(
              List.of(
                  m("a", "x1", 1, "O1"),
                  m("b", "x1", 1, "O1"),
                  m("a", "x1", 1, "O1"), // one alert twice for one article
                  m("a", "x2", 1, "O2"), // a copy of story 1 from another outlet
                  m("b", "x1", 1, "O1"), // article x1 given again later in the call
                  m("c", "x1", 1, "O1")));
      assertEquals(List.of("a:1:x1", "b:1:x1", "a:2:x2", "c:1:x1"), told(first));
      AlertEvent update = first.get(2);
      assertEquals(AlertEvent.UPDATE, update.kind());
      assertEquals(List.of("O1", "O2"), update.outlets());
      assertEquals("+1 outlet", update.more());
      assertEquals(
          List.of("O1"), first.get(0).outlets(), "an event keeps its outlets as they were");

      List<AlertEvent> second =
          book.record(List.of(m("a", "x1", 1, "O1"), m("b", "x3", 2, "O3"), m("a", "x2", 1, "O2")));
      assertEquals(List.of("b:2:x3"), told(second));
    }
    try (MatchBook again = MatchBook.open(tmp, CLOCK)) {
      assertEquals(List.of("a:1:x1", "a:2:x2"), told(again.after("a", 0, false)));
      assertEquals(List.of("b:1:x1", "b:2:x3"), told(again.after("b", 0, false)));
      assertEquals(List.of(), again.record(List.of(m("c", "x1", 1, "O1"))));
      assertEquals(List.of("c:2:x3"), told(again.record(List.of(m("c", "x3", 2, "O3")))));
    }
  }
}
