package org.dateline.search;

import java.io.Closeable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.search.IndexSearcher;
import org.dateline.config.Limits;

/**
 * What a {@link SearchService} shares beyond one request, in one place with one lifecycle: the
 * threads that search segment slices in parallel (one per core, so a request on a large index uses
 * both cores of a small machine) and Lucene's clause limit. Created by the service, closed with it.
 */
final class SearchRuntime implements Closeable {

  private final ExecutorService slices;

  /**
   * Lucene keeps the clause limit per process: it caps how many terms a wildcard may expand to.
   * Setting it here, once per service, keeps every place that changes it in this class.
   */
  SearchRuntime(Limits limits) {
    IndexSearcher.setMaxClauseCount(limits.maxQueryTerms());
    this.slices =
        Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(), daemon("dateline-search-slice"));
  }

  /** Searches the segment slices of one request. */
  ExecutorService slices() {
    return slices;
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() {
    slices.shutdownNow();
  }
}
