package org.dateline.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our presearcher ({@link CandidateTable}) picks exactly the candidates lucene-monitor's search
 * over its query index picks, and so the same matches: every kind of query of {@code MatchFormTest}
 * (99 with their filter and date variants), on each article alone and on a batch of four; and at a
 * restart, when the table is read back from the query index on disk.
 */
class CandidateTableTest {

  @TempDir Path tmp;

  private static List<Document> articles() throws Exception {
    List<Document> docs = new ArrayList<>();
    for (int i = 0; i < MatchFormTest.ARTICLES.length; i++) {
      docs.add(MatchFormTest.doc(i));
    }
    return docs;
  }

  /** Each article alone, then all four together: the matches, and the candidates run. */
  private record Outcome(List<Set<String>> alone, List<Set<String>> together, long candidates) {}

  private static Outcome ours(AlertMatcher m) throws Exception {
    long before = m.queriesRun();
    List<Set<String>> alone = new ArrayList<>();
    for (int i = 0; i < MatchFormTest.ARTICLES.length; i++) {
      alone.addAll(m.match(List.of(MatchFormTest.doc(i))));
    }
    List<Set<String>> together = m.match(articles());
    return new Outcome(alone, together, m.queriesRun() - before);
  }

  private static Outcome monitors(AlertMatcher m) throws Exception {
    long before = m.queriesRun();
    List<Set<String>> alone = new ArrayList<>();
    for (int i = 0; i < MatchFormTest.ARTICLES.length; i++) {
      alone.addAll(m.matchByMonitor(List.of(MatchFormTest.doc(i))));
    }
    List<Set<String>> together = m.matchByMonitor(articles());
    return new Outcome(alone, together, m.queriesRun() - before);
  }

  private static int pairs(List<Set<String>> matches) {
    return matches.stream().mapToInt(Set::size).sum();
  }

  @Test
  void theTablePicksTheMonitorsCandidates() throws Exception {
    List<Query> queries = MatchFormTest.allQueries();
    List<MonitorQuery> registered = new ArrayList<>();
    for (int i = 0; i < queries.size(); i++) {
      registered.add(new MonitorQuery("q" + i, queries.get(i), "q" + i, Map.of()));
    }
    try (AlertMatcher m = new AlertMatcher()) {
      m.register(registered);
      Outcome ours = ours(m);
      Outcome monitors = monitors(m);
      assertEquals(monitors, ours);
      assertEquals(87, pairs(ours.alone())); // as Lucene gives them (MatchFormTest)
      assertEquals(87, pairs(ours.together()));
      // the presearch selects: fewer candidates than alerts times calls (5 calls of 99 alerts)
      assertTrue(ours.candidates() < 5 * 99, "candidates: " + ours.candidates());
      assertEquals(0, m.failed());
      // an alert removed is no longer a candidate; one registered again is, under its new query
      assertTrue(ours.alone().get(0).contains("q0")); // harbour
      m.remove("q0");
      assertFalse(m.match(List.of(MatchFormTest.doc(0))).get(0).contains("q0"));
      m.register(List.of(new MonitorQuery("q1", queries.get(0), "q1 now harbour", Map.of())));
      assertTrue(m.match(List.of(MatchFormTest.doc(0))).get(0).contains("q1"));
      assertFalse(m.match(List.of(MatchFormTest.doc(1))).get(0).contains("q1"));
    }
  }

  @Test
  void aRestartReadsTheCandidatesFromTheQueryIndexOnDisk() throws Exception {
    List<Query> queries = MatchFormTest.allQueries();
    Map<String, AlertMatcher.Parsed> wanted = new HashMap<>();
    for (int i = 0; i < queries.size(); i++) {
      wanted.put("q" + i, new AlertMatcher.Parsed("search " + i, queries.get(i)));
    }
    Path folder = tmp.resolve(AlertMatcher.FOLDER);
    Outcome first;
    try (AlertMatcher m = AlertMatcher.open(folder, wanted)) {
      first = ours(m);
      assertEquals(monitors(m), first);
    }
    // the same searches parsed again: taken as indexed, their candidate terms read from disk
    Map<String, AlertMatcher.Parsed> again = new HashMap<>();
    List<Query> reparsed = MatchFormTest.allQueries();
    for (int i = 0; i < reparsed.size(); i++) {
      again.put("q" + i, new AlertMatcher.Parsed("search " + i, reparsed.get(i)));
    }
    try (AlertMatcher m = AlertMatcher.open(folder, again)) {
      assertEquals(0, m.parsedAtOpen());
      Outcome reopened = ours(m);
      assertEquals(first, reopened);
      assertEquals(monitors(m), reopened);
      assertEquals(87, pairs(reopened.alone()));
    }
  }
}
