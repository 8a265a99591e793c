package org.dateline.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.dateline.enrich.story.Fingerprint;
import org.junit.jupiter.api.Test;

/**
 * The articles kept in memory until a reader sees them: only those marked written before a reader
 * began to open are dropped when it is in place; those written while it opened stay findable.
 */
class RecentCopiesTest {

  private static final String TEXT =
      "The central bank raised its main interest rate by half a point on Tuesday, the first"
          + " increase in four years, saying that inflation had stayed above its target for too"
          + " long and that wages were rising faster than at any time since the crisis, while"
          + " the finance ministry said it expected growth to slow in the second half of the year"
          + " as exporters felt the stronger currency and households paid more on their loans.";

  private static RecentCopies.Copy copy(String id) {
    return new RecentCopies.Copy(id, id.hashCode(), 0L, Fingerprint.of("Rates", TEXT));
  }

  private static List<String> ids(List<RecentCopies.Copy> copies) {
    return copies.stream().map(c -> c.articleId).toList();
  }

  @Test
  void dropsOnlyWhatWasWrittenBeforeTheReaderOpened() {
    RecentCopies recent = new RecentCopies();
    RecentCopies.Copy a = copy("a");
    RecentCopies.Copy b = copy("b");
    RecentCopies.Copy c = copy("c");
    recent.add(a);
    recent.add(b);
    recent.add(c);
    recent.markWritten(a);
    long seen = recent.writes(); // a reader begins to open here
    recent.markWritten(b); // written while it opens: it may not see b
    recent.dropWritten(seen);
    Fingerprint fp = Fingerprint.of("Rates", TEXT);
    assertEquals(List.of("b", "c"), ids(recent.sharingMinHashes(fp, 64)));
    assertEquals(1, recent.written());
    recent.markWritten(c);
    recent.dropWritten(recent.writes());
    assertEquals(List.of(), ids(recent.sharingMinHashes(fp, 1)));
    assertEquals(0, recent.written());
  }

  @Test
  void aStoryCopiedThousandsOfTimesGivesTheMostSimilarFewOnly() {
    RecentCopies recent = new RecentCopies();
    String edited =
        TEXT.replace("half a point", "a quarter of a point").replace("Tuesday", "Monday");
    Fingerprint whole = Fingerprint.of("Rates", TEXT);
    Fingerprint near = Fingerprint.of("Rates", edited);
    for (int i = 0; i < 3000; i++) {
      // the edited copies come first, so that order alone would give them
      recent.add(new RecentCopies.Copy("e" + i, 1, 0L, near));
    }
    for (int i = 0; i < 60; i++) {
      recent.add(new RecentCopies.Copy("w" + i, 2, 0L, whole));
    }
    List<RecentCopies.Copy> found =
        recent.sharingMinHashes(whole, 4, 50, c -> !c.articleId.equals("w0"));
    assertEquals(50, found.size());
    // the 59 exact copies (w0 is not eligible) share all 64 values, the edited ones fewer
    assertEquals(
        java.util.stream.IntStream.range(1, 51).mapToObj(i -> "w" + i).toList(), ids(found));
    assertEquals(3060, recent.sharingMinHashes(whole, 4).size(), "no limit: every copy");
    assertEquals(
        List.of("e0", "e1", "e2"),
        ids(recent.sharingMinHashes(near, 64, 3, c -> true)),
        "ties in the order they were added");
  }
}
