package org.dateline.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An alert's journal lines, noted at open and read when asked for, give its entries in order. */
class UnreadLinesTest {

  @TempDir Path tmp;

  private static final Instant T = Instant.parse("2026-12-06T21:00:00Z");

  @Test
  void eachAlertsLinesReadLaterAreItsEntriesInJournalOrder() throws Exception {
    List<JournalEntry> written =
        List.of(
            JournalEntry.match("a", 1, "x1", 7, "T1", "O1", "2026-12-06", T),
            JournalEntry.match("b", 1, "x1", 7, "T1", "O1", "2026-12-06", T),
            JournalEntry.delivered("a", 1, T),
            JournalEntry.match("a", 2, "x2", 8, "T2", "O2", null, T),
            JournalEntry.gaveUp("b", 1, T, "refused"));
    try (Journal j = Journal.open(tmp, e -> {})) {
      j.append(written.subList(0, 3));
      j.append(written.subList(3, 5));
    }
    // a torn last line, as a crash leaves it: cut off, never told
    Files.writeString(
        tmp.resolve(Journal.FILE_NAME), "{\"kind\":\"MATCH\",\"al", StandardOpenOption.APPEND);
    UnreadLines lines = new UnreadLines();
    try (Journal j = Journal.openLines(tmp, lines)) {
      assertEquals(
          List.of(written.get(0), written.get(2), written.get(3)), read(j, "a", lines.take("a")));
      assertEquals(List.of(written.get(1), written.get(4)), read(j, "b", lines.take("b")));
      assertNull(lines.take("a"), "taken once");
      assertNull(lines.take("c"));
    }
    List<JournalEntry> replayed = new ArrayList<>();
    try (Journal j = Journal.open(tmp, replayed::add)) {
      assertEquals(written, replayed);
    }
  }

  @Test
  void aLineOfManyAlertsIsReadAsEachAlertsOwnMatch() throws Exception {
    JournalEntry many =
        JournalEntry.matches(
            List.of("a", "b", "c"),
            new long[] {3, 1, 9},
            "x1",
            7,
            "Port \"strike\",\"alerts\": été",
            "O1",
            "2026-12-06",
            T);
    JournalEntry own = JournalEntry.match("a", 4, "x2", 8, "T2", null, null, T);
    try (Journal j = Journal.open(tmp, e -> {})) {
      j.append(List.of(many, JournalEntry.delivered("a", 3, T)));
      j.append(List.of(own));
    }
    UnreadLines lines = new UnreadLines();
    try (Journal j = Journal.openLines(tmp, lines)) {
      assertEquals(
          List.of(many.matchOf(0), JournalEntry.delivered("a", 3, T), own),
          read(j, "a", lines.take("a")));
      assertEquals(List.of(many.matchOf(1)), read(j, "b", lines.take("b")));
      assertEquals(
          List.of(
              JournalEntry.match(
                  "c", 9, "x1", 7, "Port \"strike\",\"alerts\": été", "O1", "2026-12-06", T)),
          read(j, "c", lines.take("c")));
    }
    List<JournalEntry> replayed = new ArrayList<>();
    try (Journal j = Journal.open(tmp, replayed::add)) {
      assertEquals(
          List.of(
              many.matchOf(0),
              many.matchOf(1),
              many.matchOf(2),
              JournalEntry.delivered("a", 3, T),
              own),
          replayed);
    }
  }

  @Test
  void aLineThatNamesNoAlertIsRefusedAtOpenWithItsPlace() throws Exception {
    try (Journal j = Journal.open(tmp, e -> {})) {
      j.append(List.of(JournalEntry.delivered("a", 1, T)));
    }
    long size = Files.size(tmp.resolve(Journal.FILE_NAME));
    Files.writeString(
        tmp.resolve(Journal.FILE_NAME), "{\"kind\":\"MATCH\"}\n", StandardOpenOption.APPEND);
    IOException e =
        assertThrows(IOException.class, () -> Journal.openLines(tmp, new UnreadLines()).close());
    assertEquals(
        "line of alerts-journal.jsonl at byte "
            + size
            + " is not a journal entry: it names no alert",
        e.getMessage());
  }

  private static List<JournalEntry> read(Journal j, String alert, UnreadLines.Spans s)
      throws IOException {
    return j.read(alert, s.starts, s.lengths, s.seqs, s.n);
  }
}
