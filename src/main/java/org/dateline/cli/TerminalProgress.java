package org.dateline.cli;

import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.dateline.pipeline.IngestProgress;

/**
 * Draws indexing progress on the terminal (files/s, articles, failures); when output is not a
 * terminal (a log, CI, a pipe) it prints a plain ASCII line every few seconds instead of redrawing
 * one in colour.
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
  public synchronized void started(long totalFiles) {
    boolean terminal = terminal();
    ProgressBarBuilder builder =
        ProgressBar.builder()
            .setTaskName("Indexing")
            .setInitialMax(totalFiles)
            .setUnit(" files", 1)
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
