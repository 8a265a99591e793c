package org.dateline.ingest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a user wrote in {@code NAME.meta.json} beside a source file to override its metadata (every
 * field optional): it wins over anything found in the file. Both {@code story.txt.meta.json} and
 * {@code story.meta.json} are read.
 */
public record Sidecar(
    String title,
    String date,
    String outlet,
    List<String> authors,
    List<String> agencies,
    String language,
    String url) {

  public static final String SUFFIX = ".meta.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** The sidecar file of {@code file}, if one exists. */
  public static Optional<Path> locate(Path file) {
    String name = file.getFileName().toString();
    Path full = file.resolveSibling(name + SUFFIX);
    if (Files.isRegularFile(full)) {
      return Optional.of(full);
    }
    int dot = name.lastIndexOf('.');
    if (dot > 0) {
      Path bare = file.resolveSibling(name.substring(0, dot) + SUFFIX);
      if (Files.isRegularFile(bare)) {
        return Optional.of(bare);
      }
    }
    return Optional.empty();
  }

  /** Reads a sidecar; a broken one is an error the user must hear about, not silently skipped. */
  public static Sidecar read(Path sidecar) throws ParseException {
    try {
      return JSON.readValue(Files.readAllBytes(sidecar), Sidecar.class);
    } catch (IOException e) {
      throw new ParseException(
          FailureKind.CORRUPT,
          "sidecar " + sidecar.getFileName() + " is not valid JSON: " + e.getMessage(),
          e);
    }
  }

  public static boolean isSidecar(Path file) {
    return file.getFileName().toString().endsWith(SUFFIX);
  }
}
