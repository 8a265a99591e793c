package org.dateline.config;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of a server's start, each logged as it ends with the wall time since the JVM started
 * and the CPU time the process has used so far, so that the time to the first answer can be taken
 * apart. Silent unless the logger {@code org.dateline.startup} is at info ({@code
 * -Dorg.slf4j.simpleLogger.log.org.dateline.startup=info}); when silent a mark costs one check.
 * Thread-safe.
 */
public final class StartupTrace {

  private static final Logger LOG = LoggerFactory.getLogger("org.dateline.startup");

  private static final AtomicBoolean FIRST_ANSWER = new AtomicBoolean();

  private StartupTrace() {}

  /** Logs that {@code step} just ended (with the thread it ran on). */
  public static void mark(String step) {
    if (LOG.isInfoEnabled()) {
      ProcessHandle.Info info = ProcessHandle.current().info();
      long wallMs =
          info.startInstant().map(t -> Duration.between(t, Instant.now()).toMillis()).orElse(-1L);
      long cpuMs = info.totalCpuDuration().map(Duration::toMillis).orElse(-1L);
      LOG.info(
          "{} ms since start, {} ms CPU: {} [{}]",
          wallMs,
          cpuMs,
          step,
          Thread.currentThread().getName());
    }
  }

  /** Logs the first call only: for a step that happens on every request (the first answer). */
  public static void markOnce(String step) {
    if (LOG.isInfoEnabled() && !FIRST_ANSWER.getAndSet(true)) {
      mark(step);
    }
  }
}
