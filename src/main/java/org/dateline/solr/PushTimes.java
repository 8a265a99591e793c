package org.dateline.solr;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/**
 * Where the watch path's time goes between a file's completion and Solr taking its articles, per
 * stage, since the last {@link #report}: the file's age when the watcher handed its articles over,
 * split into its wait for a batch to take it (settle, notice, the batch before) and its time in
 * that batch (parse, enrichment, the story lookup and the local write, beside the batch's other
 * files), how long they waited for the push thread, the push's two requests (the stale-article
 * query, the update) and the file's age once Solr took it. Solr makes it searchable within the
 * {@code commitWithin} after that. Thread-safe.
 */
final class PushTimes {

  private LongList readMs = new LongList();
  private LongList handedAgeMs = new LongList();
  private LongList beforeBatchMs = new LongList();
  private LongList inBatchMs = new LongList();
  private LongList queuedMs = new LongList();
  private LongList takenAgeMs = new LongList();
  private LongList analyseMs = new LongList();
  private LongList staleMs = new LongList();
  private LongList updateMs = new LongList();
  private long pushes;
  private long docs;

  /** One batch's articles read from the index in {@code ms}. */
  synchronized void read(long ms) {
    readMs.add(ms);
  }

  /** One push of {@code files} ({@code docCount} articles) taken by Solr. */
  synchronized void pushed(
      Collection<SolrPushQueue.FileDocs> files,
      int docCount,
      long analyseNanos,
      long staleNanos,
      long updateNanos) {
    long now = System.currentTimeMillis();
    long start = now - (analyseNanos + staleNanos + updateNanos) / 1_000_000;
    for (SolrPushQueue.FileDocs f : files) {
      handedAgeMs.add(f.handedMs() - f.completeMs());
      beforeBatchMs.add(Math.max(0, f.batchMs() - f.completeMs()));
      inBatchMs.add(Math.max(0, f.handedMs() - Math.max(f.batchMs(), f.completeMs())));
      takenAgeMs.add(now - f.completeMs());
      queuedMs.add(Math.max(0, start - f.handedMs()));
    }
    analyseMs.add(analyseNanos / 1_000_000);
    staleMs.add(staleNanos / 1_000_000);
    updateMs.add(updateNanos / 1_000_000);
    pushes++;
    docs += docCount;
  }

  /** The figures since the last report, as one line (null when nothing was pushed); resets. */
  synchronized String report() {
    if (pushes == 0) {
      return null;
    }
    String line =
        String.format(
            Locale.ROOT,
            "Solr: %d pushes, %d articles of %d files. Milliseconds p50/p99/max: batch read %s, file age when"
                + " handed over %s (waiting for its batch %s, in its batch %s), queued %s, analysis %s, stale query %s, update %s, file age when taken %s.",
            pushes,
            docs,
            takenAgeMs.size(),
            readMs.summary(),
            handedAgeMs.summary(),
            beforeBatchMs.summary(),
            inBatchMs.summary(),
            queuedMs.summary(),
            analyseMs.summary(),
            staleMs.summary(),
            updateMs.summary(),
            takenAgeMs.summary());
    readMs = new LongList();
    handedAgeMs = new LongList();
    beforeBatchMs = new LongList();
    inBatchMs = new LongList();
    queuedMs = new LongList();
    takenAgeMs = new LongList();
    analyseMs = new LongList();
    staleMs = new LongList();
    updateMs = new LongList();
    pushes = 0;
    docs = 0;
    return line;
  }

  /** A growing array of longs. Not thread-safe. */
  private static final class LongList {
    private long[] values = new long[64];
    private int size;

    void add(long v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    int size() {
      return size;
    }

    String summary() {
      if (size == 0) {
        return "-";
      }
      long[] sorted = Arrays.copyOf(values, size);
      Arrays.sort(sorted);
      return at(sorted, 0.50) + "/" + at(sorted, 0.99) + "/" + sorted[size - 1];
    }

    private static long at(long[] sorted, double q) {
      return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
    }
  }
}
