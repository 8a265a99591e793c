import java.io.*;
import java.net.*;
import java.net.http.*;
import java.nio.charset.StandardCharsets;
import java.util.*;

/**
 * What the benchmark's HTTP client adds to each request (issue 20, session 16): each URL through the
 * JDK's HttpClient (as `bench peer --client jdk` sends) and through a plain keep-alive socket (as
 * `--client socket`), all series alternating request by request, one connection per series; prints
 * p25/p50/p75 per series. Run by bench/client-cost.sh.
 */
public class ClientCost {
  static byte[] readResponse(InputStream in) throws IOException {
    // headers
    ByteArrayOutputStream h = new ByteArrayOutputStream();
    int state = 0;
    while (state < 4) { int b = in.read(); if (b < 0) throw new EOFException(); h.write(b);
      state = (b == '\r' && (state == 0 || state == 2)) ? state + 1 : (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0; }
    String head = h.toString(StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    int i = head.indexOf("content-length:");
    if (i >= 0) { int len = Integer.parseInt(head.substring(i + 15, head.indexOf('\r', i)).trim()); return in.readNBytes(len); }
    // chunked
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) { StringBuilder l = new StringBuilder(); int b; while ((b = in.read()) != '\n') if (b != '\r') l.append((char) b);
      int n = Integer.parseInt(l.toString().trim(), 16); if (n == 0) { in.read(); in.read(); return body.toByteArray(); }
      body.write(in.readNBytes(n)); in.read(); in.read(); }
  }

  public static void main(String[] a) throws Exception {
    int n = Integer.parseInt(a[0]);
    List<String> urls = Arrays.asList(a).subList(1, a.length);
    int m = urls.size() * 2;
    HttpClient[] jdk = new HttpClient[urls.size()];
    Socket[] socks = new Socket[urls.size()]; InputStream[] ins = new InputStream[urls.size()]; OutputStream[] outs = new OutputStream[urls.size()]; byte[][] reqs = new byte[urls.size()][];
    for (int k = 0; k < urls.size(); k++) {
      jdk[k] = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      URI x = URI.create(urls.get(k)); socks[k] = new Socket(x.getHost(), x.getPort()); socks[k].setTcpNoDelay(true);
      ins[k] = new BufferedInputStream(socks[k].getInputStream(), 65536); outs[k] = socks[k].getOutputStream();
      reqs[k] = ("GET " + x.getRawPath() + "?" + x.getRawQuery() + " HTTP/1.1\r\nHost: " + x.getHost() + ":" + x.getPort() + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }
    long[][] t = new long[m][n];
    for (int i = -300; i < n; i++) for (int s = 0; s < m; s++) { int j = Math.floorMod(i + s, m); int k = j / 2;
      long t0 = System.nanoTime();
      if (j % 2 == 0) jdk[k].send(HttpRequest.newBuilder(URI.create(urls.get(k))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      else { outs[k].write(reqs[k]); outs[k].flush(); readResponse(ins[k]); }
      long d = System.nanoTime() - t0; if (i >= 0) t[j][i] = d; }
    for (int j = 0; j < m; j++) { Arrays.sort(t[j]); String u = urls.get(j / 2);
      System.out.printf(Locale.ROOT, "%-6s p50 %.3f ms  p25 %.3f  p75 %.3f  %s%n", j % 2 == 0 ? "jdk" : "socket", t[j][n/2]/1e6, t[j][n/4]/1e6, t[j][3*n/4]/1e6, u.length() > 80 ? u.substring(0, 80) + "..." : u); }
  }
}
