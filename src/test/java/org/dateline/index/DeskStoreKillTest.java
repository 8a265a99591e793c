package org.dateline.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desk store survives {@code kill -9} in the middle of writing: a child JVM tags one article
 * "t00000", "t00001", ... as fast as it can and is killed without warning; the store then opens and
 * holds exactly the first n tags, for some n > 0 (every change it finished, none torn).
 */
class DeskStoreKillTest {

  @TempDir Path dir;

  /** The child: tags article "a" with t00000, t00001, ... until killed. */
  public static void main(String[] args) throws IOException {
    DeskStore store = DeskStore.open(Path.of(args[0]));
    for (int i = 0; ; i++) {
      store.tag("a", String.format(java.util.Locale.ROOT, "t%05d", i), true);
      if (i == 20) {
        Files.writeString(Path.of(args[0], "started"), "");
      }
    }
  }

  @Test
  void aKilledWriterLeavesEveryFinishedChangeAndNoTornFile() throws Exception {
    String javaCommand = ProcessHandle.current().info().command().orElse("java");
    Process child =
        new ProcessBuilder(
                javaCommand,
                "-cp",
                System.getProperty("java.class.path"),
                DeskStoreKillTest.class.getName(),
                dir.toString())
            .inheritIO()
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(dir.resolve("started")) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    Thread.sleep(300);
    child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no flush
    child.waitFor();
    assertTrue(Files.exists(dir.resolve("started")), "the child wrote 20 changes");
    List<String> tags = DeskStore.open(dir).of("a").tags();
    assertTrue(tags.size() > 20, "at least the 21 changes before 'started': " + tags.size());
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < tags.size(); i++) {
      expected.add(String.format(java.util.Locale.ROOT, "t%05d", i));
    }
    assertEquals(expected, tags);
  }
}
