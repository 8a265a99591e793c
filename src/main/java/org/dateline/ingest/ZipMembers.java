package org.dateline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The members of a plain zip archive, each read exactly as the file it holds would be read on its
 * own (a saved page through the article path, a feed as a feed), by unpacking it into a private
 * folder and handing it back to {@link FileParser}. A member's articles are keyed by its path in
 * the archive ("/2019/story.html"; "#" and the inner key after it when the member holds several).
 * Bounded: at most {@link #MAX_MEMBERS} members and {@code maxBytes} unpacked in all. A member that
 * cannot be read is skipped (and logged) when others can; a zip of no readable member fails as its
 * first member did. Stateless.
 */
final class ZipMembers {

  /** More members than this is not an archive of articles but a trap (or a backup: split it). */
  static final int MAX_MEMBERS = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(ZipMembers.class);

  /** Reads one unpacked member as a file of its own. */
  interface MemberReader {
    List<SourceDoc> read(Path member) throws ParseException;
  }

  private ZipMembers() {}

  /** True when the first bytes are a zip's local file header. */
  static boolean isZip(String head) {
    return head.startsWith("PK\u0003\u0004");
  }

  /** The articles of every member of {@code zip}, read by {@code reader}, in archive order. */
  static List<SourceDoc> read(Path zip, long maxBytes, MemberReader reader) throws ParseException {
    List<SourceDoc> out = new ArrayList<>();
    ParseException firstFailure = null;
    long unpacked = 0;
    int members = 0;
    try (ZipFile archive = new ZipFile(zip.toFile())) {
      for (Enumeration<? extends ZipEntry> e = archive.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        if (entry.isDirectory()) {
          continue;
        }
        if (++members > MAX_MEMBERS) {
          throw new ParseException(
              FailureKind.TOO_LARGE, "the zip has more than " + MAX_MEMBERS + " members");
        }
        Path dir = Files.createTempDirectory("dateline-zip");
        try {
          Path member = dir.resolve(fileName(entry.getName()));
          // over the budget for the whole archive: the zip fails (a bomb), no member is skipped
          unpacked += copy(archive, entry, member, maxBytes - unpacked);
          for (SourceDoc d : reader.read(member)) {
            out.add(keyed(d, entry.getName()));
          }
        } catch (ParseException failed) {
          LOG.info("{}: member {} skipped: {}", zip, entry.getName(), failed.getMessage());
          firstFailure = firstFailure == null ? failed : firstFailure;
        } finally {
          FileParser.deleteQuietly(dir);
        }
      }
    } catch (TooLarge e) {
      throw new ParseException(
          FailureKind.TOO_LARGE,
          "a zip bomb: its members expand to more than "
              + maxBytes
              + " bytes (the limit for the files inside)");
    } catch (IOException e) {
      throw new ParseException(FailureKind.CORRUPT, "a damaged zip archive: " + e.getMessage(), e);
    }
    if (out.isEmpty() && firstFailure != null) {
      throw firstFailure;
    }
    return out;
  }

  /** Writes one member out; at most {@code budget} bytes, else the archive is TOO_LARGE. */
  private static long copy(ZipFile archive, ZipEntry entry, Path to, long budget)
      throws IOException {
    long written = 0;
    try (InputStream in = archive.getInputStream(entry);
        OutputStream out = Files.newOutputStream(to)) {
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) >= 0; ) {
        written += n;
        if (written > budget) {
          throw new TooLarge();
        }
        out.write(buf, 0, n);
      }
    }
    return written;
  }

  /** The member's own name, without its folders (never empty, never a path). */
  private static String fileName(String entryName) {
    String name = entryName.substring(entryName.lastIndexOf('/') + 1).replace('\\', '_');
    return name.isEmpty() || name.equals(".") || name.equals("..") ? "member" : name;
  }

  private static SourceDoc keyed(SourceDoc d, String entryName) {
    return d.withItemKey("/" + entryName + (d.itemKey().isEmpty() ? "" : "#" + d.itemKey()));
  }

  /** The archive's members expand beyond the budget (thrown out of the copy loop). */
  private static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;
  }
}
