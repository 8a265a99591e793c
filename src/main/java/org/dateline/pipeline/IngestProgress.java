package org.dateline.pipeline;

/**
 * Receives progress of an indexing run; the CLI draws it, tests ignore it. Called concurrently.
 * Counted in bytes as well as files: a file may hold one story or a thousand (a Reuters .sgm), so
 * the share of the bytes read tells how far a run has got, and the share of the files does not.
 */
public interface IngestProgress {
  /** The walk is done: {@code totalFiles} files of {@code totalBytes} together will be read. */
  void started(long totalFiles, long totalBytes);

  /**
   * One more file is done; counters are totals so far ({@code bytesDone}: the sizes of the files
   * done, as the walk found them).
   */
  void fileDone(long filesDone, long bytesDone, long articles, long failures);

  /** The run is over. */
  void finished();

  IngestProgress NONE =
      new IngestProgress() {
        @Override
        public void started(long totalFiles, long totalBytes) {}

        @Override
        public void fileDone(long filesDone, long bytesDone, long articles, long failures) {}

        @Override
        public void finished() {}
      };
}
