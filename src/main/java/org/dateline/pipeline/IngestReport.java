package org.dateline.pipeline;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.dateline.ingest.FailureKind;
import org.dateline.ingest.IngestFailure;

/**
 * What one indexing run did: files seen, indexed, skipped as unchanged, removed by prune, articles
 * written, and every failure with its path and kind; bytes of the files indexed and the time per
 * stage ({@link StageTimes}).
 */
public record IngestReport(
    long filesSeen,
    long filesIndexed,
    long filesUnchanged,
    long filesRemoved,
    long articlesWritten,
    List<IngestFailure> failures,
    long elapsedMs,
    long bytesIndexed,
    StageTimes.Snapshot stages) {

  public IngestReport {
    failures = List.copyOf(failures);
  }

  /** Failure counts by kind, in the enum's order, kinds with none left out. */
  public Map<FailureKind, Long> failuresByKind() {
    Map<FailureKind, Long> counts = new EnumMap<>(FailureKind.class);
    for (IngestFailure f : failures) {
      counts.merge(f.kind(), 1L, Long::sum);
    }
    return counts;
  }

  public double filesPerSecond() {
    return elapsedMs == 0 ? filesSeen : filesSeen * 1000.0 / elapsedMs;
  }

  /** Megabytes (10^6 bytes) of indexed source files per second of the run. */
  public double megabytesPerSecond() {
    return elapsedMs == 0 ? 0 : bytesIndexed / 1e6 * 1000.0 / elapsedMs;
  }

  public double articlesPerSecond() {
    return elapsedMs == 0 ? articlesWritten : articlesWritten * 1000.0 / elapsedMs;
  }
}
