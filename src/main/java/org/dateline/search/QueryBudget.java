package org.dateline.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FilterCollector;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.LeafCollector;

/**
 * The time limit of one search, kept per thread: a search starts the clock on the thread that runs
 * it; collectors wrapped by {@link #bounded} check it every few hundred hits, and KWIC building
 * checks it between hits. (Lucene's own {@code IndexSearcher.setTimeout} cannot be used: it scores
 * in windows, which the DrillSideways scorer refuses, and it belongs to a searcher that concurrent
 * requests share.) Thread-safe.
 */
final class QueryBudget {

  /** How many hits a collector takes between two looks at the clock. */
  private static final int CHECK_EVERY = 256;

  /** Per thread: {deadline in System.nanoTime() units or 0 when no search runs, limit in ms}. */
  private static final ThreadLocal<long[]> DEADLINE = ThreadLocal.withInitial(() -> new long[2]);

  private QueryBudget() {}

  /** Starts the clock of a search on this thread. */
  static void start(long timeoutMs) {
    long[] d = DEADLINE.get();
    d[0] = System.nanoTime() + timeoutMs * 1_000_000;
    d[1] = timeoutMs;
  }

  /** Ends this thread's search. */
  static void end() {
    DEADLINE.get()[0] = 0;
  }

  /** True when a search runs on this thread (its clock was started and not ended). */
  static boolean running() {
    return DEADLINE.get()[0] != 0;
  }

  /**
   * A timeout for Lucene's {@code ExitableDirectoryReader} that fires at this thread's deadline,
   * whichever thread asks.
   */
  static org.apache.lucene.index.QueryTimeout timeout() {
    long deadline = DEADLINE.get()[0];
    return () -> deadline != 0 && System.nanoTime() - deadline > 0;
  }

  /** Throws when this thread's search has run past its time limit. */
  static void check() {
    long[] d = DEADLINE.get();
    check(d[0], d[1]);
  }

  private static void check(long deadline, long limitMs) {
    if (deadline != 0 && System.nanoTime() - deadline > 0) {
      throw new LimitExceededException("the search took longer than its time limit of " + limitMs
          + " ms (search_timeout_ms, --search-timeout-ms): narrow the query (fewer wildcards, a"
          + " date range, a filter) or ask for fewer KWIC lines");
    }
  }

  /**
   * {@code manager}'s collectors, checking the clock as they collect. The deadline is read here, on
   * the request's thread, because the collectors may run on the searcher's slice threads.
   */
  static <C extends Collector, T> CollectorManager<Bounded<C>, T> bounded(
      CollectorManager<C, T> manager) {
    long deadline = DEADLINE.get()[0];
    long limitMs = DEADLINE.get()[1];
    return new CollectorManager<>() {
      @Override
      public Bounded<C> newCollector() throws IOException {
        return new Bounded<>(manager.newCollector(), deadline, limitMs);
      }

      @Override
      public T reduce(Collection<Bounded<C>> collectors) throws IOException {
        List<C> inner = new ArrayList<>(collectors.size());
        for (Bounded<C> c : collectors) {
          inner.add(c.inner);
        }
        return manager.reduce(inner);
      }
    };
  }

  /** A collector that looks at the clock every {@link #CHECK_EVERY} hits. */
  static final class Bounded<C extends Collector> extends FilterCollector {
    final C inner;
    private final long deadline;
    private final long limitMs;

    Bounded(C inner, long deadline, long limitMs) {
      super(inner);
      this.inner = inner;
      this.deadline = deadline;
      this.limitMs = limitMs;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      check(deadline, limitMs);
      return new FilterLeafCollector(super.getLeafCollector(context)) {
        private int collected;

        @Override
        public void collect(int doc) throws IOException {
          if (++collected % CHECK_EVERY == 0) {
            check(deadline, limitMs);
          }
          super.collect(doc);
        }
      };
    }
  }
}
