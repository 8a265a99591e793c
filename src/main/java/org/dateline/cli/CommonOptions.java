package org.dateline.cli;

import java.nio.file.Path;
import java.time.Duration;
import org.dateline.config.Config;
import org.dateline.config.Limits;
import picocli.CommandLine.Option;

/** Options every command shares; flag beats environment variable beats default. */
public final class CommonOptions {

  @Option(names = "--index", paramLabel = "DIR",
      description = "Index folder (env DATELINE_INDEX; default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:DATELINE_INDEX:-" + Config.DEFAULT_INDEX + "}")
  Path index;

  @Option(names = "--threads", paramLabel = "N",
      description = "Parsing threads (env DATELINE_THREADS; default: one per core).",
      defaultValue = "${env:DATELINE_THREADS:-0}")
  int threads;

  @Option(names = "--max-file-mb", paramLabel = "MB",
      description = "Files larger than this are reported as too large (default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:DATELINE_MAX_FILE_MB:-" + Config.DEFAULT_MAX_FILE_MB + "}")
  long maxFileMb;

  @Option(names = "--parse-timeout", paramLabel = "SECONDS",
      description = "Time limit for parsing one file (default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:DATELINE_PARSE_TIMEOUT:-" + Config.DEFAULT_PARSE_TIMEOUT_SECONDS + "}")
  long parseTimeoutSeconds;

  @Option(names = "--isolation", paramLabel = "MODE",
      description = "Where files are parsed: tika (formats Tika reads, and large files, in worker"
          + " processes), all, or off (env DATELINE_ISOLATION; default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:DATELINE_ISOLATION:-" + Limits.DEFAULT_ISOLATION_NAME + "}")
  Limits.Isolation isolation;

  @Option(names = "--parse-heap-mb", paramLabel = "MB",
      description = "Heap of each parse worker process; a file that needs more is reported as too"
          + " large (env DATELINE_PARSE_HEAP_MB; default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:DATELINE_PARSE_HEAP_MB:-" + Limits.DEFAULT_PARSE_HEAP_MB + "}")
  int parseHeapMb;

  @Option(names = "--max-query-terms", paramLabel = "N",
      description = "Most terms a wildcard, prefix, regexp or range may expand to"
          + " (env DATELINE_MAX_QUERY_TERMS; default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:DATELINE_MAX_QUERY_TERMS:-" + Limits.DEFAULT_MAX_QUERY_TERMS + "}")
  int maxQueryTerms;

  @Option(names = "--search-timeout-ms", paramLabel = "MS",
      description = "Time limit of one search (env DATELINE_SEARCH_TIMEOUT_MS; default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:DATELINE_SEARCH_TIMEOUT_MS:-" + Limits.DEFAULT_SEARCH_TIMEOUT_MS + "}")
  long searchTimeoutMs;

  @Option(names = "--max-query-chars", paramLabel = "N",
      description = "Longest query accepted (env DATELINE_MAX_QUERY_CHARS; default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:DATELINE_MAX_QUERY_CHARS:-" + Limits.DEFAULT_MAX_QUERY_CHARS + "}")
  int maxQueryChars;

  @Option(names = "--max-request-mb", paramLabel = "MB",
      description = "Largest request body accepted (env DATELINE_MAX_REQUEST_MB; default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:DATELINE_MAX_REQUEST_MB:-" + Limits.DEFAULT_MAX_REQUEST_MB + "}")
  long maxRequestMb;

  @Option(names = "--max-query-depth", paramLabel = "N",
      description = "Deepest nesting of parentheses in a query (env DATELINE_MAX_QUERY_DEPTH;"
          + " default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:DATELINE_MAX_QUERY_DEPTH:-" + Limits.DEFAULT_MAX_QUERY_DEPTH + "}")
  int maxQueryDepth;

  @Option(names = "--max-regexp-chars", paramLabel = "N",
      description = "Longest regular expression /.../ in a query (env DATELINE_MAX_REGEXP_CHARS;"
          + " default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:DATELINE_MAX_REGEXP_CHARS:-" + Limits.DEFAULT_MAX_REGEXP_CHARS + "}")
  int maxRegexpChars;

  @Option(names = "--max-automaton-states", paramLabel = "N",
      description = "Largest automaton a regexp, wildcard or fuzzy term may build (env"
          + " DATELINE_MAX_AUTOMATON_STATES; default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:DATELINE_MAX_AUTOMATON_STATES:-" + Limits.DEFAULT_MAX_AUTOMATON_STATES
          + "}")
  int maxAutomatonStates;

  @Option(names = "--max-entity-chars", paramLabel = "N",
      description = "Most text of one article the entity recogniser reads (env"
          + " DATELINE_MAX_ENTITY_CHARS; default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:DATELINE_MAX_ENTITY_CHARS:-" + Limits.DEFAULT_MAX_ENTITY_CHARS + "}")
  int maxEntityChars;

  @Option(names = "--entity-timeout-ms", paramLabel = "MS",
      description = "Time limit of entity recognition on one article (env"
          + " DATELINE_ENTITY_TIMEOUT_MS; default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:DATELINE_ENTITY_TIMEOUT_MS:-" + Limits.DEFAULT_ENTITY_TIMEOUT_MS + "}")
  long entityTimeoutMs;

  @Option(names = "--no-entities", negatable = false,
      description = "Skip named-entity recognition at ingest (env DATELINE_NO_ENTITIES=true).",
      defaultValue = "${env:DATELINE_NO_ENTITIES:-false}")
  boolean noEntities;

  @Option(names = "--refresh-ms", paramLabel = "MS",
      description = "How often a server makes new articles searchable: its own writer's with"
          + " serve --watch, another process's commits otherwise (env DATELINE_REFRESH_MS;"
          + " default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:DATELINE_REFRESH_MS:-" + Config.DEFAULT_REFRESH_MS + "}")
  long refreshMs;

  /** True when the user did not choose an index folder. */
  public boolean defaultIndex() {
    return index.normalize().equals(Config.DEFAULT_INDEX_DIR);
  }

  public Config toConfig() {
    Config c = Config.defaults().withIndexDir(index)
        .withLimits(maxFileMb * 1024 * 1024, Duration.ofSeconds(parseTimeoutSeconds))
        .withLimits(Limits.defaults().withIsolation(isolation, parseHeapMb)
            .withSearch(maxQueryTerms, searchTimeoutMs, maxQueryChars, maxRequestMb * 1024 * 1024)
            .withQueryShape(maxQueryDepth, maxRegexpChars, maxAutomatonStates)
            .withEntityBounds(maxEntityChars, entityTimeoutMs));
    c = c.withEntities(!noEntities).withRefreshMs(refreshMs);
    if (threads < 0) { // 0 is the "one per core" default; a negative count is a mistake
      throw new IllegalArgumentException(
          "--threads must be 1 or more (or 0: one per core), got " + threads);
    }
    return threads > 0 ? c.withIngestThreads(threads) : c;
  }
}
