package org.dateline.bench.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@link KeepAliveClient} against a scripted server on a loopback socket: each answer is written as
 * a whole by a function of the request's head, on connections the server counts.
 */
class KeepAliveClientTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** A server answering each request with {@code answer(head)}; closes when asked to. */
  private static final class Scripted implements AutoCloseable {
    final ServerSocket server;
    final List<String> heads = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger connections = new AtomicInteger();

    Scripted(Function<String, String> answer) throws IOException {
      server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
      Thread.ofPlatform()
          .daemon()
          .start(
              () -> {
                while (!server.isClosed()) {
                  try {
                    Socket s = server.accept();
                    connections.incrementAndGet();
                    Thread.ofPlatform().daemon().start(() -> serve(s, answer));
                  } catch (IOException e) {
                    return;
                  }
                }
              });
    }

    private void serve(Socket s, Function<String, String> answer) {
      try (s) {
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream();
        while (true) {
          String head = head(in);
          if (head == null) {
            return;
          }
          heads.add(head);
          String a = answer.apply(head);
          out.write(a.getBytes(StandardCharsets.UTF_8));
          out.flush();
          if (a.contains("Connection: close")) {
            return;
          }
        }
      } catch (IOException e) {
        // the client went away
      }
    }

    private static String head(InputStream in) throws IOException {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      int state = 0;
      while (state < 4) {
        int c = in.read();
        if (c < 0) {
          return null;
        }
        b.write(c);
        state =
            c == '\r' && (state == 0 || state == 2)
                ? state + 1
                : c == '\n' && (state == 1 || state == 3) ? state + 1 : 0;
      }
      return b.toString(StandardCharsets.ISO_8859_1);
    }

    URI uri(String pathAndQuery) {
      return URI.create("http://127.0.0.1:" + server.getLocalPort() + pathAndQuery);
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }

  private static String lengthAnswer(String body, String extraHeaders) {
    return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
        + extraHeaders
        + "Content-Length: "
        + body.getBytes(StandardCharsets.UTF_8).length
        + "\r\n\r\n"
        + body;
  }

  @Test
  void answersByLengthOnOneKeptConnectionWithTheRequestHeaders() throws Exception {
    try (Scripted s =
            new Scripted(h -> lengthAnswer("{\"total\":\"é\"}", "Server-Timing: top;dur=1.5\r\n"));
        KeepAliveClient c = new KeepAliveClient(TIMEOUT)) {
      for (int i = 0; i < 3; i++) {
        PeerCompare.Answer a =
            c.get(s.uri("/api/search?q=body%3A(oil)&size=10"), List.of("Dateline-Timing", "on"));
        assertEquals(200, a.status());
        assertArrayEquals("{\"total\":\"é\"}".getBytes(StandardCharsets.UTF_8), a.body());
        assertEquals("top;dur=1.5", a.serverTiming());
      }
      assertEquals(1, s.connections.get());
      String head = s.heads.get(0);
      assertTrue(head.startsWith("GET /api/search?q=body%3A(oil)&size=10 HTTP/1.1\r\n"), head);
      assertTrue(head.contains("\r\nDateline-Timing: on\r\n"), head);
      assertTrue(head.contains("\r\nHost: 127.0.0.1:" + s.server.getLocalPort() + "\r\n"), head);
    }
  }

  @Test
  void chunkedAnswersWithExtensionsAndTrailersAreReadWhole() throws Exception {
    String chunked =
        "HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5;ext=1\r\nhello\r\n"
            + "19\r\n, a chunk of 25 bytes....\r\n"
            + "0\r\nTrailer: x\r\n\r\n";
    try (Scripted s = new Scripted(h -> chunked);
        KeepAliveClient c = new KeepAliveClient(TIMEOUT)) {
      for (int i = 0; i < 2; i++) {
        PeerCompare.Answer a = c.get(s.uri("/x"), List.of());
        assertEquals(404, a.status());
        assertEquals(
            "hello, a chunk of 25 bytes....", new String(a.body(), StandardCharsets.UTF_8));
        assertNull(a.serverTiming());
      }
      assertEquals(1, s.connections.get()); // the trailer was read: the second answer parsed
    }
  }

  @Test
  void aClosedConnectionIsOpenedAgain() throws Exception {
    try (Scripted s = new Scripted(h -> lengthAnswer("ok", "Connection: close\r\n"));
        KeepAliveClient c = new KeepAliveClient(TIMEOUT)) {
      for (int i = 0; i < 3; i++) {
        assertEquals("ok", new String(c.get(s.uri("/"), List.of()).body(), StandardCharsets.UTF_8));
      }
      assertEquals(3, s.connections.get());
    }
  }
}
