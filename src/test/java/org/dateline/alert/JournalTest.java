package org.dateline.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal's own line writer gives the lines Jackson's bean serializer gave (the same text, so
 * journals written before read as they did), and what it appends is read back as it was: every kind
 * of entry, titles with quotes and non-ASCII letters, times with and without fractions.
 */
class JournalTest {

  @TempDir Path tmp;

  private static List<JournalEntry> entries() {
    Instant whole = Instant.parse("2026-12-07T00:30:00Z");
    Instant fine = Instant.parse("2026-12-07T00:30:01.000000007Z");
    Instant milli = Instant.parse("2026-12-07T00:30:02.120Z");
    return List.of(
        JournalEntry.match(
            "al_1", 1, "a1", 42L, "Harbour \"strike\"", "Reuters", "2026-12-06", whole),
        JournalEntry.match("al_1", 2, "a2", -7L, "Grève du port, été", null, null, fine),
        JournalEntry.delivered("al_1", 1, milli),
        JournalEntry.gaveUp("al_2", 3, fine, "HTTP 500\nbody"),
        JournalEntry.digest("al_3", 4, whole, milli));
  }

  @Test
  void linesAreWhatJacksonWroteAndReadBackAsTheyWere() throws Exception {
    ObjectMapper jackson = new ObjectMapper().registerModule(new JavaTimeModule());
    StringBuilder before = new StringBuilder();
    for (JournalEntry e : entries()) {
      before.append(jackson.writeValueAsString(e)).append('\n');
    }
    ByteArrayOutputStream now = new ByteArrayOutputStream();
    Journal.write(entries(), now);
    assertEquals(before.toString(), now.toString(StandardCharsets.UTF_8));

    // a journal with lines of the old writer, then an append of the new one: all read back
    Files.writeString(tmp.resolve(Journal.FILE_NAME), before.toString());
    try (Journal j = Journal.open(tmp, e -> {})) {
      j.append(entries());
    }
    List<JournalEntry> read = new ArrayList<>();
    Journal.open(tmp, read::add).close();
    List<JournalEntry> expected = new ArrayList<>(entries());
    expected.addAll(entries());
    assertEquals(expected, read);
  }

  /**
   * A line of many alerts given by number ({@link AlertNumbers.Listed}) is written from the ids'
   * bytes as they are, or, for an id JSON escapes or that is not plain ASCII, as a string: either
   * way the text written for the same line with the ids as strings; and appends one after another
   * (the journal's buffer kept between them, a long one, then shorter ones) read back as they were.
   */
  @Test
  void aLineOfAlertsByNumberIsWrittenAsWithItsIds() throws Exception {
    AlertNumbers numbers = new AlertNumbers();
    List<String> ids = List.of("al_00ff12", "al_\"odd\"", "al_été", "al_tab\there", "al_back\\");
    int[] byNumber = new int[ids.size() + 2]; // longer than the list: only its size is written
    for (int i = 0; i < ids.size(); i++) {
      byNumber[i] = numbers.of(ids.get(i));
    }
    Instant time = Instant.parse("2026-12-07T00:30:01.5Z");
    long[] seqs = {1, 2, 3, 4, 5};
    JournalEntry listed =
        JournalEntry.matches(
            new AlertNumbers.Listed(numbers, byNumber, ids.size()),
            seqs,
            "a1",
            9L,
            "Harbour",
            "Reuters",
            "2026-12-06",
            time);
    JournalEntry plain =
        JournalEntry.matches(ids, seqs, "a1", 9L, "Harbour", "Reuters", "2026-12-06", time);
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    Journal.write(List.of(listed), written);
    ByteArrayOutputStream asStrings = new ByteArrayOutputStream();
    Journal.write(List.of(plain), asStrings);
    assertEquals(
        asStrings.toString(StandardCharsets.UTF_8), written.toString(StandardCharsets.UTF_8));
    assertTrue(written.toString(StandardCharsets.UTF_8).contains("\"al_00ff12\",\"al_\\\"odd"));

    List<JournalEntry> many = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      many.add(JournalEntry.match("al_" + i, 1, "b" + i, i, "Title " + i, null, null, time));
    }
    try (Journal j = Journal.open(tmp, e -> {})) {
      j.append(many);
      j.append(List.of(listed));
      j.append(entries());
    }
    List<JournalEntry> read = new ArrayList<>();
    Journal.open(tmp, read::add).close();
    List<JournalEntry> expected = new ArrayList<>(many);
    for (int i = 0; i < ids.size(); i++) {
      expected.add(plain.matchOf(i));
    }
    expected.addAll(entries());
    assertEquals(expected, read);
  }
}
