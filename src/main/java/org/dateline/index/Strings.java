package org.dateline.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.DataOutput;

/**
 * The strings of one {@link CompactMeta} value, each written once. A string is one {@code vInt}
 * code, then its bytes where it is new:
 *
 * <ul>
 *   <li>{@code 0}: null;
 *   <li>{@code 4k + 1}: a new string of {@code k} UTF-8 bytes;
 *   <li>{@code 4k + 3}: a new lowercase hexadecimal string of {@code 2k} characters, as its {@code
 *       k} bytes (a hash, half its length and not compressible as text);
 *   <li>{@code 2k + 2}: the {@code k}-th string written before (from 0).
 * </ul>
 *
 * Not thread-safe: one writer or reader per value.
 */
final class Strings {

  private Strings() {}

  /** Writes strings to one output, each repeated one as the number of its first writing. */
  static final class Writer {
    private final DataOutput out;
    private final Map<String, Integer> seen = new HashMap<>();

    Writer(DataOutput out) {
      this.out = out;
    }

    void write(String s) throws IOException {
      if (s == null) {
        out.writeVInt(0);
        return;
      }
      Integer before = seen.putIfAbsent(s, seen.size());
      if (before != null) {
        out.writeVInt(2 * before + 2);
      } else if (isHex(s)) {
        out.writeVInt(4 * (s.length() / 2) + 3);
        for (int i = 0; i < s.length(); i += 2) {
          out.writeByte((byte) (Character.digit(s.charAt(i), 16) << 4 | digit(s, i + 1)));
        }
      } else {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeVInt(4 * utf8.length + 1);
        out.writeBytes(utf8, utf8.length);
      }
    }

    void writeList(List<String> list) throws IOException {
      out.writeVInt(list.size());
      for (String s : list) {
        write(s);
      }
    }

    private static int digit(String s, int i) {
      return Character.digit(s.charAt(i), 16);
    }

    /** Lowercase hexadecimal of even length (uppercase would not read back the same). */
    private static boolean isHex(String s) {
      if (s.isEmpty() || s.length() % 2 != 0) {
        return false;
      }
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
          return false;
        }
      }
      return true;
    }
  }

  /** Reads what a {@link Writer} wrote, in the same order. */
  static final class Reader {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final byte[] bytes;
    private final ByteArrayDataInput in;
    private final List<String> seen = new ArrayList<>();

    /** {@code in} reads {@code bytes} (its strings are decoded from them where they stand). */
    Reader(byte[] bytes, ByteArrayDataInput in) {
      this.bytes = bytes;
      this.in = in;
    }

    String read() {
      int code = in.readVInt();
      if (code == 0) {
        return null;
      }
      if ((code & 1) == 0) {
        return seen.get(code / 2 - 1);
      }
      int k = code >>> 2;
      String s = (code & 2) == 0 ? utf8(k) : hex(k);
      seen.add(s);
      return s;
    }

    List<String> readList() {
      int n = in.readVInt();
      if (n == 0) {
        return List.of();
      }
      List<String> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(read());
      }
      return out;
    }

    private String utf8(int length) {
      String s = new String(bytes, in.getPosition(), length, StandardCharsets.UTF_8);
      in.skipBytes(length);
      return s;
    }

    private String hex(int length) {
      char[] chars = new char[2 * length];
      for (int i = 0; i < length; i++) {
        int b = in.readByte() & 0xff;
        chars[2 * i] = HEX[b >>> 4];
        chars[2 * i + 1] = HEX[b & 15];
      }
      return new String(chars);
    }
  }
}
