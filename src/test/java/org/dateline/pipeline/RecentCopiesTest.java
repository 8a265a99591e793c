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
}
