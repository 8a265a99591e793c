package org.dateline.search;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.search.Collector;
import org.junit.jupiter.api.Test;

/** The time limit holds on the searcher's slice threads, not only on the request's thread. */
class QueryBudgetTest {

  private static Throwable collectOnAnotherThread(Collector collector) throws InterruptedException {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread t = Thread.ofPlatform().start(() -> {
      try {
        // The budget looks at the clock before it touches the segment.
        collector.getLeafCollector(null);
      } catch (Throwable e) {
        thrown.set(e);
      }
    });
    t.join();
    return thrown.get();
  }

  @Test
  void aCollectorOnASliceThreadKeepsTheRequestsDeadline() throws Exception {
    QueryBudget.start(1);
    try {
      Thread.sleep(20);
      Collector c = QueryBudget.bounded(new FacetsCollectorManager()).newCollector();
      assertInstanceOf(LimitExceededException.class, collectOnAnotherThread(c));
    } finally {
      QueryBudget.end();
    }
  }

  @Test
  void noLimitWhenNoSearchStartedTheClock() throws Exception {
    Collector c = QueryBudget.bounded(new FacetsCollectorManager()).newCollector();
    Throwable t = collectOnAnotherThread(c);
    // Without a deadline the check passes and the null segment is what fails.
    assertInstanceOf(NullPointerException.class, t);
  }
}
