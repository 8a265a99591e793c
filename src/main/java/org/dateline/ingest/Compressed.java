package org.dateline.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.z.ZCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/**
 * A file compressed as one stream (gzip, bzip2, xz, Unix compress, Zstandard) seen through to the
 * file inside, so that a saved page {@code story.html.gz} is read exactly as {@code story.html}
 * would be: same reader, same metadata. Formats are told by their magic bytes, not by the name.
 * Archives of many members (zip, tar) are not single streams and are not handled here. Stateless.
 */
final class Compressed {

  /** The single-stream formats Dateline unpacks itself. */
  enum Format {
    GZIP,
    BZIP2,
    XZ,
    UNIX_COMPRESS,
    ZSTD
  }

  /** Extensions that only say "compressed"; {@code .tgz} and the like name a tar inside. */
  private static final Pattern SUFFIX = Pattern.compile("(?i)\\.(gz|gzip|bz2|bz|xz|z|zst|zstd)$");

  private static final Pattern TAR_SUFFIX = Pattern.compile("(?i)\\.(tgz|tbz2|tbz|txz|taz)$");

  private Compressed() {}

  /** The compression of a file whose first bytes are {@code head} (read as Latin-1), or null. */
  static Format format(String head) {
    if (head.length() < 6) {
      return null;
    }
    if (head.charAt(0) == 0x1F && head.charAt(1) == 0x8B) {
      return Format.GZIP;
    } else if (head.charAt(0) == 0x1F && head.charAt(1) == 0x9D) {
      return Format.UNIX_COMPRESS;
    } else if (head.startsWith("BZh") && head.charAt(3) >= '1' && head.charAt(3) <= '9') {
      return Format.BZIP2;
    } else if (head.startsWith("\u00FD7zXZ\u0000")) {
      return Format.XZ;
    } else if (head.startsWith("\u0028\u00B5\u002F\u00FD")) {
      return Format.ZSTD; // a Zstandard frame's magic number, 0xFD2FB528 little-endian
    }
    return null;
  }

  /**
   * The name of the file inside: the outer name without its compression extension ("a.html.gz"
   * gives "a.html", "a.tgz" gives "a.tar"); a name with no such extension is kept, and the inner
   * file's format is then told from its bytes.
   */
  static String innerName(String outerName) {
    if (TAR_SUFFIX.matcher(outerName).find()) {
      return outerName.substring(0, outerName.lastIndexOf('.')) + ".tar";
    }
    String inner = SUFFIX.matcher(outerName).replaceFirst("");
    return inner.isEmpty() || inner.startsWith(".") ? "unpacked" + inner : inner;
  }

  /** A stream of the uncompressed bytes of {@code file}. */
  static InputStream open(Path file, Format format) throws IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    try {
      return switch (format) {
        // Concatenated members are one file (what gzip -c a b > c makes).
        case GZIP ->
            GzipCompressorInputStream.builder()
                .setInputStream(raw)
                .setDecompressConcatenated(true)
                .get();
        case BZIP2 -> new BZip2CompressorInputStream(raw, true);
        case XZ -> new XZCompressorInputStream(raw, true);
        case UNIX_COMPRESS -> new ZCompressorInputStream(raw);
        // zstd-jni's decoder; consecutive frames are read on as one stream
        case ZSTD -> new ZstdCompressorInputStream(raw);
      };
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  /**
   * Writes the file inside {@code file} into {@code dir} under its inner name and returns it. Stops
   * with TOO_LARGE once more than {@code maxBytes} come out, and with CORRUPT when the stream is
   * damaged.
   */
  static Path unpack(Path file, Format format, Path dir, long maxBytes) throws ParseException {
    Path inner = dir.resolve(innerName(file.getFileName().toString()));
    long written = 0;
    try (InputStream in = open(file, format);
        OutputStream out = Files.newOutputStream(inner)) {
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) >= 0; ) {
        written += n;
        if (written > maxBytes) {
          throw new ParseException(
              FailureKind.TOO_LARGE,
              "the "
                  + label(format)
                  + " file expands to more than "
                  + maxBytes
                  + " bytes (the limit for the file inside)");
        }
        out.write(buf, 0, n);
      }
    } catch (IOException e) {
      throw new ParseException(
          FailureKind.CORRUPT, "a damaged " + label(format) + " stream: " + e.getMessage(), e);
    }
    return inner;
  }

  /** Up to {@code n} uncompressed bytes from the start of {@code file}. */
  static byte[] head(Path file, Format format, int n) throws ParseException {
    try (InputStream in = open(file, format)) {
      return in.readNBytes(n);
    } catch (IOException e) {
      throw new ParseException(
          FailureKind.CORRUPT, "a damaged " + label(format) + " stream: " + e.getMessage(), e);
    }
  }

  private static String label(Format format) {
    return format.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
