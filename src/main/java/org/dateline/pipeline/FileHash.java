package org.dateline.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A source file's identity: the SHA-256 of its bytes, so an unchanged file is never parsed again.
 */
final class FileHash {

  private FileHash() {}

  /** SHA-256 of the file's bytes, then of its sidecars', in order. */
  static String of(Path file, List<Path> sidecars) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
    digest(file, md);
    for (Path sidecar : sidecars) {
      digest(sidecar, md);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static void digest(Path file, MessageDigest md) throws IOException {
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buf); n > 0; n = in.read(buf)) {
        md.update(buf, 0, n);
      }
    }
  }
}
