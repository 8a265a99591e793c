import java.net.URI;
import java.net.URLEncoder;
import java.net.http.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;

/**
 * ResponsesDiff PORT_A PORT_B MIX (run by bench/responses-diff.sh): every mix line sent to both
 * servers twice, as `bench peer` sends it (q=body:(QUERY), size 10, kwic 3, the filters and dates)
 * and with the query as typed (q=QUERY: every field); each answer's status and body compared without
 * its timing (took_ms). Prints the requests whose answers differ, with the text around where they
 * part, and exits 1 if any does.
 */
public class ResponsesDiff {
  public static void main(String[] a) throws Exception {
    HttpClient c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    int n = 0, differ = 0;
    for (String line : Files.readAllLines(Path.of(a[2]))) {
      if (line.isBlank() || line.startsWith("#")) continue;
      String[] parts = line.split("\\|");
      String q = parts[0].strip();
      StringBuilder rest = new StringBuilder();
      for (int i = 1; i < parts.length; i++) {
        String p = parts[i].strip();
        if (p.startsWith("kind=")) continue;
        int eq = p.indexOf('=');
        rest.append('&').append(p, 0, eq).append('=').append(URLEncoder.encode(p.substring(eq + 1), StandardCharsets.UTF_8));
      }
      for (String form : new String[] {"body:(" + q + ")&size=10&kwic=3", q}) {
        String query;
        if (form.startsWith("body:(")) {
          int amp = form.indexOf(")&size");
          query = "q=" + URLEncoder.encode(form.substring(0, amp + 1), StandardCharsets.UTF_8) + form.substring(amp + 1);
        } else query = "q=" + URLEncoder.encode(form, StandardCharsets.UTF_8);
        String path = "/api/search?" + query + rest;
        String ra = get(c, a[0], path), rb = get(c, a[1], path);
        n++;
        if (!ra.equals(rb)) {
          differ++;
          int k = 0; while (k < Math.min(ra.length(), rb.length()) && ra.charAt(k) == rb.charAt(k)) k++;
          System.out.println("differs: " + path + "\n  A: " + ra.substring(Math.max(0, k - 80), Math.min(ra.length(), k + 80)) + "\n  B: " + rb.substring(Math.max(0, k - 80), Math.min(rb.length(), k + 80)));
        }
      }
    }
    System.out.println((n - differ) + " of " + n + " answers identical");
    System.exit(differ == 0 ? 0 : 1);
  }
  static String get(HttpClient c, String port, String path) throws Exception {
    HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    return r.statusCode() + " " + r.body().replaceAll("\"took_ms\":[0-9]+,", "");
  }
}
