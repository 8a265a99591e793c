package org.dateline.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.monitor.MonitorQuery;
import org.dateline.config.Limits;
import org.dateline.enrich.Article;
import org.dateline.index.Schema;
import org.dateline.index.SourceFile;
import org.dateline.search.StandingQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A matcher closed cleanly leaves a snapshot of its candidate table; a restart of the same code
 * with the same alerts takes it instead of loading the query index, matches as before, and opens
 * the monitor only for a change. A snapshot that is missing, torn, of an older commit of the query
 * index, of other searches, or met by other code is not used: the opening loads the query index as
 * before. Every case matches the same articles.
 */
class TableSnapshotTest {

  @TempDir Path tmp;

  private static final Limits LIMITS = Limits.defaults();

  private static AlertSpec spec(String q) {
    return new AlertSpec(q, q, null, null, null, null, 0);
  }

  /** The alerts as a restart of the same code gives them: searches to be parsed when needed. */
  private static Map<String, AlertMatcher.Parsed> deferred(Map<String, String> queries) {
    Map<String, AlertMatcher.Parsed> out = new LinkedHashMap<>();
    queries.forEach(
        (id, q) ->
            out.put(
                id,
                new AlertMatcher.Parsed(
                    StandingEntry.search(spec(q)), new DeferredQuery(spec(q), LIMITS))));
    return out;
  }

  /** The alerts parsed now (as other code, or a first start, gives them). */
  private static Map<String, AlertMatcher.Parsed> parsed(Map<String, String> queries) {
    Map<String, AlertMatcher.Parsed> out = new LinkedHashMap<>();
    queries.forEach(
        (id, q) ->
            out.put(
                id,
                new AlertMatcher.Parsed(
                    StandingEntry.search(spec(q)), StandingQuery.of(spec(q).request(), LIMITS))));
    return out;
  }

  private static MonitorQuery query(String id, String q) {
    return new MonitorQuery(
        id, StandingQuery.of(spec(q).request(), LIMITS), StandingEntry.search(spec(q)), Map.of());
  }

  private static Document doc(String id, String text) throws Exception {
    Article a = NewArticles.of(id, "", text, null, "Wire", "en");
    return Schema.toDocument(a, new SourceFile(a.path(), 1, 1, "h"));
  }

  private static List<Set<String>> matches(AlertMatcher m) throws Exception {
    return m.match(
        List.of(
            doc("x", "The harbour closed."),
            doc("y", "The north quay and the ferries."),
            doc("z", "Prices of fish rose.")));
  }

  private static final Map<String, String> AB = Map.of("a", "quay", "b", "ferr*");

  private Path folder() throws Exception {
    Path folder = tmp.resolve(AlertMatcher.FOLDER);
    try (AlertMatcher m = AlertMatcher.open(folder, parsed(AB))) {
      assertFalse(m.fromSnapshot());
    }
    assertTrue(Files.exists(folder.resolve(TableSnapshot.FILE_NAME)));
    return folder;
  }

  @Test
  void aRestartTakesTheSnapshotAndOpensTheMonitorOnlyForAChange() throws Exception {
    Path folder = folder();
    try (AlertMatcher m = AlertMatcher.open(folder, deferred(AB))) {
      assertTrue(m.fromSnapshot());
      assertEquals(2, m.size());
      assertEquals(List.of(Set.of(), Set.of("a", "b"), Set.of()), matches(m));
      m.register(List.of(query("c", "pric*"))); // the monitor is loaded now
      assertEquals(List.of(Set.of(), Set.of("a", "b"), Set.of("c")), matches(m));
      assertEquals(
          matches(m),
          m.matchByMonitor(
              List.of(
                  doc("x", "The harbour closed."),
                  doc("y", "The north quay and the ferries."),
                  doc("z", "Prices of fish rose."))));
      assertEquals(3, m.size());
    }
    Map<String, String> abc = Map.of("a", "quay", "b", "ferr*", "c", "pric*");
    try (AlertMatcher m = AlertMatcher.open(folder, deferred(abc))) {
      assertTrue(m.fromSnapshot(), "the snapshot written at the close after the change");
      assertEquals(List.of(Set.of(), Set.of("a", "b"), Set.of("c")), matches(m));
      m.remove("b");
      assertEquals(List.of(Set.of(), Set.of("a"), Set.of("c")), matches(m));
    }
    try (AlertMatcher m = AlertMatcher.open(folder, deferred(Map.of("a", "quay", "c", "pric*")))) {
      assertTrue(m.fromSnapshot());
      assertEquals(2, m.size());
      assertEquals(List.of(Set.of(), Set.of("a"), Set.of("c")), matches(m));
    }
  }

