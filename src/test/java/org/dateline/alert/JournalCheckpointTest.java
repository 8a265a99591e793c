package org.dateline.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A book closed cleanly leaves a checkpoint of its journal, and the next opening reads only the
 * lines after it; after a crash the last checkpoint still covers the journal's first bytes. A
 * checkpoint that is missing, torn, made from other bytes or longer than the journal is not used:
 * every line is read. In every case each alert has the events a reading of the whole journal gives.
 */
class JournalCheckpointTest {

  @TempDir Path tmp;

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-07T09:00:00Z"), ZoneOffset.UTC);

  private static final List<String> ALERTS = List.of("a", "b", "c");

  private static MatchBook.Matched m(String alert, String article, long story, String outlet) {
    return new MatchBook.Matched(alert, article, story, "T " + article, outlet, "2026-12-07");
  }

  /** Every alert's events and webhook outcomes, as the book in {@code dir} reads them. */
  private static List<String> history(MatchBook book) {
    List<String> out = new ArrayList<>();
    for (String alert : ALERTS) {
      for (AlertEvent e : book.after(alert, 0, false)) {
        out.add(
            alert
                + ":"
                + e.seq()
                + ":"
                + e.kind()
                + ":"
                + e.article()
                + ":"
                + e.outlets()
                + ":"
                + book.unsettled(alert, e.seq() - 1, false).contains(e.seq()));
      }
    }
    return out;
  }

  /** The history a reading of the whole journal in {@code dir} gives (a copy, no checkpoint). */
  private List<String> wholeReading(Path dir) throws Exception {
    Path copy = Files.createTempDirectory(tmp, "whole");
    Files.copy(dir.resolve(Journal.FILE_NAME), copy.resolve(Journal.FILE_NAME));
    try (MatchBook book = MatchBook.open(copy, CLOCK)) {
      assertEquals(0, book.fromCheckpoint());
      return history(book);
    }
  }

  /** A book with lines of many alerts, of one, an outcome, an alert read, then more lines. */
  private void fill(Path dir) throws Exception {
    Files.createDirectories(dir);
    try (MatchBook book = MatchBook.open(dir, CLOCK)) {
      book.record(List.of(m("a", "x1", 1, "O1"), m("b", "x1", 1, "O1"), m("c", "x1", 1, "O1")));
      book.record(List.of(m("a", "x2", 1, "O2")));
      book.outcomes(null).delivered("a", 1);
    }
    try (MatchBook book = MatchBook.open(dir, CLOCK)) {
      assertTrue(book.fromCheckpoint() > 0);
      assertEquals(2, book.after("a", 0, false).size()); // read from its lines, then more
      book.record(List.of(m("a", "x3", 2, "O3"), m("b", "x3", 2, "O3")));
      book.outcomes(null).delivered("b", 1);
    }
  }

  @Test
  void aCleanCloseLeavesACheckpointTheNextOpeningStartsFrom() throws Exception {
    Path dir = tmp.resolve("book");
    fill(dir);
    long size = Files.size(dir.resolve(Journal.FILE_NAME));
    try (MatchBook book = MatchBook.open(dir, CLOCK)) {
      assertEquals(size, book.fromCheckpoint(), "every line noted from the checkpoint");
      List<String> h = history(book);
      assertEquals(wholeReading(dir), h);
      assertEquals(
          List.of(
              "a:1:story:x1:[O1]:false",
              "a:2:update:x2:[O1, O2]:true",
              "a:3:story:x3:[O3]:true",
              "b:1:story:x1:[O1]:false",
              "b:2:story:x3:[O3]:true",
              "c:1:story:x1:[O1]:true"),
          h);
    }
  }

  @Test
  void afterACrashTheLastCheckpointCoversTheFirstBytesAndTheRestIsRead() throws Exception {
    Path dir = tmp.resolve("book");
    fill(dir);
    Path crashed = tmp.resolve("crashed");
    Files.createDirectories(crashed);
    try (MatchBook book = MatchBook.open(dir, CLOCK)) {
      book.record(List.of(m("c", "x4", 3, "O4"), m("a", "x4", 3, "O4")));
      // as kill -9 leaves it: the journal as written, the checkpoint of the last clean close
      Files.copy(dir.resolve(Journal.FILE_NAME), crashed.resolve(Journal.FILE_NAME));
      Files.copy(
          dir.resolve(JournalCheckpoint.FILE_NAME), crashed.resolve(JournalCheckpoint.FILE_NAME));
    }
    long covered;
    try (MatchBook book = MatchBook.open(crashed, CLOCK)) {
      covered = book.fromCheckpoint();
      assertTrue(covered > 0 && covered < Files.size(crashed.resolve(Journal.FILE_NAME)));
      List<String> h = history(book);
      assertEquals(wholeReading(crashed), h);
      assertTrue(
          h.contains("c:2:story:x4:[O4]:true") && h.contains("a:4:story:x4:[O4]:true"),
          h::toString);
    }
  }

  @Test
  void aMissingCheckpointIsARebuild() throws Exception {
    Path dir = tmp.resolve("book");
    fill(dir);
    Files.delete(dir.resolve(JournalCheckpoint.FILE_NAME));
    assertRebuilt(dir);
  }

  @Test
  void aTornCheckpointIsNotUsed() throws Exception {
    Path dir = tmp.resolve("book");
    fill(dir);
    Path file = dir.resolve(JournalCheckpoint.FILE_NAME);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x10;
    Files.write(file, bytes);
    assertRebuilt(dir);
  }

  @Test
  void aCheckpointOfOtherBytesIsNotUsed() throws Exception {
    Path dir = tmp.resolve("book");
    fill(dir);
    Path other = Files.createDirectories(tmp.resolve("other"));
    try (MatchBook book = MatchBook.open(other, CLOCK)) { // a journal at least as long, other lines
      book.record(List.of(m("a", "y1", 9, "P1"), m("b", "y1", 9, "P1"), m("c", "y1", 9, "P1")));
      book.record(List.of(m("b", "y2", 8, "P2"), m("c", "y2", 8, "P2"), m("a", "y3", 7, "P3")));
      book.record(List.of(m("b", "y4", 6, "P4"), m("c", "y4", 6, "P4"), m("a", "y5", 5, "P5")));
    }
    assertTrue(
        Files.size(other.resolve(Journal.FILE_NAME)) >= Files.size(dir.resolve(Journal.FILE_NAME)));
    Files.copy(
        other.resolve(Journal.FILE_NAME),
        dir.resolve(Journal.FILE_NAME),
        StandardCopyOption.REPLACE_EXISTING);
    assertRebuilt(dir);
  }

  @Test
  void aCheckpointLongerThanTheJournalIsNotUsed() throws Exception {
    Path dir = tmp.resolve("book");
    fill(dir);
    Path journal = dir.resolve(Journal.FILE_NAME);
    List<String> lines = Files.readAllLines(journal);
    Files.write(journal, lines.subList(0, 2)); // the first two lines, whole
    assertRebuilt(dir);
  }

  /** The book in {@code dir} opens without its checkpoint and holds what the journal says. */
  private void assertRebuilt(Path dir) throws Exception {
    List<String> whole = wholeReading(dir);
    try (MatchBook book = MatchBook.open(dir, CLOCK)) {
      assertEquals(0, book.fromCheckpoint(), "the checkpoint is not used");
      assertEquals(whole, history(book));
      assertTrue(!whole.isEmpty());
    }
  }
}
