package org.dateline.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
      out.write((method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
          + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int split = all.indexOf("\r\n\r\n");
      String head = split < 0 ? all : all.substring(0, split);
      String body = split < 0 ? "" : all.substring(split + 4);
      Answer a = new Answer(Integer.parseInt(head.substring(9, 12)), head, body);
      return a.chunked() ? new Answer(a.status(), head, unchunk(body)) : a;
    }
  }

  private static String unchunk(String body) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < body.length()) {
      int eol = body.indexOf("\r\n", i);
      int size = Integer.parseInt(body.substring(i, eol).strip().toLowerCase(Locale.ROOT), 16);
      if (size == 0) {
        break;
      }
      // Sizes count bytes; the bodies here are JSON errors, ASCII in practice.
      out.append(body, eol + 2, Math.min(body.length(), eol + 2 + size));
      i = eol + 2 + size + 2;
    }
    return out.toString();
  }
}
