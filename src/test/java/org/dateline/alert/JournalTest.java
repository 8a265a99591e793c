package org.dateline.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
