package org.dateline.alert;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.dateline.index.AtomicFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A snapshot of the alerts' candidate table ({@link CandidateTable}) beside lucene-monitor's query
 * index it was built from ({@value #FILE_NAME} in the index's folder): the table as it was, each
 * alert's search, and the index's commit generation then. A restart of the same code whose query
 * index is still at that generation, and whose saved alerts have exactly those searches, takes the
 * table as it is instead of loading every query from the index and reading its terms again (most of
 * a restart with 100k alerts, issue 17); the monitor itself is opened when first needed. Written
 * whole at a clean close ({@link AtomicFile}); anything else (missing, torn, another generation,
 * other alerts or searches) is not used, and the restart rebuilds as without one.
 *
 * <p>Layout, big-endian: the magic {@code DLTS}, the layout's number, the generation, the number of
 * alerts and each one's id and search (modified UTF-8), the table ({@link CandidateTable#writeTo}),
 * and last the CRC-32C of all before it.
 */
final class TableSnapshot {

  /** The snapshot's file name in the query index's folder. */
  static final String FILE_NAME = "alerts-table.snapshot";

  private static final int MAGIC = 0x444c5453; // "DLTS"
  private static final int LAYOUT = 1;
  private static final Logger LOG = LoggerFactory.getLogger(TableSnapshot.class);

  private TableSnapshot() {}

  /** Writes the snapshot of {@code table}, its alerts' {@code searches}, at {@code generation}. */
  static void write(
      Path folder, long generation, CandidateTable table, Map<String, String> searches)
      throws IOException {
    CheckedBytes frame = new CheckedBytes(MAGIC, LAYOUT, 1 << 20);
    DataOutputStream out = frame.out();
    out.writeLong(generation);
    out.writeInt(searches.size());
    for (Map.Entry<String, String> e : searches.entrySet()) {
      out.writeUTF(e.getKey());
      writeLong(out, e.getValue());
    }
    table.writeTo(out);
    AtomicFile.write(folder.resolve(FILE_NAME), frame.finish());
  }

  /** A string of any length (modified UTF-8 holds 64 KiB at most; a search may be longer). */
  private static void writeLong(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readLong(DataInputStream in) throws IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return new String(b, java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * Fills the empty {@code table} from the snapshot in {@code folder} when it fits: made at {@code
   * generation} of the query index, for exactly the alerts of {@code wanted} that have a query,
   * with the same searches. Returns the alerts' searches, or null when there is none or it does not
   * fit (the table is then left in an unknown state; the reason is logged).
   */
  static Map<String, String> read(
      Path folder, long generation, Map<String, AlertMatcher.Parsed> wanted, CandidateTable table) {
    Path file = folder.resolve(FILE_NAME);
    if (!Files.exists(file)) {
      return null;
    }
    try {
      byte[] bytes = Files.readAllBytes(file);
      String unfit = unfit(bytes, generation);
      if (unfit != null) {
        LOG.warn("the alerts' query index is loaded: its snapshot {}", unfit);
        return null;
      }
      DataInputStream in =
          new DataInputStream(new ByteArrayInputStream(bytes, 16, bytes.length - 24));
      int n = in.readInt();
      Map<String, String> searches = new HashMap<>(n * 2);
      for (int i = 0; i < n; i++) {
        searches.put(in.readUTF(), readLong(in));
      }
      int runnable = 0;
      for (Map.Entry<String, AlertMatcher.Parsed> e : wanted.entrySet()) {
        AlertMatcher.Parsed p = e.getValue();
        if (p.query() == null) {
          continue;
        }
        runnable++;
        if (!p.search().equals(searches.get(e.getKey()))) {
          LOG.warn(
              "the alerts' query index is loaded: alert {} is not in its snapshot as saved",
              e.getKey());
          return null;
        }
      }
      if (runnable != searches.size()) {
        LOG.warn("the alerts' query index is loaded: its snapshot holds alerts no longer saved");
        return null;
      }
      Set<String> ids = table.readFrom(in, id -> wanted.get(id).query());
      if (!ids.equals(searches.keySet())) {
        LOG.warn("the alerts' query index is loaded: its snapshot's table has other alerts");
        return null;
      }
      return searches;
    } catch (IOException | RuntimeException e) {
      LOG.warn("the alerts' query index is loaded: its snapshot is unreadable: {}", e.toString());
      return null;
    }
  }

  /** Why the snapshot's bytes cannot be used at {@code generation} (null: they can). */
  private static String unfit(byte[] bytes, long generation) {
    String frame = CheckedBytes.unfit(bytes, 12, MAGIC, LAYOUT);
    if (frame != null) {
      return frame;
    }
    long made = ByteBuffer.wrap(bytes).getLong(8);
    if (made != generation) {
      return "was made at commit " + made + " of the query index, which is at " + generation;
    }
    return null;
  }
}
