package org.dateline.pipeline;

/** Receives progress of an indexing run; the CLI draws it, tests ignore it. Called concurrently. */
public interface IngestProgress {
  /** The walk is done: {@code totalFiles} files will be looked at. */
  void started(long totalFiles);

  /** One more file is done; counters are totals so far. */
  void fileDone(long filesDone, long articles, long failures);

  /** The run is over. */
  void finished();

  IngestProgress NONE =
      new IngestProgress() {
        @Override
        public void started(long totalFiles) {}

        @Override
        public void fileDone(long filesDone, long articles, long failures) {}

        @Override
        public void finished() {}
      };
}
