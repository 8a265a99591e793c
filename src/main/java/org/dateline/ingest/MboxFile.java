package org.dateline.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The messages of an mbox file, split where Tika's mbox parser splits them (a line that starts with
 * "From "), so that the n-th message here is the n-th message Tika parsed. Each message is given
 * without its "From " separator line, as the RFC 822 message it is. Stateless.
 */
public final class MboxFile {

  private static final byte[] SEPARATOR = {'F', 'r', 'o', 'm', ' '};

  private MboxFile() {}

  /** Whether {@code bytes} start as an mbox does. */
  public static boolean looksLike(byte[] bytes) {
    return startsAt(bytes, 0);
  }

  /** The messages of the mbox {@code bytes}, in file order. */
  public static List<byte[]> messages(byte[] bytes) {
    List<byte[]> out = new ArrayList<>();
    int start = -1; // where the current message's headers start
    for (int line = 0; line < bytes.length; line = nextLine(bytes, line)) {
      if (startsAt(bytes, line)) {
        if (start >= 0) {
          out.add(Arrays.copyOfRange(bytes, start, line));
        }
        start = nextLine(bytes, line);
      }
    }
    if (start >= 0 && start <= bytes.length) {
      out.add(Arrays.copyOfRange(bytes, start, bytes.length));
    }
    return out;
  }

  private static boolean startsAt(byte[] bytes, int at) {
    if (bytes.length - at < SEPARATOR.length) {
      return false;
    }
    for (int i = 0; i < SEPARATOR.length; i++) {
      if (bytes[at + i] != SEPARATOR[i]) {
        return false;
      }
    }
    return true;
  }

  private static int nextLine(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        return i + 1;
      }
    }
    return bytes.length;
  }
}
