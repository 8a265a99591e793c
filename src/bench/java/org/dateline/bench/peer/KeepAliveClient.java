package org.dateline.bench.peer;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A keep-alive HTTP/1.1 client on one plain socket, as load generators (wrk, ab, h2load) measure a
 * server: the request written in one piece, the answer read on the same thread (headers, then the
 * body by its {@code Content-Length} or its chunks). The JDK's {@code HttpClient} hands every
 * request to its selector thread and every answer back through an executor and futures: on this
 * machine about 1 ms of its own per request (an {@code /api/health} answered in 0.21 ms over a
 * socket took 1.14 ms through it, load 21, docs/figures-issue-20.md session 16), the same for every
 * engine, so it makes engines look alike. One instance per client thread; not thread-safe.
 */
final class KeepAliveClient implements PeerCompare.Transport {

  private final int timeoutMs;
  private Socket socket;
  private String connectedTo;
  private InputStream in;
  private OutputStream out;

  KeepAliveClient(Duration timeout) {
    this.timeoutMs = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
  }

  @Override
  public PeerCompare.Answer get(URI uri, List<String> headers) throws IOException {
    String hostPort = uri.getHost() + ":" + uri.getPort();
    byte[] request = request(uri, hostPort, headers);
    // a kept-alive connection the server has closed meanwhile: try once more on a new one
    for (int attempt = 0; ; attempt++) {
      boolean reused = socket != null && hostPort.equals(connectedTo);
      if (!reused) {
        connect(uri, hostPort);
      }
      try {
        out.write(request);
        out.flush();
        return read();
      } catch (IOException e) {
        close();
        if (!reused || attempt > 0) {
          throw e;
        }
      }
    }
  }

  static byte[] request(URI uri, String hostPort, List<String> headers) {
    StringBuilder r = new StringBuilder("GET ").append(uri.getRawPath());
    if (uri.getRawQuery() != null) {
      r.append('?').append(uri.getRawQuery());
    }
    r.append(" HTTP/1.1\r\nHost: ").append(hostPort).append("\r\n");
    for (int i = 0; i + 1 < headers.size(); i += 2) {
      r.append(headers.get(i)).append(": ").append(headers.get(i + 1)).append("\r\n");
    }
    return r.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private void connect(URI uri, String hostPort) throws IOException {
    close();
    Socket s = new Socket();
    s.setTcpNoDelay(true);
    s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), timeoutMs);
    s.setSoTimeout(timeoutMs);
    socket = s;
    connectedTo = hostPort;
    in = new BufferedInputStream(s.getInputStream(), 64 * 1024);
    out = s.getOutputStream();
  }

  private PeerCompare.Answer read() throws IOException {
    String status = line(in);
    String[] parts = status.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP/1.x answer: " + status);
    }
    int code = Integer.parseInt(parts[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String h = line(in); !h.isEmpty(); h = line(in)) {
      int colon = h.indexOf(':');
      if (colon > 0) {
        headers.merge(
            h.substring(0, colon).strip().toLowerCase(Locale.ROOT),
            h.substring(colon + 1).strip(),
            (a, b) -> a + ", " + b);
      }
    }
    byte[] body;
    String length = headers.get("content-length");
    if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
      body = chunks(in);
    } else if (length != null) {
      body = in.readNBytes(Integer.parseInt(length));
    } else {
      body = in.readAllBytes(); // no length: the answer ends with the connection
      close();
    }
    if ("close".equalsIgnoreCase(headers.getOrDefault("connection", ""))) {
      close();
    }
    return new PeerCompare.Answer(code, body, headers.get("server-timing"));
  }

  static byte[] chunks(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String size = line(in);
      int semi = size.indexOf(';');
      int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).strip(), 16);
      if (n == 0) {
        while (!line(in).isEmpty()) {
          // trailers, up to the empty line
        }
        return body.toByteArray();
      }
      byte[] chunk = in.readNBytes(n);
      if (chunk.length < n) {
        throw new EOFException("answer ended inside a chunk");
      }
      body.write(chunk);
      line(in); // the CRLF after the chunk
    }
  }

  /** One header line without its CRLF. */
  static String line(InputStream in) throws IOException {
    StringBuilder s = new StringBuilder();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new EOFException("connection closed");
      }
      if (b != '\r') {
        s.append((char) b);
      }
    }
    return s.toString();
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing a connection we are done with
      }
    }
    socket = null;
    connectedTo = null;
  }
}
