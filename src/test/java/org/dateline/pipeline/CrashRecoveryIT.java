package org.dateline.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.dateline.DatelineProcess;
import org.dateline.TestIndexes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crashes and restarts: a real {@code dateline index} process is killed with SIGKILL at random
 * moments during a long ingest, again and again; after each kill the index must open, pass Lucene's
 * CheckIndex and hold no article twice; each restart must resume (skip what was committed), and the
 * final run must leave every source article in the index exactly once. The number of kills is
 * {@code -Ddateline.crash.kills=N} (a quick 6 in CI; see RELIABILITY.md for the long run).
 */
class CrashRecoveryIT {

  private static final int FILES = Integer.getInteger("dateline.crash.files", 1000);
  private static final int KILLS = Integer.getInteger("dateline.crash.kills", 6);

  @TempDir Path work;

  /** FILES plain-text stories, one article each, of a few hundred words. */
  static Path stories(Path dir, int count) throws IOException {
    Files.createDirectories(dir);
    String[] words =
        ("minister talks ceasefire border refugees election parliament oil prices"
                + " market strike court ruling police protest harbour storm port budget")
            .split(" ");
    Random random = new Random(5);
    for (int i = 0; i < count; i++) {
      Path folder = Files.createDirectories(dir.resolve(String.format("d%02d", i % 50)));
      try (Writer w =
          Files.newBufferedWriter(
              folder.resolve(String.format("story-%05d.txt", i)), StandardCharsets.UTF_8)) {
        w.write("Story number " + i + " from the desk\n\n");
        for (int j = 0; j < 300; j++) {
          w.write(words[random.nextInt(words.length)]);
          w.write(j % 15 == 14 ? ".\n" : " ");
        }
      }
    }
    return dir;
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.MINUTES)
  void killedAgainAndAgainTheIngestLosesNothingAndDuplicatesNothing() throws Exception {
    Path source = stories(work.resolve("stories"), FILES);
    Path index = work.resolve("index");
    Path log = work.resolve("index.log");
    Random random = new Random(1987);
    List<Integer> committedAfterKill = new ArrayList<>();
    int killed = 0;
    for (int attempt = 0; attempt < KILLS * 3 && killed < KILLS; attempt++) {
      Process p =
          DatelineProcess.start(
              log,
              "index",
              "--quiet",
              "--threads",
              "2",
              "--commit-every",
              "50",
              "--index",
              index.toString(),
              source.toString());
      // Odd attempts: kill at a random moment after start-up (maybe before any commit); even
      // ones: at a random moment after this run's first commit, deep inside the ingest.
      boolean ended;
      if (attempt % 2 == 1) {
        ended = p.waitFor(1000 + random.nextInt(5_000), TimeUnit.MILLISECONDS);
      } else {
        ended =
            !awaitNextCommit(index, p) || p.waitFor(random.nextInt(2000), TimeUnit.MILLISECONDS);
      }
      if (ended) {
        break; // the ingest finished before this kill: nothing left to interrupt
      }
      p.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no rollback, no close
      killed++;
      if (!hasCommit(index)) {
        committedAfterKill.add(0); // killed before the first commit
        continue;
      }
      assertIntact(index);
      Map<String, Integer> byId = TestIndexes.articlesById(index);
      byId.forEach((id, n) -> assertEquals(1, n, "article " + id + " is duplicated"));
      committedAfterKill.add(byId.size());
    }
    assertTrue(killed >= Math.min(KILLS, 3), "killed only " + killed + " times: " + log);
    // Progress survives the kills: what was committed is never taken back.
    for (int i = 1; i < committedAfterKill.size(); i++) {
      assertTrue(
          committedAfterKill.get(i) >= committedAfterKill.get(i - 1),
          committedAfterKill.toString());
    }
    // What the final run must skip: what the last kill left or, when an ingest ended on its own
    // before the next kill could come, everything that run committed.
    int before = hasCommit(index) ? TestIndexes.articlesById(index).size() : 0;
    assertTrue(
        before >= committedAfterKill.get(committedAfterKill.size() - 1),
        "the index lost articles after the last kill: " + before + " " + committedAfterKill);
    assertEquals(
        0,
        DatelineProcess.run(
            log, "index", "--quiet", "--index", index.toString(), source.toString()),
        Files.readString(log));
    assertIntact(index);
    Map<String, Integer> byPath = TestIndexes.articlesByPath(index);
    assertEquals(FILES, byPath.size(), "every story indexed");
    byPath.forEach((path, n) -> assertEquals(1, n, path + " indexed " + n + " times"));
    assertEquals(FILES, TestIndexes.articlesById(index).size());
    String lastRun = Files.readString(log);
    String summary = lastRun.substring(lastRun.lastIndexOf("Indexed "));
    System.out.printf(
        "crash test: %d kills, committed after each kill %s; final run: %s%n",
        killed, committedAfterKill, summary.lines().findFirst().orElse(""));
    // The final run resumed: it skipped exactly what the killed runs had committed.
    assertTrue(summary.contains("(" + before + " unchanged"), summary);
    assertTrue(before > 0, "some work was committed before the last kill");
  }

