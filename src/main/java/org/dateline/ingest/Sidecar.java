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
 * {@code story.meta.json} are read. A {@code folder.meta.json} gives the outlet, agencies, authors
 * and language of every file in its folder and below that its own sidecar does not give (a folder's
 * title, date or URL would be wrong for each file, so those are not read from it).
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

  /** The name of a folder's sidecar. */
  public static final String FOLDER = "folder" + SUFFIX;

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

  /** The {@code folder.meta.json} of folder {@code dir} itself, if it has one. */
  public static Optional<Path> inFolder(Path dir) {
    Path folder = dir.resolve(FOLDER);
    return Files.isRegularFile(folder) ? Optional.of(folder) : Optional.empty();
  }

  /**
   * A file's own sidecar over its folder's, of which only outlet, authors, agencies and language
   * count; null when it has neither.
   */
  public static Sidecar read(Optional<Path> own, Optional<Path> folder) throws ParseException {
    Sidecar mine = own.isPresent() ? read(own.get()) : null;
    if (folder.isEmpty()) {
      return mine;
    }
    Sidecar base = mine != null ? mine : new Sidecar(null, null, null, null, null, null, null);
    return base.under(read(folder.get()));
  }

  /** This sidecar with what a folder's sidecar gives where this one gives nothing. */
  private Sidecar under(Sidecar folder) {
    return new Sidecar(
        title,
        date,
        outlet != null ? outlet : folder.outlet(),
        authors != null ? authors : folder.authors(),
        agencies != null ? agencies : folder.agencies(),
        language != null ? language : folder.language(),
        url);
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
