package org.dateline.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FilterCollector;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.LeafCollector;
import org.dateline.search.facet.FacetSearcher;

/**
 * The time limit of one request, started before its query is parsed. Collectors wrapped by {@link
 * #bound} look at the clock every few hundred hits, on whichever slice thread runs them, and the
 * searcher between windows of documents (FacetSearcher), so that a query that matches little but
 * costs much per candidate (a phrase of hundreds of common words) is stopped too; KWIC building
 * looks between hits. (Lucene's own {@code IndexSearcher.setTimeout} cannot be used: it belongs to
 * a searcher that concurrent requests share.) Immutable, so one deadline may be read from any
 * thread.
 */
public final class Deadline {

  /** How many hits a collector takes between two looks at the clock. */
  private static final int CHECK_EVERY = 256;

  /** No limit (exports, which stream for as long as the client reads). */
  public static final Deadline NONE = new Deadline(0, 0);

  /** In {@link System#nanoTime()} units; 0 for no limit. */
  private final long deadlineNanos;

  private final long limitMs;

  private Deadline(long deadlineNanos, long limitMs) {
    this.deadlineNanos = deadlineNanos;
    this.limitMs = limitMs;
  }

  /** A deadline {@code timeoutMs} from now. */
  public static Deadline in(long timeoutMs) {
    return new Deadline(System.nanoTime() + timeoutMs * 1_000_000, timeoutMs);
  }

  /** Throws when the request has run past its time limit. */
  public void check() {
    if (deadlineNanos != 0 && System.nanoTime() - deadlineNanos > 0) {
      throw new SearchTimeoutException(limitMs);
    }
  }

  /** This deadline as Lucene's {@code QueryTimeout} (for ExitableDirectoryReader's term walks). */
  public QueryTimeout queryTimeout() {
    return () -> deadlineNanos != 0 && System.nanoTime() - deadlineNanos > 0;
  }

  /** {@code manager}'s collectors, looking at this deadline as they collect. */
  public <C extends Collector, T> CollectorManager<Bounded<C>, T> bound(
      CollectorManager<C, T> manager) {
    return new CollectorManager<>() {
      @Override
      public Bounded<C> newCollector() throws IOException {
        return new Bounded<>(manager.newCollector(), Deadline.this);
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
  public static final class Bounded<C extends Collector> extends FilterCollector
      implements FacetSearcher.TimeBound {
    final C inner;
    private final Deadline deadline;

    Bounded(C inner, Deadline deadline) {
      super(inner);
      this.inner = inner;
      this.deadline = deadline;
    }

    @Override
    public void checkTime() {
      deadline.check();
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      deadline.check();
      return new FilterLeafCollector(super.getLeafCollector(context)) {
        private int collected;

        @Override
        public void collect(int doc) throws IOException {
          if (++collected % CHECK_EVERY == 0) {
            deadline.check();
          }
          super.collect(doc);
        }
      };
    }
  }
}