  /** Waits until {@code p} commits once more; false when it ended first. */
  static boolean awaitNextCommit(Path index, Process p) throws Exception {
    long generation = generation(index);
    while (p.isAlive()) {
      if (generation(index) > generation) {
        return true;
      }
      Thread.sleep(50);
    }
    return false;
  }

  private static long generation(Path index) throws IOException {
    if (!Files.isDirectory(index)) {
      return -1;
    }
    try (Directory dir = FSDirectory.open(index)) {
      return org.apache.lucene.index.SegmentInfos.getLastCommitGeneration(dir);
    }
  }

  static boolean hasCommit(Path index) throws IOException {
    try (Directory dir = FSDirectory.open(index)) {
      return org.apache.lucene.index.DirectoryReader.indexExists(dir);
    }
  }

  /** The index opens and Lucene's CheckIndex finds nothing wrong with its last commit. */
  static void assertIntact(Path index) throws IOException {
    try (Directory dir = FSDirectory.open(index);
        CheckIndex check = new CheckIndex(dir)) {
      CheckIndex.Status status = check.checkIndex();
      assertTrue(status.clean, "CheckIndex found problems in " + index);
    }
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void aServerKilledWhileAnsweringLeavesTheIndexAsItWas() throws Exception {
    Path index = work.resolve("index");
    TestIndexes.index(index, false, stories(work.resolve("few"), 200));
    int articles = TestIndexes.articlesById(index).size();
    Path log = work.resolve("serve.log");
    Process server =
        DatelineProcess.start(log, "serve", "--port", "0", "--index", index.toString());
    int port = awaitPort(log, server);
    var client = java.net.http.HttpClient.newHttpClient();
    for (int i = 0; i < 50; i++) {
      var request =
          java.net.http.HttpRequest.newBuilder(
                  java.net.URI.create(
                      "http://localhost:" + port + "/api/search?q=harbour+AND+storm&size=20"))
              .build();
      client.sendAsync(request, java.net.http.HttpResponse.BodyHandlers.discarding());
    }
    server.destroyForcibly().waitFor();
    assertIntact(index);
    assertEquals(articles, TestIndexes.articlesById(index).size());
  }

  private static int awaitPort(Path log, Process server) throws Exception {
    for (int i = 0; i < 600 && server.isAlive(); i++) {
      String out = Files.exists(log) ? Files.readString(log) : "";
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("http://localhost:(\\d+)").matcher(out);
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the server did not start: " + Files.readString(log));
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void aFullDiskStopsTheIngestWithAMessageAndTheIndexStaysIntact() throws Exception {
    Path mount = Files.createDirectories(work.resolve("small-disk"));
    Path log = work.resolve("mount.log");
    int mounted =
        new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", mount.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start()
            .waitFor();
    assumeTrue(
        mounted == 0, "cannot mount a small tmpfs here (needs root): " + Files.readString(log));
    try {
      Path index = mount.resolve("index");
      Path source = stories(work.resolve("many"), 1500);
      Path out = work.resolve("full.log");
      int exit =
          DatelineProcess.run(
              out,
              "index",
              "--quiet",
              "--threads",
              "2",
              "--commit-every",
              "100",
              "--index",
              index.toString(),
              source.toString());
      String message = Files.readString(out);
      assertEquals(1, exit, message);
      assertTrue(message.contains("dateline: the disk holding the index is full"), message);
      assertIntact(index);
      Map<String, Integer> byId = new TreeMap<>(TestIndexes.articlesById(index));
      byId.forEach((id, n) -> assertEquals(1, n, id));
      System.out.printf(
          "disk full: %d articles committed before the disk filled; message: %s%n",
          byId.size(), message.strip());
    } finally {
      new ProcessBuilder("umount", mount.toString()).start().waitFor();
    }
  }
}
