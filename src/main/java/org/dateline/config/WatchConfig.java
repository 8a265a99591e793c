package org.dateline.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The drop folder of {@code dateline serve --watch}: where files are dropped, how long a file must
 * stay unmodified before it is taken (so a half-written file is not indexed), and how often the
 * server commits what it indexed. {@code dir} is null when the server watches nothing.
 */
public record WatchConfig(Path dir, Duration settle, Duration commitInterval) {

  /** A file untouched this long is taken as complete (feed writers that rename need no wait). */
  public static final int DEFAULT_SETTLE_MS = 100;

  public static final Duration DEFAULT_SETTLE = Duration.ofMillis(DEFAULT_SETTLE_MS);

  /** How often what was indexed from the folder is made durable (and entities resolved). */
  public static final int DEFAULT_COMMIT_SECONDS = 60;

  public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofSeconds(DEFAULT_COMMIT_SECONDS);

  /** No drop folder. */
  public static final WatchConfig OFF =
      new WatchConfig(null, DEFAULT_SETTLE, DEFAULT_COMMIT_INTERVAL);

  public WatchConfig {
    if (settle.isNegative()) {
      throw new IllegalArgumentException("settle time must be 0 or more, got " + settle);
    }
    if (commitInterval.toMillis() < 1) {
      throw new IllegalArgumentException("commit interval must be positive, got " + commitInterval);
    }
  }

  public boolean enabled() {
    return dir != null;
  }
}
