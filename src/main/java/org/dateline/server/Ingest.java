package org.dateline.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.dateline.pipeline.IngestReport;

/**
 * Indexes files into the index being served: what {@code dateline index} runs, handed to the server
 * so an upload goes through exactly the same path.
 */
@FunctionalInterface
public interface Ingest {

  IngestReport run(List<Path> files) throws IOException;

  /** For servers that take no uploads: every upload is refused with 503. */
  Ingest NONE =
      files -> {
        throw new ApiException(
            io.javalin.http.HttpStatus.SERVICE_UNAVAILABLE,
            "uploads_disabled",
            "this server was started without an indexer; uploads need 'dateline serve'");
      };
}
