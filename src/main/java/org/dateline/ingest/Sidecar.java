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

  /** The nearest {@code folder.meta.json} in the file's folder or a folder above it, if any. */
  public static Optional<Path> locateFolder(Path file) {
    for (Path dir = file.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
      Path folder = dir.resolve(FOLDER);
      if (Files.isRegularFile(folder) && !folder.equals(file.toAbsolutePath())) {
        return Optional.of(folder);
      }
    }
    return Optional.empty();
  }

  /** This file's sidecar with what its folder's sidecar gives where this one gives nothing. */
  public Sidecar under(Sidecar folder) {
    return new Sidecar(
        title,
        date,
        outlet != null ? outlet : folder.outlet(),
        authors != null ? authors : folder.authors(),
        agencies != null ? agencies : folder.agencies(),
        language != null ? language : folder.language(),
        url);
  }

  /** Only what a folder's sidecar may give: outlet, authors, agencies, language. */
  public Sidecar asFolder() {
    return new Sidecar(null, null, outlet, authors, agencies, language, null);
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
