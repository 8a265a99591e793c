package org.dateline.alert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.dateline.config.Limits;
import org.dateline.index.AtomicFile;

/**
 * Which code parsed the searches in the alerts' query index: a digest of the limits and of every
 * class-path entry (each jar's name, size and time; each class folder's files likewise). The query
 * index keeps the digest of the code that last brought it in line with the saved alerts; a restart
 * of the same code can take every unchanged search as indexed without parsing it again (parsing
 * 100,000 searches was most of a restart), while new code (another jar, another analysis, other
 * limits) parses them all and registers again what parses differently. Thread-safe: stateless.
 */
final class ParsedBy {

  /** The file in the query index's folder that holds the digest. */
  static final String FILE = "parsed-by.txt";

  private ParsedBy() {}

  /** The digest of the running code and {@code limits}. */
  static String now(Limits limits) {
    MessageDigest d;
    try {
      d = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
    add(d, limits.toString());
    String classPath = System.getProperty("java.class.path", "");
    for (String entry : classPath.split(java.io.File.pathSeparator)) {
      if (!entry.isEmpty()) {
        entry(d, Path.of(entry));
      }
    }
    return HexFormat.of().formatHex(d.digest());
  }

  private static void entry(MessageDigest d, Path entry) {
    add(d, entry.toString());
    boolean wildcard = entry.getFileName() != null && entry.getFileName().toString().equals("*");
    if (wildcard || Files.isDirectory(entry)) {
      folder(d, wildcard ? entry.getParent() : entry); // "lib/*": its jars, if not expanded
    } else if (Files.isRegularFile(entry)) {
      stamp(d, entry);
    }
  }

  private static void folder(MessageDigest d, Path folder) {
    if (folder != null && Files.isDirectory(folder)) {
      try (Stream<Path> files = Files.walk(folder)) {
        List<Path> sorted = files.filter(Files::isRegularFile).sorted().toList();
        for (Path f : sorted) {
          stamp(d, f);
        }
      } catch (IOException | UncheckedIOException e) {
        add(d, folder + " unreadable"); // read as different next time it is readable
      }
    }
  }

  private static void stamp(MessageDigest d, Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      add(d, file + " " + a.size() + " " + a.lastModifiedTime().toMillis());
    } catch (IOException e) {
      add(d, file + " unreadable"); // read as different next time it is readable
    }
  }

  private static void add(MessageDigest d, String s) {
    d.update(s.getBytes(StandardCharsets.UTF_8));
    d.update((byte) '\n');
  }

  /** The digest saved in the query index's {@code folder}, or null. */
  static String saved(Path folder) {
    try {
      return Files.readString(folder.resolve(FILE), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return null; // none yet, or unreadable: every search is parsed
    }
  }

  /** Saves {@code digest} as the code the query index in {@code folder} is in line with. */
  static void save(Path folder, String digest) throws IOException {
    AtomicFile.write(folder.resolve(FILE), digest.getBytes(StandardCharsets.UTF_8));
  }

  /** Forgets the saved digest (before the query index changes under other code). */
  static void forget(Path folder) throws IOException {
    Files.deleteIfExists(folder.resolve(FILE));
  }
}
