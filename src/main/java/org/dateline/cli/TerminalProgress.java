package org.dateline.cli;

import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.dateline.pipeline.IngestProgress;

/**
 * Draws indexing progress on the terminal (bytes read of the run's total, and so its time left;
 * files, articles, failures); when output is not a terminal (a log, CI, a pipe) it prints a plain
 * ASCII line every few seconds instead of redrawing one in colour. The bar counts bytes, not files:
 * Reuters-21578 is 22 files of 1,000 stories, so its first files said nearly an hour was left of a
 * seven-minute run.
 */
final class TerminalProgress implements IngestProgress {

  /**
   * Set by the launcher ({@code ./dateline}), which alone can tell: it passes the JVM's standard
   * error through a filter, so the JVM itself never sees a terminal there.
   */
  static final String TERMINAL_PROPERTY = "dateline.terminal";

  /** How long a progress line written to a log may be (its bar takes what the text leaves). */
  private static final int LOG_LINE_CHARS = 120;

  private final java.util.function.Consumer<String> log;

  private ProgressBar bar;

  private long totalFiles;

  TerminalProgress() {
    this(System.err::println);
  }

  /** Progress whose plain lines (when standard error is no terminal) go to {@code log}. */
  TerminalProgress(java.util.function.Consumer<String> log) {
    this.log = log;
  }

  /** Whether standard error is a terminal to redraw on, in colour unless NO_COLOR is set. */
  static boolean terminal() {
    String told = System.getProperty(TERMINAL_PROPERTY);
    return told != null ? Boolean.parseBoolean(told) : System.console() != null;
  }

  @Override
  public synchronized void started(long totalFiles, long totalBytes) {
    this.totalFiles = totalFiles;
    boolean terminal = terminal();
    // decimal units, as the run's summary counts them ("28.2 MB of source files")
    boolean megabytes = totalBytes >= 10_000_000L;
    ProgressBarBuilder builder =
        ProgressBar.builder()
            .setTaskName("Indexing")
            .setInitialMax(totalBytes)
            .setUnit(megabytes ? " MB" : " kB", megabytes ? 1_000_000L : 1_000L)
            .showSpeed()
            .setSpeedUnit(ChronoUnit.SECONDS)
            .setUpdateIntervalMillis(terminal ? 500 : 5000);
    if (!terminal) {
      // a log has no width to fit: the whole line, counts and failures included (80 cut them);
      // the width goes to the consumer itself, which otherwise asks for a terminal's and gets 80
      builder.setConsumer(new DelegatingProgressBarConsumer(log, LOG_LINE_CHARS));
    }
    // colour only for a terminal, and not when the user asked for none (https://no-color.org)
    String noColor = System.getenv("NO_COLOR");
    boolean colour = terminal && (noColor == null || noColor.isEmpty());
    builder.setStyle(
        colour
            ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK
            : terminal ? ProgressBarStyle.UNICODE_BLOCK : ProgressBarStyle.ASCII);
    bar = builder.build();
  }

  @Override
  public synchronized void fileDone(long filesDone, long bytesDone, long articles, long failures) {
    if (bar != null) {
      bar.stepTo(bytesDone);
      bar.setExtraMessage(
          " "
              + filesDone
              + "/"
              + totalFiles
              + " files, "
              + articles
              + " articles, "
              + failures
              + " failed");
    }
  }

  @Override
  public synchronized void finished() {
    if (bar != null) {
      bar.close();
    }
  }
}
