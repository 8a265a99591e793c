package org.dateline.alert;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32C;
import org.dateline.index.AtomicFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal's checkpoint beside it ({@value #FILE_NAME}): where every alert's lines are in the
 * journal's first {@code covered} bytes, as a restart notes them ({@link UnreadLines}), so that a
 * restart reads only the lines after them. Written whole at a clean close ({@link AtomicFile}); a
 * crash leaves the last one, which still covers the journal's first bytes (the journal is only
 * appended to). It is used only when it is whole (its own CRC-32C) and the journal's first {@code
 * covered} bytes are the ones it was made from (their CRC-32C); otherwise every line is read, as
 * without one.
 *
 * <p>Layout, big-endian: the magic {@code DLJC}, the layout's number, {@code covered}, the CRC-32C
 * of the journal's first {@code covered} bytes, the number of alerts; for each alert its id (UTF-8,
 * its length first), its number of lines and, for each line, its start, its length and its event
 * number in a line of many alerts (-1: a line of its own); last, the CRC-32C of all before it.
 */
final class JournalCheckpoint {

  /** The checkpoint's file name in the index folder. */
  static final String FILE_NAME = "alerts-journal.checkpoint";

  private static final int MAGIC = 0x444c4a43; // "DLJC"
  private static final int LAYOUT = 1;
  private static final Logger LOG = LoggerFactory.getLogger(JournalCheckpoint.class);

  private JournalCheckpoint() {}

  /** Writes the checkpoint of a journal whose first {@code covered} bytes hold {@code lines}. */
  static void write(Path dir, long covered, long journalCrc, UnreadLines lines) throws IOException {
    Map<String, UnreadLines.Spans> all = lines.all();
    long spans = 0;
    for (UnreadLines.Spans s : all.values()) {
      spans += s.n;
    }
    CheckedBytes frame =
        new CheckedBytes(
            MAGIC, LAYOUT, (int) Math.min(1 << 30, 64 + spans * 20 + all.size() * 24L));
    DataOutputStream out = frame.out();
    out.writeLong(covered);
    out.writeLong(journalCrc);
    out.writeInt(all.size());
    for (Map.Entry<String, UnreadLines.Spans> e : all.entrySet()) {
      UnreadLines.Spans s = e.getValue();
      byte[] id = e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      out.writeInt(id.length);
      out.write(id);
      out.writeInt(s.n);
      for (int k = 0; k < s.n; k++) {
        out.writeLong(s.starts[k]);
        out.writeInt(s.lengths[k]);
        out.writeLong(s.seqs[k]);
      }
    }
    AtomicFile.write(dir.resolve(FILE_NAME), frame.finish());
  }

  /**
   * Notes in {@code lines} the alerts' lines the checkpoint in {@code dir} holds, when it fits
   * {@code journal} (the journal's bytes); returns how many of the journal's bytes it covers, 0
   * when there is none or it does not fit (then nothing is noted, and the reason is logged).
   */
  static long read(Path dir, byte[] journal, UnreadLines lines) throws IOException {
    Path file = dir.resolve(FILE_NAME);
    if (!Files.exists(file)) {
      return 0;
    }
    byte[] checkpoint = Files.readAllBytes(file);
    String unfit = fit(checkpoint, journal, lines);
    if (unfit == null) {
      return covered(checkpoint);
    }
    lines.clear();
    LOG.warn("the alerts' journal is read whole: its checkpoint {}", unfit);
    return 0;
  }

  private static long covered(byte[] checkpoint) {
    return ByteBuffer.wrap(checkpoint).getLong(8);
  }

  /** Notes the checkpoint's lines when it fits the journal; else why not (nothing kept). */
  private static String fit(byte[] bytes, byte[] journal, UnreadLines lines) {
    String frame = CheckedBytes.unfit(bytes, 20, MAGIC, LAYOUT);
    if (frame != null) {
      return frame;
    }
    ByteBuffer in = ByteBuffer.wrap(bytes).position(8);
    long covered = in.getLong();
    long journalCrc = in.getLong();
    if (covered > journal.length) {
      return "covers " + covered + " bytes, the journal has " + journal.length;
    }
    CRC32C crc = new CRC32C();
    crc.update(journal, 0, (int) covered);
    if (crc.getValue() != journalCrc) {
      return "was made from other bytes than the journal's first " + covered;
    }
    try {
      int alerts = in.getInt();
      for (int a = 0; a < alerts; a++) {
        byte[] id = new byte[in.getInt()];
        in.get(id);
        int n = in.getInt();
        long[] starts = new long[Math.max(4, n)];
        int[] lengths = new int[starts.length];
        long[] seqs = new long[starts.length];
        for (int k = 0; k < n; k++) {
          starts[k] = in.getLong();
          lengths[k] = in.getInt();
          seqs[k] = in.getLong();
          if (starts[k] < 0 || lengths[k] < 0 || starts[k] + lengths[k] > covered) {
            return "names a line outside the bytes it covers";
          }
        }
        lines.put(
            new String(id, java.nio.charset.StandardCharsets.UTF_8), starts, lengths, seqs, n);
      }
      if (in.remaining() != 8) {
        return "has bytes after its lines";
      }
    } catch (java.nio.BufferUnderflowException | NegativeArraySizeException e) {
      return "ends inside its lines";
    }
    return null;
  }
}
