package org.dateline.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.dateline.TestIndexes;
import org.dateline.cli.Main;
import org.dateline.config.Config;
import org.dateline.config.WatchConfig;
import org.dateline.index.Schema;
import org.dateline.search.SearchRequest;
import org.dateline.search.SearchResponse;
import org.dateline.search.SearchService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server's own writer on a real index fed by real files: what is dropped becomes searchable
 * before any commit, uploads share the writer, a second writer is refused with the message that
 * says what to do instead, and closing commits.
 */
class LiveIndexTest {

  @TempDir Path tmp;

  private static final String SYRIA = "000_7208853106593958.txt";
  private static final String SYRIA_TITLE =
      "Scores of civilians, fighters depart Daesh stronghold in Syria";

  /** Searches until {@code query} has {@code total} hits; returns the answer, or the last one. */
  private static SearchResponse awaitTotal(
      SearchService search, String query, long total, Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    SearchResponse r = search.search(SearchRequest.of(query));
    while (r.total() != total && System.nanoTime() < deadline) {
      Thread.sleep(20);
      r = search.search(SearchRequest.of(query));
    }
    return r;
  }

  private static void drop(Path file, Path folder) throws Exception {
    Path tmp = folder.resolve("." + file.getFileName());
    Files.copy(file, tmp);
    Files.move(tmp, folder.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
  }

  @Test
  void droppedFilesAreSearchableBeforeAnyCommitAndCommittedOnClose() throws Exception {
    Path index = tmp.resolve("index");
    Path dropDir = Files.createDirectories(tmp.resolve("drop"));
    Config config =
        TestIndexes.config(index)
            .withEntities(false)
            .withWatch(new WatchConfig(dropDir, Duration.ofMillis(50), Duration.ofMinutes(10)));
    StringWriter log = new StringWriter();
    try (LiveIndex live = LiveIndex.open(config, new PrintWriter(log));
        SearchService search =
            SearchService.nearRealTime(live.index().writer(), config.limits(), 100)) {
      live.watch(DropFolder.open(dropDir, Duration.ofMillis(50), Duration.ofHours(1)));
      long t0 = System.nanoTime();
      drop(TestIndexes.SEEDS.resolve(SYRIA), dropDir);
      SearchResponse r = awaitTotal(search, "\"Deir Ezzor\"", 1, Duration.ofSeconds(20));
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertEquals(1, r.total(), "not searchable after " + ms + " ms; log: " + log);
      assertEquals(SYRIA_TITLE, r.hits().get(0).title());
      // No commit has recorded the drop folder yet: the file's name alone, never its absolute path.
      assertEquals(SYRIA, r.hits().get(0).path());
      // Searchable, yet nothing committed: the commit interval is ten minutes.
      assertFalse(DirectoryReader.indexExists(FSDirectory.open(index)));

      // The server owns the writer: 'dateline index' on the same folder fails at once, and says
      // what to do instead.
      StringWriter err = new StringWriter();
      var cl = Main.commandLine();
      cl.setErr(new PrintWriter(err));
      cl.setOut(new PrintWriter(new StringWriter()));
      assertEquals(
          1,
          cl.execute(
              "index",
              TestIndexes.SEEDS.toString(),
              "--index",
              index.toString(),
              "--no-entities",
              "--quiet"));
      String message = err.toString().strip();
      assertTrue(
          message.startsWith(
              "dateline: the index is being written by another Dateline" + " process"),
          message);
      assertTrue(message.contains("drop files into its watch folder or upload them"), message);
      assertEquals(1, message.lines().count(), message);

      // An upload goes through the same writer and is committed before it is answered.
      Path upload =
          Files.copy(
              TestIndexes.SEEDS.resolve("001_e06852631588b5ac.txt"), tmp.resolve("upload.txt"));
      IngestReport report = live.add(List.of(upload));
      assertEquals(1, report.filesIndexed());
      assertEquals(1, report.articlesWritten());
      assertTrue(DirectoryReader.indexExists(FSDirectory.open(index)));
      search.refresh();
      assertEquals(2, search.search(SearchRequest.of("*")).total());

      // The rest of the seeds, dropped at once.
      for (String name :
          List.of(
              "002_22696a13c1ec76d6.txt", "003_24947ef1d764ed2f.txt", "004_2935b12a5db641dd.txt")) {
        drop(TestIndexes.SEEDS.resolve(name), dropDir);
      }
      assertEquals(5, awaitTotal(search, "*", 5, Duration.ofSeconds(20)).total(), log.toString());
    }
    // Closed: everything is in the last commit, and a restart indexes nothing again.
    try (SearchService committed = SearchService.readOnly(index)) {
      assertEquals(5, committed.search(SearchRequest.of("*")).total());
      assertEquals(
          4, committed.search(SearchRequest.of("\"Deir Ezzor\"")).total()); // "Deir ez-Zor" too
    }
    try (LiveIndex again =
        LiveIndex.open(
            TestIndexes.config(index).withEntities(false), new PrintWriter(new StringWriter()))) {
      List<Path> all;
      try (var files = Files.list(dropDir)) {
        all = files.toList();
      }
      IngestReport second = again.add(all);
      assertEquals(4, second.filesUnchanged());
      assertEquals(0, second.filesIndexed());
    }
  }

  /**
   * A long batch is committed by the indexer itself every few files; the watcher's own commit (the
   * entity pass, the ingest time, the log line an operator reads) must follow all the same.
   */
  @Test
  void aBatchTheIndexerCommittedItselfStillGetsTheWatchCommit() throws Exception {
    Path index = tmp.resolve("index");
    Path dropDir = Files.createDirectories(tmp.resolve("drop"));
    Config config =
        TestIndexes.config(index)
            .withEntities(false)
            .withCommitEveryFiles(1)
            .withWatch(new WatchConfig(dropDir, Duration.ofMillis(50), Duration.ofMillis(200)));
    StringWriter log = new StringWriter();
    try (LiveIndex live = LiveIndex.open(config, new PrintWriter(log))) {
      live.watch(DropFolder.open(dropDir, Duration.ofMillis(50), Duration.ofHours(1)));
      for (String name :
          List.of(
              "002_22696a13c1ec76d6.txt", "003_24947ef1d764ed2f.txt", "004_2935b12a5db641dd.txt")) {
        drop(TestIndexes.SEEDS.resolve(name), dropDir);
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (committedFiles(log.toString()) < 3 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertEquals(3, committedFiles(log.toString()), log.toString());
      assertTrue(live.index().lastCommitData().containsKey(Schema.LAST_INGEST_KEY));
    }
  }

  /**
   * A file's articles reach the before-write hook ahead of the local write, and are exactly those
   * the after-write hook (and the index) then get; the writer holds none of them at the first call.
   */
  @Test
  void theBeforeWriteHookGetsWhatIsThenWrittenAheadOfTheWrite() throws Exception {
    Path index = tmp.resolve("index");
    Config config = TestIndexes.config(index).withEntities(false);
    List<String> before = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<String> after = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (LiveIndex live = LiveIndex.open(config, new PrintWriter(new StringWriter()))) {
      live.beforeWrite(
          (source, articles, stamps) -> {
            int docs = live.index().writer().getDocStats().numDocs;
            articles.forEach(a -> before.add(docs + " " + a.id() + " " + a.title()));
          });
      live.hook(
          (source, articles, stamps) ->
              articles.forEach(a -> after.add("0 " + a.id() + " " + a.title())));
      IngestReport report = live.add(List.of(TestIndexes.SEEDS.resolve(SYRIA)));
      assertEquals(1, report.articlesWritten());
      assertTrue(live.index().writer().getDocStats().numDocs > 0);
    }
    assertEquals(1, before.size(), before.toString());
    assertTrue(before.get(0).endsWith(" " + SYRIA_TITLE), before.toString());
    assertEquals(after, before);
  }

  /** Files the watcher's log lines say it committed. */
  private static int committedFiles(String log) {
    var m = java.util.regex.Pattern.compile("Watch: committed (\\d+) files").matcher(log);
    int n = 0;
    while (m.find()) {
      n += Integer.parseInt(m.group(1));
    }
    return n;
  }
}