  @Test
  void aMissingSnapshotIsALoad() throws Exception {
    Path folder = folder();
    Files.delete(folder.resolve(TableSnapshot.FILE_NAME));
    assertLoaded(folder, AB, List.of(Set.of(), Set.of("a", "b"), Set.of()));
  }

  @Test
  void aTornSnapshotIsNotUsed() throws Exception {
    Path folder = folder();
    Path file = folder.resolve(TableSnapshot.FILE_NAME);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(file, bytes);
    assertLoaded(folder, AB, List.of(Set.of(), Set.of("a", "b"), Set.of()));
  }

  @Test
  void aSnapshotOfAnOlderCommitIsNotUsed() throws Exception {
    Path folder = folder();
    Path old = tmp.resolve("old.snapshot");
    Files.copy(folder.resolve(TableSnapshot.FILE_NAME), old);
    try (AlertMatcher m = AlertMatcher.open(folder, deferred(AB))) {
      m.register(List.of(query("c", "pric*")));
      m.remove("c"); // the same alerts and searches as the old snapshot's, two commits later
    }
    // as a crash after the changes leaves it: the query index committed, the snapshot older
    Files.copy(old, folder.resolve(TableSnapshot.FILE_NAME), StandardCopyOption.REPLACE_EXISTING);
    assertLoaded(folder, AB, List.of(Set.of(), Set.of("a", "b"), Set.of()));
  }

  @Test
  void aSnapshotOfOtherSearchesOrAlertsIsNotUsed() throws Exception {
    Path folder = folder();
    // a changed search, saved before the crash that kept it from the query index
    assertLoaded(
        folder, Map.of("a", "harbour", "b", "ferr*"), List.of(Set.of("a"), Set.of("b"), Set.of()));
    // an alert saved and not registered
    assertLoaded(
        folder,
        Map.of("a", "harbour", "b", "ferr*", "c", "fish"),
        List.of(Set.of("a"), Set.of("b"), Set.of("c")));
    // an alert no longer saved
    assertLoaded(folder, Map.of("a", "harbour"), List.of(Set.of("a"), Set.of(), Set.of()));
  }

  @Test
  void otherCodeDoesNotUseTheSnapshot() throws Exception {
    Path folder = folder();
    try (AlertMatcher m = AlertMatcher.open(folder, parsed(AB))) {
      assertFalse(m.fromSnapshot());
      assertEquals(List.of(Set.of(), Set.of("a", "b"), Set.of()), matches(m));
    }
  }

  /** The matcher opens without the snapshot, matches as expected, and leaves a fitting one. */
  private static void assertLoaded(
      Path folder, Map<String, String> alerts, List<Set<String>> expected) throws Exception {
    try (AlertMatcher m = AlertMatcher.open(folder, deferred(alerts))) {
      assertFalse(m.fromSnapshot(), "the snapshot is not used");
      assertEquals(expected, matches(m));
    }
    try (AlertMatcher m = AlertMatcher.open(folder, deferred(alerts))) {
      assertTrue(m.fromSnapshot(), "the close wrote a snapshot that fits");
      assertEquals(expected, matches(m));
    }
  }
}
