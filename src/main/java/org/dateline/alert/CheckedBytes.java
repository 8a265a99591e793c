package org.dateline.alert;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/**
 * The frame of the files a restart may trust or must ignore (the journal's checkpoint, the query
 * table's snapshot): a magic number and a layout version first, the CRC-32C of everything before it
 * last. A file cut short by a crash, written by other code or damaged is found out before a byte of
 * it is used.
 */
final class CheckedBytes {

  /** Bytes of the frame: magic, layout, and the CRC at the end. */
  static final int FRAME = 16;

  private final ByteArrayOutputStream bytes;
  private final CRC32C crc = new CRC32C();
  private final DataOutputStream out;

  /** A frame begun with {@code magic} and {@code layout}; its contents go to {@link #out}. */
  CheckedBytes(int magic, int layout, int sizeHint) throws IOException {
    bytes = new ByteArrayOutputStream(sizeHint);
    out = new DataOutputStream(new BufferedOutputStream(new CheckedOutputStream(bytes, crc)));
    out.writeInt(magic);
    out.writeInt(layout);
  }

  DataOutputStream out() {
    return out;
  }

  /** The whole file: what was written, then its CRC. */
  byte[] finish() throws IOException {
    out.flush();
    new DataOutputStream(bytes).writeLong(crc.getValue()); // not through the checked stream
    return bytes.toByteArray();
  }

  /**
   * Why {@code bytes} cannot be read as a frame of {@code magic} and {@code layout} holding at
   * least {@code minContent} bytes: too short, not whole, of another layout; null when they can
   * (the contents are then from byte 8 to {@link #FRAME} - 8 bytes before the end).
   */
  static String unfit(byte[] bytes, int minContent, int magic, int layout) {
    if (bytes.length < FRAME + minContent) {
      return "is too short";
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CRC32C own = new CRC32C();
    own.update(bytes, 0, bytes.length - 8);
    if (in.getLong(bytes.length - 8) != own.getValue()) {
      return "is not whole (its CRC differs)";
    }
    if (in.getInt(0) != magic || in.getInt(4) != layout) {
      return "is of another layout";
    }
    return null;
  }
}
