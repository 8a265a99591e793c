package org.dateline.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.lucene.index.IndexWriter;

/**
 * Writes the index writer's in-memory segments to disk on the pool's threads, one each, before a
 * commit. A commit flushes every buffered segment on the committing thread, one after the other: at
 * the end of a run, with the pool idle, that is one core's work while the other waits. The segments
 * flushed are the ones the commit would have flushed, so the index is the same.
 */
final class BufferFlush {

  private BufferFlush() {}

  /** A task that flushes one buffered segment (the largest not in use), if there is one. */
  static Future<?> submit(ExecutorService pool, IndexWriter writer) {
    return pool.submit(
        () -> {
          try {
            writer.flushNextBuffer();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** {@code threads} such tasks on {@code pool}, waited for. */
  static void onEach(ExecutorService pool, int threads, IndexWriter writer) throws IOException {
    List<Future<?>> flushes = new ArrayList<>(threads);
    for (int i = 0; i < threads; i++) {
      flushes.add(submit(pool, writer));
    }
    for (Future<?> f : flushes) {
      Indexer.waitFor(f);
    }
  }
}
