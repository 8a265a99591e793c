package org.dateline.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.dateline.TestIndexes;
import org.dateline.config.Config;
import org.dateline.config.Limits;
import org.dateline.ingest.HostileFiles;
import org.dateline.pipeline.IngestReport;
import org.dateline.search.SearchRequest;
import org.dateline.search.SearchService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and odd files, generated here, through the whole ingest path with worker isolation on:
 * each one gets its golden outcome (indexed with N articles, or a failure kind and reason), none
 * hangs the run or takes the indexing process's memory, and the good files beside them are indexed.
 */
class HostileFilesIT {

  @TempDir Path work;

  private Config config(Path index) {
    return TestIndexes.config(index);
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void everyHostileFileGetsAClearOutcome() throws IOException {
    Path files = Files.createDirectories(work.resolve("files"));
    HostileFiles.zipBomb(files.resolve("bomb.zip"), 200);
    HostileFiles.nestedContainers(files.resolve("nested.zip"));
    HostileFiles.deepZip(files.resolve("deep.zip"), 60);
    HostileFiles.binaryJunk(files.resolve("junk.html"), 64 * 1024);
    HostileFiles.invalidUtf8(files.resolve("bad-utf8.txt"));
    Files.createFile(files.resolve("empty.txt"));
    Files.createDirectories(files.resolve("sub"));
    Files.createSymbolicLink(files.resolve("sub/loop"), files);
    Files.createSymbolicLink(files.resolve("self.txt"), files.resolve("self.txt"));
    Files.writeString(files.resolve("good.txt"), "Storm closes the harbour\n\nThe port shut.");
    Path index = work.resolve("index");
    IngestReport report = TestIndexes.index(config(index), files);
    Map<String, String> expected =
        new TreeMap<>(
            Map.of(
                "bad-utf8.txt", "indexed 1",
                "bomb.zip",
                    "too large: a zip bomb: its members expand to more than N bytes (the limit"
                        + " for the files inside)",
                "deep.zip", "indexed 1",
                "empty.txt", "empty: the file is empty (0 bytes)",
                "good.txt", "indexed 1",
                "junk.html", "unsupported: binary data, not a web page",
                "loop", "unreadable: symbolic link loop",
                "nested.zip", "indexed 2",
                "self.txt",
                    "unreadable: symbolic link that leads nowhere (a loop or a missing target)"));
    Map<String, String> actual = TestIndexes.outcomes(report, index);
    actual.replaceAll((file, outcome) -> outcome.replaceAll("\\d{5,}", "N"));
    assertEquals(expected, actual);
    try (SearchService search = SearchService.readOnly(index)) {
      // Invalid bytes are replaced, the words around them still found; nested members are articles.
      assertEquals(1, search.search(SearchRequest.of("parliament AND turnout")).total());
      assertEquals(1, search.search(SearchRequest.of("\"deep inside the archive\"")).total());
      assertEquals(2, search.search(SearchRequest.of("negotiators OR ships")).total());
    }
  }

  @Test
  void anUnreadableFileIsReportedNotFatal() throws IOException {
    Path files = Files.createDirectories(work.resolve("locked"));
    Path locked = Files.writeString(files.resolve("locked.txt"), "Secret minutes of the board.");
    Files.writeString(files.resolve("open.txt"), "Storm closes the harbour\n\nThe port shut.");
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    // root reads any file whatever its mode: there the case cannot be made, so it is skipped.
    assumeFalse(Files.isReadable(locked), "running as root: a mode-000 file is still readable");
    Path index = work.resolve("index");
    IngestReport report = TestIndexes.index(config(index), files);
    assertEquals(
        Map.of("locked.txt", "unreadable: permission denied", "open.txt", "indexed 1"),
        TestIndexes.outcomes(report, index));
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void a200MbTextFileIsIndexedCutAtTheTextLimit() throws IOException {
    Path files = Files.createDirectories(work.resolve("big"));
    HostileFiles.bigText(files.resolve("big.txt"), 200);
    Path index = work.resolve("index");
    IngestReport report;
    try {
      report = TestIndexes.index(config(index), files);
    } finally {
      Files.delete(files.resolve("big.txt"));
    }
    assertEquals(Map.of("big.txt", "indexed 1"), TestIndexes.outcomes(report, index));
    try (SearchService search = SearchService.readOnly(index)) {
      var hits = search.search(SearchRequest.of("harbour AND storm")).hits();
      assertEquals(1, hits.size());
      int chars = search.document(hits.get(0).id()).text().length();
      assertTrue(
          chars <= Config.DEFAULT_MAX_ARTICLE_CHARS
              && chars > Config.DEFAULT_MAX_ARTICLE_CHARS * 0.95,
          "text cut at the per-article limit: " + chars);
    }
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void truncatedPdfsNeverHang() throws IOException {
    Path files = Files.createDirectories(work.resolve("pdf"));
    FormatsTest.writePdf(files.resolve("whole.pdf"));
    byte[] pdf = Files.readAllBytes(files.resolve("whole.pdf"));
    Random random = new Random(42);
    for (int i = 0; i < 12; i++) {
      int cut = 1 + random.nextInt(pdf.length - 1);
      Files.write(files.resolve("cut-" + cut + ".pdf"), Arrays.copyOf(pdf, cut));
    }
    Path index = work.resolve("index");
    IngestReport report = TestIndexes.index(config(index), files);
    Map<String, String> outcomes = TestIndexes.outcomes(report, index);
    assertEquals(13, outcomes.size(), outcomes.toString());
    assertEquals("indexed 1", outcomes.get("whole.pdf"));
    long corrupt = 0;
    for (Map.Entry<String, String> e : outcomes.entrySet()) {
      // A cut PDF is either recovered by PDFBox (the text is before the cut) or reported corrupt.
      assertTrue(
          e.getValue().equals("indexed 1")
              || e.getValue().startsWith("corrupt: cannot" + " parse: "),
          e.toString());
      corrupt += e.getValue().startsWith("corrupt") ? 1 : 0;
    }
    assertTrue(corrupt >= 6, "most cuts lose the page tree: " + outcomes);
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void aParseThatNeedsTooMuchMemoryOrTimeKillsOnlyItsWorker() throws IOException {
    Path files = Files.createDirectories(work.resolve("docx"));
    HostileFiles.memoryHungryDocx(files.resolve("hungry.docx"), 40);
    Files.writeString(files.resolve("good.txt"), "Storm closes the harbour\n\nThe port shut.");
    Path index = work.resolve("index");
    Config small =
        config(index).withLimits(Limits.defaults().withIsolation(Limits.Isolation.ALL, 64));
    IngestReport report = TestIndexes.index(small, files);
    assertEquals(
        Map.of(
            "good.txt",
            "indexed 1",
            "hungry.docx",
            "too large: parsing needed more"
                + " than the 64 MB heap of a parse worker (the parse memory limit)"),
        TestIndexes.outcomes(report, index));
    Path index2 = work.resolve("index2");
    Config slow = config(index2).withLimits(Config.DEFAULT_MAX_FILE_BYTES, Duration.ofSeconds(1));
    report = TestIndexes.index(slow, files);
    assertEquals(
        Map.of(
            "good.txt",
            "indexed 1",
            "hungry.docx",
            "timed out: parsing took longer"
                + " than 1 s (the parse time limit); its worker process was stopped"),
        TestIndexes.outcomes(report, index2));
  }
}
