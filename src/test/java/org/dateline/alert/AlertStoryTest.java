package org.dateline.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dateline.StoryFixtures;
import org.dateline.TestIndexes;
import org.dateline.config.Config;
import org.dateline.pipeline.LiveIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Once per story, through the real pipeline: one wire story arriving as five copies from five
 * outlets makes one notification (a "story" event, then four "update" events of the same story),
 * one feed entry saying "+4 outlets"; an unrelated article matches nothing; indexing the copies
 * again (a crash replay) tells nothing twice, and a reopened journal holds the same events.
 */
class AlertStoryTest {

  @TempDir Path tmp;

  private static final List<String> OUTLETS =
      List.of("Harbour Herald", "Coast News", "Port Gazette", "Sea Times", "Quay Daily");

  private Config config() {
    return TestIndexes.config(tmp.resolve("index")).withEntities(false);
  }

  /** Writes the five copies (each its own outlet) and one unrelated article. */
  private List<Path> files() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < OUTLETS.size(); i++) {
      String name = "copy" + i + ".txt";
      files.add(StoryFixtures.write(in, name, "Northern quay to close", StoryFixtures.WIRE));
      StoryFixtures.sidecar(in, name, OUTLETS.get(i), "2026-03-0" + (i + 1));
    }
    files.add(StoryFixtures.write(in, "other.txt", "Bankers sentenced", StoryFixtures.OTHER));
    return files;
  }

  @Test
  void fiveCopiesFromFiveOutletsMakeOneNotificationAndOneFeedEntry() throws Exception {
    Config config = config();
    List<Path> files = files();
    String id;
    try (LiveIndex live = LiveIndex.open(config, new PrintWriter(new StringWriter()));
        Alerts alerts = Alerts.open(config.indexDir(), config.limits())) {
      live.hook(alerts);
      AlertStatus made =
          alerts.create(
              "write key 1", new AlertSpec("quay", "quay AND ferries", null, null, null, null, 0));
      id = made.id();
      for (Path f : files) {
        live.add(List.of(f)); // one at a time, as they would arrive
      }
      List<AlertEvent> events = alerts.events("write key 1", id, 0);
      assertEquals(5, events.size(), events.toString());
      assertEquals(
          List.of("story", "update", "update", "update", "update"),
          events.stream().map(AlertEvent::kind).toList());
      assertEquals(1, events.stream().map(AlertEvent::story).distinct().count(), "one story");
      AlertEvent last = events.get(4);
      assertEquals(List.of(1L, 2L, 3L, 4L, 5L), events.stream().map(AlertEvent::seq).toList());
      assertEquals(OUTLETS, last.outlets());
      assertEquals(5, last.copies());
      assertEquals("+4 outlets", last.more());
      assertEquals("+1 outlet", events.get(1).more());
      assertEquals(events.get(0).article(), last.firstArticle());

      AlertStatus status = alerts.get("write key 1", id);
      assertEquals(5, status.events());
      assertEquals(1, status.stories());
      assertEquals(1, status.lastMatches().size());
      String feed =
          new String(
              AtomFeed.of(status, alerts.stories("write key 1", id, 100)), StandardCharsets.UTF_8);
      assertEquals(1, feed.split("<entry>", -1).length - 1, feed);
      assertTrue(
          feed.contains("<summary>Harbour Herald, +4 outlets (5 copies); published 2026-03-01"),
          feed);
      assertTrue(feed.contains("<title>Northern quay to close</title>"), feed);
      // Another key sees none of it.
      assertEquals(null, alerts.get("write key 2", id));
      assertEquals(List.of(), alerts.list("write key 2"));

      // The same files changed and indexed again (as after a crash): nothing is told twice.
      for (Path f : files) {
        Files.writeString(f, Files.readString(f) + "\n");
      }
      live.add(files);
      assertEquals(5, alerts.events("write key 1", id, 0).size());
    }
    // Reopened: the journal gives back the same events, numbers and story.
    try (Alerts again = Alerts.open(config.indexDir(), config.limits())) {
      List<AlertEvent> events = again.events("write key 1", id, 0);
      assertEquals(5, events.size());
      assertEquals("+4 outlets", events.get(4).more());
      assertEquals(List.of(events.get(3), events.get(4)), again.events("write key 1", id, 3));
      assertEquals(1, again.size());
    }
  }

  @Test
  void aJournalLineTornByACrashIsCutOffAndTheRestReplayed() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("j"));
    try (Journal j = Journal.open(dir, e -> {})) {
      j.append(
          List.of(
              JournalEntry.match("a", 1, "x", 7, "T", "O", null, java.time.Instant.EPOCH),
              JournalEntry.delivered("a", 1, java.time.Instant.EPOCH)));
    }
    Path file = dir.resolve(Journal.FILE_NAME);
    Files.writeString(
        file, "{\"kind\":\"MATCH\",\"alert\":\"a\",\"se", java.nio.file.StandardOpenOption.APPEND);
    List<JournalEntry> seen = new ArrayList<>();
    try (Journal j = Journal.open(dir, seen::add)) {
      j.append(List.of(JournalEntry.gaveUp("a", 2, java.time.Instant.EPOCH, "no")));
    }
    seen.clear();
    try (Journal j = Journal.open(dir, seen::add)) {
      assertEquals(3, seen.size(), seen.toString());
      assertEquals(JournalEntry.Kind.GAVE_UP, seen.get(2).kind());
      assertEquals(2, seen.get(2).seq());
    }
  }
}
