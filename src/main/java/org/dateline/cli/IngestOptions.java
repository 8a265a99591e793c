package org.dateline.cli;

import java.time.Duration;
import org.dateline.config.Config;
import org.dateline.config.Limits;
import picocli.CommandLine.Option;

/**
 * Options of the commands that read files into the index ({@code index}, {@code serve}, whose
 * uploads and drop folder ingest too); flag beats environment variable beats default.
 */
public final class IngestOptions {

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Parsing threads (env DATELINE_THREADS; default: one per core).",
      defaultValue = "${env:DATELINE_THREADS:-0}")
  int threads;

  @Option(
      names = "--max-file-mb",
      paramLabel = "MB",
      description = "Files larger than this are reported as too large (default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:DATELINE_MAX_FILE_MB:-" + Config.DEFAULT_MAX_FILE_MB + "}")
  long maxFileMb;

  @Option(
      names = "--parse-timeout",
      paramLabel = "SECONDS",
      description = "Time limit for parsing one file (default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:DATELINE_PARSE_TIMEOUT:-" + Config.DEFAULT_PARSE_TIMEOUT_SECONDS + "}")
  long parseTimeoutSeconds;

  @Option(
      names = "--isolation",
      paramLabel = "MODE",
      description =
          "Where files are parsed: tika (formats Tika reads, and large files, in worker"
              + " processes), all, or off (env DATELINE_ISOLATION; default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:DATELINE_ISOLATION:-" + Limits.DEFAULT_ISOLATION_NAME + "}")
  Limits.Isolation isolation;

  @Option(
      names = "--parse-heap-mb",
      paramLabel = "MB",
      description =
          "Heap of each parse worker process; a file that needs more is reported as too"
              + " large (env DATELINE_PARSE_HEAP_MB; default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:DATELINE_PARSE_HEAP_MB:-" + Limits.DEFAULT_PARSE_HEAP_MB + "}")
  int parseHeapMb;

  @Option(
      names = "--no-entities",
      negatable = false,
      description = "Skip named-entity recognition at ingest (env DATELINE_NO_ENTITIES=true).",
      defaultValue = "${env:DATELINE_NO_ENTITIES:-false}")
  boolean noEntities;

  /** {@code config} with these ingest settings. */
  @Option(
      names = "--max-entity-chars",
      paramLabel = "N",
      description =
          "Most text of one article the entity recogniser reads (env"
              + " DATELINE_MAX_ENTITY_CHARS; default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:DATELINE_MAX_ENTITY_CHARS:-" + Limits.DEFAULT_MAX_ENTITY_CHARS + "}")
  int maxEntityChars;

  @Option(
      names = "--entity-timeout-ms",
      paramLabel = "MS",
      description =
          "Time limit of entity recognition on one article (env"
              + " DATELINE_ENTITY_TIMEOUT_MS; default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:DATELINE_ENTITY_TIMEOUT_MS:-" + Limits.DEFAULT_ENTITY_TIMEOUT_MS + "}")
  long entityTimeoutMs;

  Config applyTo(Config config) {
    Config c =
        config
            .withLimits(maxFileMb * 1024 * 1024, Duration.ofSeconds(parseTimeoutSeconds))
            .withLimits(
                config
                    .limits()
                    .withIsolation(isolation, parseHeapMb)
                    .withEntityBounds(maxEntityChars, entityTimeoutMs))
            .withEntities(!noEntities);
    if (threads < 0) { // 0 is the "one per core" default; a negative count is a mistake
      throw new IllegalArgumentException(
          "--threads must be 1 or more (or 0: one per core), got " + threads);
    }
    return threads > 0 ? c.withIngestThreads(threads) : c;
  }
}
