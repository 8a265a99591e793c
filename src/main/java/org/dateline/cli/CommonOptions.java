package org.dateline.cli;

import java.nio.file.Path;
import java.time.Duration;
import org.dateline.config.Config;
import picocli.CommandLine.Option;

/** Options every command shares; flag beats environment variable beats default. */
final class CommonOptions {

  @Option(names = "--index", paramLabel = "DIR",
      description = "Index folder (env DATELINE_INDEX; default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:DATELINE_INDEX:-index}")
  Path index;

  @Option(names = "--threads", paramLabel = "N",
      description = "Parsing threads (env DATELINE_THREADS; default: one per core).",
      defaultValue = "${env:DATELINE_THREADS:-0}")
  int threads;

  @Option(names = "--max-file-mb", paramLabel = "MB",
      description = "Files larger than this are reported as too large (default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:DATELINE_MAX_FILE_MB:-512}")
  long maxFileMb;

  @Option(names = "--parse-timeout", paramLabel = "SECONDS",
      description = "Time limit for parsing one file (default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:DATELINE_PARSE_TIMEOUT:-60}")
  long parseTimeoutSeconds;

  @Option(names = "--no-entities", negatable = false,
      description = "Skip named-entity recognition at ingest (env DATELINE_NO_ENTITIES=true).",
      defaultValue = "${env:DATELINE_NO_ENTITIES:-false}")
  boolean noEntities;

  /** True when the user did not choose an index folder. */
  boolean defaultIndex() {
    return index.normalize().equals(Config.DEFAULT_INDEX_DIR);
  }

  Config toConfig() {
    Config c = Config.defaults().withIndexDir(index)
        .withLimits(maxFileMb * 1024 * 1024, Duration.ofSeconds(parseTimeoutSeconds));
    c = c.withEntities(!noEntities);
    return threads > 0 ? c.withIngestThreads(threads) : c;
  }
}
