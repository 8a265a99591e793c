package org.dateline.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A small file beside the index replaced whole and crash-safely: the new contents go to a sibling
 * temporary file, forced to disk, then renamed over the old one, and the rename is forced too.
 * After a crash (even {@code kill -9} or a power cut) the file holds the old contents or the new,
 * never a torn mix. The stores beside the index (the desk, the alerts) keep their files this way.
 */
public final class AtomicFile {

  private AtomicFile() {}

  /** Replaces {@code file} with {@code bytes}, durable when this returns. */
  public static void write(Path file, byte[] bytes) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (FileChannel ch =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        ch.write(buffer);
      }
      ch.force(true);
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    forceFolder(file.getParent());
  }

  /** Makes a rename or a new file in {@code folder} durable, where the file system allows it. */
  public static void forceFolder(Path folder) {
    try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      // some file systems cannot open a folder for sync; the rename is still atomic
    }
  }
}
