package org.dateline.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.dateline.config.AccessConfig;
import picocli.CommandLine.Option;

/**
 * Who may call a served API: CORS origins, read keys, read access. Write keys come only from the
 * environment ({@code DATELINE_WRITE_KEYS}), never from a flag, so they do not show in a process
 * list or a shell history.
 */
final class AccessOptions {

  static final String WRITE_KEYS_ENV = "DATELINE_WRITE_KEYS";

  @Option(
      names = "--cors",
      paramLabel = "ORIGIN",
      split = ",",
      description =
          "Origins of other pages that may call the API from a browser, e.g."
              + " https://partner.example (env DATELINE_CORS_ORIGINS; default: none).",
      defaultValue = "${env:DATELINE_CORS_ORIGINS:-${env:DATELINE_CORS:-}}")
  List<String> cors;

  @Option(
      names = "--read-keys-file",
      paramLabel = "FILE",
      description =
          "JSON file of read keys, each pinning an outlet and/or date range"
              + " (env DATELINE_READ_KEYS_FILE; default: none).",
      defaultValue = "${env:DATELINE_READ_KEYS_FILE}")
  Path readKeysFile;

  @Option(
      names = "--read-access",
      paramLabel = "open|local|key",
      description =
          "Who may read without a key: anyone, clients on this machine, or nobody"
              + " (env DATELINE_READ_ACCESS; default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:DATELINE_READ_ACCESS:-local}")
  String readAccess;

  AccessConfig toAccessConfig() {
    String writeKeys = System.getenv(WRITE_KEYS_ENV);
    return new AccessConfig(
        cors == null ? List.of() : cors,
        writeKeys == null ? List.of() : Arrays.asList(writeKeys.split(",")),
        readKeysFile,
        AccessConfig.ReadAccess.parse(readAccess));
  }
}
