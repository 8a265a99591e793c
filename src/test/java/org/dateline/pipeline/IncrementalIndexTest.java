package org.dateline.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.dateline.TestIndexes;
import org.dateline.index.ArticleIndex;
import org.dateline.ingest.FailureKind;
import org.dateline.ingest.IngestFailure;
import org.dateline.search.Hit;
import org.dateline.search.SearchRequest;
import org.dateline.search.SearchService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Re-indexing adds nothing, a changed file replaces its articles, --prune removes gone files. */
class IncrementalIndexTest {

  @TempDir Path work;

  private Path write(String name, String text) throws IOException {
    Path file = work.resolve("src").resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  private long count(Path index, String q) throws IOException {
    try (SearchService s = SearchService.readOnly(index)) {
      return s.search(SearchRequest.of(q)).total();
    }
  }

  @Test
  void secondRunAddsNothingChangesReplaceAndPruneRemoves() throws IOException {
    Path index = work.resolve("index");
    Path a = write("a.txt", "Quarry waste found in river\n\nThe quarry dumps waste at night.");
    write("b.txt", "Ferry strike ends\n\nThe strike ended on Tuesday.");
    IngestReport first = TestIndexes.index(index, false, work.resolve("src"));
    assertEquals(2, first.filesIndexed());

    IngestReport second = TestIndexes.index(index, false, work.resolve("src"));
    assertEquals(0, second.filesIndexed());
    assertEquals(2, second.filesUnchanged());
    assertEquals(2, count(index, ""));

    // Same bytes, new mtime: hashed, found unchanged, not rewritten.
    Files.setLastModifiedTime(a, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    assertEquals(0, TestIndexes.index(index, false, work.resolve("src")).filesIndexed());

    write("a.txt", "Quarry fined\n\nThe quarry was fined for dumping gravel.");
    IngestReport changed = TestIndexes.index(index, false, work.resolve("src"));
    assertEquals(1, changed.filesIndexed());
    assertEquals(2, count(index, ""));
    assertEquals(0, count(index, "waste"));
    assertEquals(1, count(index, "gravel"));

    Files.delete(a);
    assertEquals(2, count(index, ""), "without --prune a removed file's articles stay");
    IngestReport pruned = TestIndexes.index(index, true, work.resolve("src"));
    assertEquals(1, pruned.filesRemoved());
    assertEquals(1, count(index, ""));
  }

  @Test
  void sidecarOverridesWhatTheFileSays() throws IOException {
    Path index = work.resolve("index");
    write("note.txt", "Harbour fire\n\nMarch 5, 2019 at 1:24 am\n\nA warehouse burned.");
    write(
        "note.txt.meta.json",
        "{\"date\": \"2018-12-24\", \"outlet\": \"Harbour Gazette\","
            + " \"authors\": [\"Ada Lund\"]}");
    TestIndexes.index(index, false, work.resolve("src"));
    try (SearchService s = SearchService.readOnly(index)) {
      Hit hit = s.search(SearchRequest.of("warehouse")).hits().get(0);
      assertEquals("2018-12-24", hit.date());
      assertEquals("Harbour Gazette", hit.outlet());
      assertEquals(List.of("Ada Lund"), hit.authors());
      assertEquals("sidecar", s.document(hit.id()).provenance().get("date"));
      assertEquals(1, s.search(SearchRequest.of("")).total(), "the sidecar is not an article");
    }
  }

  @Test
  void aFolderSidecarGivesItsFilesTheirOutletUnlessTheirOwnSays() throws IOException {
    Path index = work.resolve("index");
    write("bbc/politics/1.txt", "Blair backs plan\n\nThe prime minister backed the plan.");
    write("bbc/sport/2.txt", "Cup final tonight\n\nThe final starts at eight.");
    write("bbc/sport/2.txt.meta.json", "{\"outlet\": \"BBC Sport\"}");
    write("other/3.txt", "Harbour fire\n\nA warehouse burned.");
    write("bbc/folder.meta.json", "{\"outlet\": \"BBC News\", \"date\": \"2005-01-01\"}");
    IngestReport first = TestIndexes.index(index, false, work.resolve("src"));
    assertEquals(3, first.filesIndexed(), "a folder sidecar is no article");
    try (SearchService s = SearchService.readOnly(index)) {
      Hit blair = s.search(SearchRequest.of("backed")).hits().get(0);
      assertEquals("BBC News", blair.outlet());
      assertEquals("sidecar", s.document(blair.id()).provenance().get("outlet"));
      assertEquals(null, blair.date(), "a folder's date is no date of each of its files");
      assertEquals("BBC Sport", s.search(SearchRequest.of("final")).hits().get(0).outlet());
      assertEquals(null, s.search(SearchRequest.of("warehouse")).hits().get(0).outlet());
    }
    // the folder's sidecar changed: its files are read again, the others are not
    write("bbc/folder.meta.json", "{\"outlet\": \"BBC\"}");
    assertEquals(2, TestIndexes.index(index, false, work.resolve("src")).filesIndexed());
    try (SearchService s = SearchService.readOnly(index)) {
      assertEquals("BBC", s.search(SearchRequest.of("backed")).hits().get(0).outlet());
    }
  }

  @Test
  void badFilesAreReportedByKindAndNeverStopTheRun() throws IOException {
    Path index = work.resolve("index");
    write("good.txt", "Bridge reopens\n\nThe bridge reopened.");
    write("empty.txt", "");
    Path junk = work.resolve("src").resolve("junk.html");
    byte[] noise = new byte[4096];
    new java.util.Random(7).nextBytes(noise);
    Files.write(junk, noise);
    Path bigDir = Files.createDirectories(work.resolve("src").resolve("big"));
    Files.write(bigDir.resolve("huge.txt"), new byte[3 * 1024 * 1024]);
    var config =
        TestIndexes.config(index).withLimits(2 * 1024 * 1024, java.time.Duration.ofSeconds(30));
    IngestReport r;
    try (ArticleIndex ai = ArticleIndex.open(index)) {
      r =
          new Indexer(
                  config,
                  ai,
                  org.dateline.enrich.Enricher.standard(
                      org.dateline.enrich.entities.EntityExtractor.NONE),
                  IngestProgress.NONE)
              .run(List.of(work.resolve("src")), false);
    }
    Map<String, FailureKind> kinds = new java.util.TreeMap<>();
    for (IngestFailure f : r.failures()) {
      kinds.put(Path.of(f.path()).getFileName().toString(), f.kind());
    }
    assertEquals(FailureKind.EMPTY, kinds.get("empty.txt"));
    assertEquals(FailureKind.TOO_LARGE, kinds.get("huge.txt"));
    assertTrue(
        kinds.get("junk.html") == FailureKind.UNSUPPORTED
            || kinds.get("junk.html") == FailureKind.EMPTY
            || kinds.get("junk.html") == null,
        "junk: " + kinds);
    assertEquals(1, count(index, "bridge"));
  }
}
