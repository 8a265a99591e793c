package org.dateline.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.SearcherManager;

/**
 * A {@link SearcherManager} that may still be opening: a server starts listening, and loads its
 * other classes, while its index opens on a thread of its own (on a 100,000-article archive the
 * open, with its facet ordinals, is a third of the time to the first answer). Every call waits
 * until the index is open; a failed open is every call's {@link IOException}. Thread-safe.
 */
final class Searchers implements Closeable {

  /** Opens a searcher manager; may throw. */
  @FunctionalInterface
  interface Opener {
    SearcherManager open() throws IOException;
  }

  private final CompletableFuture<SearcherManager> manager;

  private Searchers(CompletableFuture<SearcherManager> manager) {
    this.manager = manager;
  }

  /** A manager already open. */
  static Searchers of(SearcherManager manager) {
    return new Searchers(CompletableFuture.completedFuture(manager));
  }

  /** Starts {@code opener} on a new daemon thread and returns at once. */
  static Searchers opening(Opener opener) {
    CompletableFuture<SearcherManager> f = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try {
                f.complete(opener.open());
              } catch (IOException | RuntimeException | Error e) {
                f.completeExceptionally(e);
              }
            },
            "dateline-index-open");
    t.setDaemon(true);
    t.start();
    return new Searchers(f);
  }

  /** The manager, once open. */
  SearcherManager manager() throws IOException {
    try {
      return manager.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("the index could not be opened: " + cause, cause);
    }
  }

  IndexSearcher acquire() throws IOException {
    return manager().acquire();
  }

  void release(IndexSearcher searcher) throws IOException {
    manager().release(searcher);
  }

  /** Looks for a newer commit; nothing while the index is still opening. */
  void maybeRefresh() throws IOException {
    if (manager.isDone()) {
      manager().maybeRefresh();
    }
  }

  void maybeRefreshBlocking() throws IOException {
    manager().maybeRefreshBlocking();
  }

  /** Adds {@code listener} once the manager is open. */
  void addListener(ReferenceManager.RefreshListener listener) {
    manager.thenAccept(m -> m.addListener(listener));
  }

  @Override
  public void close() throws IOException {
    SearcherManager m;
    try {
      m = manager.join();
    } catch (CompletionException failedToOpen) {
      return; // nothing was opened
    }
    m.close();
  }
}
