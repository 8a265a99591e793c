package org.dateline.cli;

import org.dateline.config.Config;
import org.dateline.config.Limits;
import picocli.CommandLine.Option;

/** Options only a server has ({@code serve}); flag beats environment variable beats default. */
public final class ServerOptions {

  @Option(
      names = "--max-request-mb",
      paramLabel = "MB",
      description =
          "Largest request body accepted (env DATELINE_MAX_REQUEST_MB; default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:DATELINE_MAX_REQUEST_MB:-" + Limits.DEFAULT_MAX_REQUEST_MB + "}")
  long maxRequestMb;

  @Option(
      names = "--refresh-ms",
      paramLabel = "MS",
      description =
          "How often a server makes new articles searchable: its own writer's with"
              + " serve --watch, another process's commits otherwise (env DATELINE_REFRESH_MS;"
              + " default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:DATELINE_REFRESH_MS:-" + Config.DEFAULT_REFRESH_MS + "}")
  long refreshMs;

  /** A server's own: {@code POST /api/batch} (the {@code batch} command runs without a limit). */
  @Option(
      names = "--batch-timeout-ms",
      paramLabel = "MS",
      description =
          "Time limit of one batch search over all its lines; lines not reached in time are"
              + " answered as not searched (env DATELINE_BATCH_TIMEOUT_MS; default:"
              + " ${DEFAULT-VALUE}).",
      defaultValue = "${env:DATELINE_BATCH_TIMEOUT_MS:-" + Limits.DEFAULT_BATCH_TIMEOUT_MS + "}")
  long batchTimeoutMs;
}
