package org.dateline.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Every setting Dateline runs with, built once at start-up and never changed. Immutable, so safe to
 * share between threads.
 *
 * <p>Precedence is decided by the caller that builds it (command-line flag, then environment
 * variable, then named default): see {@link #defaults()} and the CLI options.
 */
public record Config(
    Path indexDir,
    Path webDir,
    Path seedsDir,
    int port,
    int ingestThreads,
    long maxFileBytes,
    Duration parseTimeout,
    int maxArticleChars,
    int commitEveryFiles,
    AccessConfig access,
    Limits limits,
    boolean entities,
    long refreshMs,
    WatchConfig watch) {

  // The defaults, once: the record's defaults() and the command line's options both read these
  // (picocli needs constant strings and numbers, hence the name and unit forms).
  public static final String DEFAULT_INDEX = "index";
  public static final Path DEFAULT_INDEX_DIR = Path.of(DEFAULT_INDEX);
  public static final String DEFAULT_WEB = "web";
  public static final Path DEFAULT_WEB_DIR = Path.of(DEFAULT_WEB);
  public static final Path DEFAULT_SEEDS_DIR = Path.of("seeds");
  public static final int DEFAULT_PORT = 7070;
  public static final int DEFAULT_MAX_FILE_MB = 512;
  public static final long DEFAULT_MAX_FILE_BYTES = DEFAULT_MAX_FILE_MB * 1024L * 1024;
  public static final int DEFAULT_PARSE_TIMEOUT_SECONDS = 60;
  public static final Duration DEFAULT_PARSE_TIMEOUT =
      Duration.ofSeconds(DEFAULT_PARSE_TIMEOUT_SECONDS);

  /** Longest normalised text kept per article; longer texts are cut and flagged, not dropped. */
  public static final int DEFAULT_MAX_ARTICLE_CHARS = 5_000_000;

  public static final int DEFAULT_COMMIT_EVERY_FILES = 10_000;

  /**
   * How often a server looks for new index content (a commit of another process, or its own
   * writer's new articles with {@code --watch}); chosen from {@code dateline bench nrt} (see
   * BENCHMARKS.md, near-real-time).
   */
  public static final long DEFAULT_REFRESH_MS = 250;

  // entities: on by default (the recogniser loads in a few seconds and needs ~300 MB of heap)

  public Config {
    Objects.requireNonNull(indexDir, "indexDir");
    Objects.requireNonNull(webDir, "webDir");
    Objects.requireNonNull(seedsDir, "seedsDir");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    if (ingestThreads < 1) {
      throw new IllegalArgumentException("ingest threads must be at least 1, got " + ingestThreads);
    }
    if (maxFileBytes < 1) {
      throw new IllegalArgumentException("max file size must be positive, got " + maxFileBytes);
    }
    if (parseTimeout.isNegative() || parseTimeout.isZero()) {
      throw new IllegalArgumentException("parse timeout must be positive, got " + parseTimeout);
    }
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(limits, "limits");
    if (refreshMs < 10 || refreshMs > 600_000) {
      throw new IllegalArgumentException(
          "refresh interval must be 10..600000 ms, got " + refreshMs);
    }
    Objects.requireNonNull(watch, "watch");
  }

  /** The settings used when nothing is given. */
  public static Config defaults() {
    return new Config(
        DEFAULT_INDEX_DIR,
        DEFAULT_WEB_DIR,
        DEFAULT_SEEDS_DIR,
        DEFAULT_PORT,
        Math.max(1, Runtime.getRuntime().availableProcessors()),
        DEFAULT_MAX_FILE_BYTES,
        DEFAULT_PARSE_TIMEOUT,
        DEFAULT_MAX_ARTICLE_CHARS,
        DEFAULT_COMMIT_EVERY_FILES,
        AccessConfig.defaults(),
        Limits.defaults(),
        true,
        DEFAULT_REFRESH_MS,
        WatchConfig.OFF);
  }

  public Config withIndexDir(Path dir) {
    return with(b -> b.indexDir = dir);
  }

  public Config withPort(int newPort) {
    return with(b -> b.port = newPort);
  }

  public Config withIngestThreads(int threads) {
    return with(b -> b.ingestThreads = threads);
  }

  public Config withWebDir(Path dir) {
    return with(b -> b.webDir = dir);
  }

  public Config withAccess(AccessConfig newAccess) {
    return with(b -> b.access = newAccess);
  }

  /** Origins other pages may call the API from (see {@link AccessConfig#corsOrigins()}). */
  public List<String> corsOrigins() {
    return access.corsOrigins();
  }

  /** Where uploaded files are kept: beside the index folder, named after it. */
  public Path uploadsDir() {
    Path abs = indexDir.toAbsolutePath().normalize();
    return abs.resolveSibling(abs.getFileName() + "-uploads");
  }

  public Config withLimits(long maxBytes, Duration timeout) {
    return with(
        b -> {
          b.maxFileBytes = maxBytes;
          b.parseTimeout = timeout;
        });
  }

  public Config withCommitEveryFiles(int files) {
    return with(b -> b.commitEveryFiles = files);
  }

  public Config withLimits(Limits newLimits) {
    return with(b -> b.limits = newLimits);
  }

  /** With or without the entity recogniser at ingest (off: faster, empty entity facets). */
  public Config withEntities(boolean on) {
    return with(b -> b.entities = on);
  }

  /** With another refresh interval of the searcher (milliseconds). */
  public Config withRefreshMs(long ms) {
    return with(b -> b.refreshMs = ms);
  }

  /** With a drop folder the server indexes on its own ({@code serve --watch}). */
  public Config withWatch(WatchConfig newWatch) {
    return with(b -> b.watch = newWatch);
  }

  /** A copy with some settings changed; every {@code withX} above goes through here. */
  private Config with(Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return copy.build();
  }

  /** The settings of a config being copied, each one open to change before {@link #build}. */
  private static final class Copy {
    Path indexDir;
    Path webDir;
    Path seedsDir;
    int port;
    int ingestThreads;
    long maxFileBytes;
    Duration parseTimeout;
    int maxArticleChars;
    int commitEveryFiles;
    AccessConfig access;
    Limits limits;
    boolean entities;
    long refreshMs;
    WatchConfig watch;

    Copy(Config c) {
      indexDir = c.indexDir;
      webDir = c.webDir;
      seedsDir = c.seedsDir;
      port = c.port;
      ingestThreads = c.ingestThreads;
      maxFileBytes = c.maxFileBytes;
      parseTimeout = c.parseTimeout;
      maxArticleChars = c.maxArticleChars;
      commitEveryFiles = c.commitEveryFiles;
      access = c.access;
      limits = c.limits;
      entities = c.entities;
      refreshMs = c.refreshMs;
      watch = c.watch;
    }

    Config build() {
      return new Config(
          indexDir,
          webDir,
          seedsDir,
          port,
          ingestThreads,
          maxFileBytes,
          parseTimeout,
          maxArticleChars,
          commitEveryFiles,
          access,
          limits,
          entities,
          refreshMs,
          watch);
    }
  }
}
