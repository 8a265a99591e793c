package org.dateline.pipeline;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.dateline.ingest.Sidecar;

/**
 * The nearest {@code folder.meta.json} above each file of one ingest run, looked for once per
 * folder rather than once per file and folder above it (a million files in a few hundred folders).
 * A new one per run, so a sidecar added between runs is seen. Thread-safe.
 */
final class FolderSidecars {

  private final ConcurrentHashMap<Path, Optional<Path>> byFolder = new ConcurrentHashMap<>();

  /** The folder sidecar that applies to {@code file}: its folder's, or the nearest above. */
  Optional<Path> of(Path file) {
    return nearest(file.toAbsolutePath().getParent());
  }

  private Optional<Path> nearest(Path dir) {
    if (dir == null) {
      return Optional.empty();
    }
    Optional<Path> known = byFolder.get(dir);
    if (known != null) {
      return known;
    }
    Optional<Path> here = Sidecar.inFolder(dir);
    Optional<Path> found = here.isPresent() ? here : nearest(dir.getParent());
    byFolder.put(dir, found);
    return found;
  }
}
