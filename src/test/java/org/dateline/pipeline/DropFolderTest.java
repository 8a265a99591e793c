package org.dateline.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which dropped files are handed out, and when: the rule feed writers rely on. */
class DropFolderTest {

  private static final Duration SETTLE = Duration.ofMillis(300);

  @TempDir Path dir;

  /** Polls until {@code want} files have come out, or 5 s have passed. */
  private static List<Path> pollFor(DropFolder folder, int want) throws Exception {
    List<Path> out = new ArrayList<>();
    long deadline = System.currentTimeMillis() + 5_000;
    while (out.size() < want && System.currentTimeMillis() < deadline) {
      out.addAll(folder.poll(50));
    }
    return out;
  }

  private static void age(Path file) throws Exception {
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
  }

  @Test
  void temporaryNamesAreNeverTakenAndARenamedFileIs() throws Exception {
    try (DropFolder folder = DropFolder.open(dir, SETTLE, Duration.ofHours(1))) {
      Path tmp = dir.resolve(".story.txt");
      Files.writeString(tmp, "Half written");
      Files.writeString(dir.resolve("story2.txt.part"), "Half written");
      Files.writeString(dir.resolve("story3.tmp"), "Half written");
      Files.writeString(dir.resolve("story4.txt~"), "Editor backup");
      age(tmp);
      assertEquals(List.of(), pollFor(folder, 1));
      Path done = Files.move(tmp, dir.resolve("story.txt"), StandardCopyOption.ATOMIC_MOVE);
      assertEquals(List.of(done), pollFor(folder, 1));
      assertEquals(List.of(), folder.poll(100), "an unchanged file is handed out once");
    }
  }

  @Test
  void aFileIsTakenOnlyOnceItHasSettled() throws Exception {
    try (DropFolder folder = DropFolder.open(dir, SETTLE, Duration.ofHours(1))) {
      Path file = dir.resolve("wire.xml");
      Files.writeString(file, "<rss>");
      long written = System.currentTimeMillis();
      List<Path> first = folder.poll(50);
      if (System.currentTimeMillis() - written < SETTLE.toMillis()) {
        assertEquals(List.of(), first, "taken before it had settled");
      }
      assertEquals(List.of(file), pollFor(folder, 1));
      assertTrue(System.currentTimeMillis() - written >= SETTLE.toMillis());
      // Written again: handed out again, once settled.
      Files.writeString(file, "<rss><channel/></rss>");
      assertEquals(List.of(file), pollFor(folder, 1));
    }
  }

  @Test
  void filesOfANewSubFolderAndOfTheFirstScanAreFound() throws Exception {
    Path before = Files.writeString(dir.resolve("before.txt"), "There at start");
    age(before);
    try (DropFolder folder = DropFolder.open(dir, Duration.ZERO, Duration.ofHours(1))) {
      assertEquals(List.of(before), pollFor(folder, 1));
      Path sub = Files.createDirectories(dir.resolve("2026/11/30"));
      Path inSub = Files.writeString(sub.resolve("late.txt"), "Dropped in a new folder");
      assertEquals(List.of(inSub), pollFor(folder, 1));
      Path hidden = Files.createDirectories(dir.resolve(".incoming"));
      Files.writeString(hidden.resolve("x.txt"), "Not yet");
      assertEquals(List.of(), folder.poll(300));
    }
  }

  @Test
  void aChangedSidecarHandsOutTheFileItDescribes() throws Exception {
    Path story = Files.writeString(dir.resolve("story.txt"), "A story");
    age(story);
    try (DropFolder folder = DropFolder.open(dir, Duration.ZERO, Duration.ofHours(1))) {
      assertEquals(List.of(story), pollFor(folder, 1));
      Files.writeString(dir.resolve("story.txt.meta.json"), "{\"outlet\":\"Wire\"}");
      List<Path> out = pollFor(folder, 1);
      assertEquals(List.of(story), out, "the sidecar itself is not a file to index");
    }
  }

  @Test
  void aChangedFolderSidecarHandsOutEveryFileBelowIt() throws Exception {
    Path sub = Files.createDirectories(dir.resolve("bbc/sport"));
    Path a = Files.writeString(dir.resolve("bbc/a.txt"), "A story");
    Path b = Files.writeString(sub.resolve("b.txt"), "B story");
    Path other = Files.writeString(dir.resolve("other.txt"), "Other story");
    for (Path p : List.of(a, b, other)) {
      age(p);
    }
    try (DropFolder folder = DropFolder.open(dir, Duration.ZERO, Duration.ofHours(1))) {
      assertEquals(3, pollFor(folder, 3).size());
      Files.writeString(dir.resolve("bbc/folder.meta.json"), "{\"outlet\":\"BBC News\"}");
      List<Path> out = new ArrayList<>(pollFor(folder, 2));
      out.sort(null);
      assertEquals(List.of(a, b), out, "the folder's files, not the sidecar, not the others");
    }
  }

  @Test
  void theNamingRule() {
    assertTrue(DropFolder.eligible(Path.of("a/story.txt")));
    assertTrue(DropFolder.eligible(Path.of("feed.XML")));
    assertFalse(DropFolder.eligible(Path.of(".story.txt")));
    assertFalse(DropFolder.eligible(Path.of("story.txt.PART")));
    assertFalse(DropFolder.eligible(Path.of("story.crdownload")));
    assertFalse(DropFolder.eligible(Path.of("story.partial")));
  }
}
