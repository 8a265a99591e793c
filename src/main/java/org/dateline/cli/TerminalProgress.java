package org.dateline.cli;

import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.dateline.pipeline.IngestProgress;

/**
 * Draws indexing progress on the terminal (files/s, articles, failures); when output is not a
 * terminal (a log, CI) it prints a plain line every few seconds instead of redrawing one.
 */
final class TerminalProgress implements IngestProgress {

  private ProgressBar bar;

  @Override
  public synchronized void started(long totalFiles) {
    boolean terminal = System.console() != null;
    ProgressBarBuilder builder =
        ProgressBar.builder()
            .setTaskName("Indexing")
            .setInitialMax(totalFiles)
            .setUnit(" files", 1)
            .showSpeed()
            .setSpeedUnit(ChronoUnit.SECONDS)
            .setUpdateIntervalMillis(terminal ? 500 : 5000);
    if (!terminal) {
      builder.setConsumer(new DelegatingProgressBarConsumer(System.err::println));
    }
    bar = builder.build();
  }

  @Override
  public synchronized void fileDone(long filesDone, long articles, long failures) {
    if (bar != null) {
      bar.stepTo(filesDone);
      bar.setExtraMessage(" " + articles + " articles, " + failures + " failed");
    }
  }

  @Override
  public synchronized void finished() {
    if (bar != null) {
      bar.close();
    }
  }
}
