package org.dateline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/** A request's time limit holds on the searcher's slice threads, not only on the request's. */
class DeadlineTest {

  private static Throwable collectOnAnotherThread(Collector collector) throws Exception {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
        w.addDocument(new Document());
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        Thread t =
            Thread.ofPlatform()
                .start(
                    () -> {
                      try {
                        // The deadline is looked at before the segment is touched.
                        collector.getLeafCollector(reader.leaves().get(0));
                      } catch (Throwable e) {
                        thrown.set(e);
                      }
                    });
        t.join();
      }
    }
    return thrown.get();
  }

  @Test
  void aCollectorOnASliceThreadKeepsTheRequestsDeadline() throws Exception {
    Deadline deadline = Deadline.in(1);
    Thread.sleep(20);
    Collector c = deadline.bound(new FacetsCollectorManager()).newCollector();
    Throwable t = collectOnAnotherThread(c);
    SearchTimeoutException timeout = assertInstanceOf(SearchTimeoutException.class, t);
    assertEquals(
        "the search took longer than its time limit of 1 ms: the server may be busy, or still"
            + " warming up after a start. Try again in a moment; if it keeps happening, narrow the"
            + " search (a date range, a filter, fewer wildcards)",
        t.getMessage());
    assertEquals("search_timeout_ms", timeout.setting());
  }

  @Test
  void aDeadlineNotYetReachedLetsTheCollectorRun() throws Exception {
    Collector c = Deadline.in(60_000).bound(new FacetsCollectorManager()).newCollector();
    assertNull(collectOnAnotherThread(c));
  }

  @Test
  void noDeadlineNeverStopsASearch() throws Exception {
    Deadline none = Deadline.NONE;
    Thread.sleep(5);
    none.check();
    assertNull(collectOnAnotherThread(none.bound(new FacetsCollectorManager()).newCollector()));
  }

  @Test
  void aWholeSearchPastItsDeadlineIsStopped() throws Exception {
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
        for (int i = 0; i < 1000; i++) {
          w.addDocument(new Document());
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        FacetsCollector all =
            searcher.search(
                new MatchAllDocsQuery(), Deadline.in(60_000).bound(new FacetsCollectorManager()));
        assertEquals(1000, all.getMatchingDocs().get(0).totalHits());
        Deadline past = Deadline.in(0);
        Thread.sleep(2);
        assertThrows(
            LimitExceededException.class,
            () ->
                searcher.search(new MatchAllDocsQuery(), past.bound(new FacetsCollectorManager())));
      }
    }
  }
}
