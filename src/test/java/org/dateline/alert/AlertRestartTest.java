package org.dateline.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dateline.config.Limits;
import org.dateline.enrich.Article;
import org.dateline.index.SourceFile;
import org.dateline.index.StoryStamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart of the same code parses no saved search (the query index on disk holds what it would
 * give) and matches as before; without the record of the code that parsed them (as after an
 * upgrade) every search is parsed again; under other limits a search they refuse is not run, and is
 * parsed again at each restart (the query index does not hold it).
 */
class AlertRestartTest {

  @TempDir Path tmp;

  private static final String OWNER = "write key 1";

  private static void arrive(Alerts alerts, String id, String text) throws Exception {
    Article a = NewArticles.of(id, "", text, null, "Wire", "en");
    alerts.written(
        new SourceFile(a.path(), 1, 1, "h" + id), List.of(a), List.of(StoryStamp.alone(a)));
  }

  private static int events(Alerts alerts, String id) {
    return alerts.events(OWNER, id, 0).size();
  }

  @Test
  void theSameCodeParsesNothingAtARestartAndOtherCodeParsesAll() throws Exception {
    Path dir = tmp.resolve("index");
    Limits limits = Limits.defaults();
    List<String> ids;
    try (Alerts alerts = Alerts.open(dir, limits)) {
      ids =
          alerts
              .createAll(
                  OWNER,
                  List.of(
                      new AlertSpec("a", "quay", null, null, null, null, 0),
                      new AlertSpec("b", "ferr*", null, null, null, null, 0),
                      new AlertSpec("c", "\"north quay\"", null, null, null, null, 0)))
              .stream()
              .map(AlertStatus::id)
              .toList();
    }
    try (Alerts alerts = Alerts.open(dir, limits)) {
      assertEquals(3, alerts.opened().alerts());
      assertEquals(0, alerts.opened().parsed());
      arrive(alerts, "x1", "The north quay closed and the ferries stopped.");
      assertEquals(List.of(1, 1, 1), ids.stream().map(id -> events(alerts, id)).toList());
    }
    Files.delete(dir.resolve(AlertMatcher.FOLDER).resolve(ParsedBy.FILE));
    try (Alerts alerts = Alerts.open(dir, limits)) {
      assertEquals(3, alerts.opened().parsed());
      arrive(alerts, "x2", "A ferry left the south quay at noon.");
      assertEquals(List.of(2, 2, 1), ids.stream().map(id -> events(alerts, id)).toList());
    }
    Limits shorter = limits.withSearch(limits.maxQueryTerms(), limits.searchTimeoutMs(), 4, 1024);
    try (Alerts alerts = Alerts.open(dir, shorter)) {
      assertEquals(3, alerts.opened().parsed());
      assertEquals(1, alerts.size(), "ferr* and \"north quay\" are longer than 4 characters");
      arrive(alerts, "x3", "The north quay and its ferries reopened.");
      assertEquals(List.of(3, 2, 1), ids.stream().map(id -> events(alerts, id)).toList());
    }
    try (Alerts alerts = Alerts.open(dir, shorter)) {
      // the same code and limits: only the two refused, which the query index does not hold
      assertEquals(2, alerts.opened().parsed());
      assertEquals(1, alerts.size());
    }
  }
}
