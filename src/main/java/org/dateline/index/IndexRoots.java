package org.dateline.index;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The folders (or single files) an index was fed from, as absolute paths, kept in its commit user
 * data under {@link Schema#ROOTS_KEY} one a line, so a source path can be shown to readers relative
 * to the folder it came from instead of as the server's absolute path.
 */
public final class IndexRoots {

  private IndexRoots() {}

  /** The roots {@code userData} records (none for an index written before they were recorded). */
  public static List<String> of(Map<String, String> userData) {
    String joined = userData.get(Schema.ROOTS_KEY);
    if (joined == null) {
      return List.of();
    }
    return joined.lines().filter(line -> !line.isBlank()).toList();
  }

  /** The user data recording {@code more} beside the roots {@code userData} already records. */
  public static Map<String, String> with(Map<String, String> userData, Collection<Path> more) {
    TreeSet<String> all = new TreeSet<>(of(userData));
    for (Path root : more) {
      all.add(root.toAbsolutePath().normalize().toString());
    }
    return Map.of(Schema.ROOTS_KEY, String.join("\n", all));
  }
}
