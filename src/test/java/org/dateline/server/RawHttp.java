package org.dateline.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * One HTTP/1.1 request written as raw bytes (no client re-encodes its target or refuses its
 * method), and its answer. For tests that send what real clients would never send.
 */
final class RawHttp {

  /** Status, the value of one header or null, and the body of an answer. */
  record Answer(int status, String head, String body) {
    String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
          return line.substring(colon + 1).strip();
        }
      }
      return null;
    }

    boolean chunked() {
      return "chunked".equalsIgnoreCase(header("Transfer-Encoding"));
    }
  }

  private RawHttp() {}

  static Answer send(int port, String method, String target) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(120_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          (method
                  + " "
                  + target
                  + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                  + "Content-Length: 0\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] all = in.readAllBytes();
      int split = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
      String head = new String(all, 0, split < 0 ? all.length : split, StandardCharsets.ISO_8859_1);
      byte[] body = split < 0 ? new byte[0] : Arrays.copyOfRange(all, split + 4, all.length);
      Answer raw = new Answer(Integer.parseInt(head.substring(9, 12)), head, "");
      byte[] content = raw.chunked() ? unchunk(body) : body;
      return new Answer(raw.status(), head, new String(content, StandardCharsets.UTF_8));
    }
  }

  /** The body of a chunked answer: chunk sizes count bytes, so it is joined before decoding. */
  private static byte[] unchunk(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < body.length) {
      int eol = indexOf(body, new byte[] {'\r', '\n'}, i);
      String line = new String(body, i, eol - i, StandardCharsets.ISO_8859_1).strip();
      int size = Integer.parseInt(line.toLowerCase(Locale.ROOT), 16);
      if (size == 0) {
        break;
      }
      out.write(body, eol + 2, Math.min(size, body.length - eol - 2));
      i = eol + 2 + size + 2;
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] in, byte[] what, int from) {
    for (int i = from; i + what.length <= in.length; i++) {
      if (Arrays.equals(in, i, i + what.length, what, 0, what.length)) {
        return i;
      }
    }
    return -1;
  }
}
