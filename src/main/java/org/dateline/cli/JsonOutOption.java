package org.dateline.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dateline.server.ApiServer;
import picocli.CommandLine.Option;

/** The {@code --json FILE} option of the bench commands: figures also written as JSON. */
public final class JsonOutOption {

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
  Path json;

  /** Writes {@code figures} (a record) when {@code --json} was given. */
  public void write(Object figures) throws IOException {
    if (json != null) {
      Files.writeString(
          json,
          ApiServer.jsonMapper().writerWithDefaultPrettyPrinter().writeValueAsString(figures));
    }
  }
}
