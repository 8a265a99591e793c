import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.dateline.bench.mix.MixRequest;
import org.dateline.bench.peer.DatelineEngine;

/**
 * Two (or more) Dateline servers on this machine, compared by the server's own CPU time per request
 * of the peer mix, which a loaded machine disturbs far less than wall-clock latency: rounds of the
 * whole mix, one client, the servers taken in turn (the order reversed every other round), each
 * server's process CPU (utime + stime from /proc/PID/stat) read before and after its pass. Prints
 * per round and server: CPU ms per request, client p50 ms, and the median over rounds at the end.
 * Run by bench/cpu-ab.sh.
 */
public class CpuAb {
  public static void main(String[] args) throws Exception {
    List<MixRequest> mix = new ArrayList<>();
    int lineNo = 0;
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      lineNo++;
      if (!line.isBlank() && !line.startsWith("#")) {
        mix.add(MixRequest.parse(line, lineNo));
      }
    }
    int rounds = Integer.parseInt(args[1]);
    List<String[]> servers = new ArrayList<>(); // name=pid:port
    for (int i = 2; i < args.length; i++) {
      String[] nv = args[i].split("[=:]");
      servers.add(nv);
    }
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    double[][] cpu = new double[servers.size()][rounds];
    double[][] p50 = new double[servers.size()][rounds];
    for (String[] s : servers) {
      pass(client, mix, s); // warm-up
    }
    long hz = 100;
    for (int r = 0; r < rounds; r++) {
      for (int k = 0; k < servers.size(); k++) {
        int i = r % 2 == 0 ? k : servers.size() - 1 - k;
        String[] s = servers.get(i);
        long before = ticks(s[1]);
        long[] nanos = pass(client, mix, s);
        long after = ticks(s[1]);
        cpu[i][r] = (after - before) * 1000.0 / hz / mix.size();
        Arrays.sort(nanos);
        p50[i][r] = nanos[nanos.length / 2] / 1e6;
        System.out.printf(
            Locale.ROOT,
            "round %d %-10s cpu %.3f ms/request  p50 %.3f ms  load %s%n",
            r + 1, s[0], cpu[i][r], p50[i][r], Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
      }
    }
    for (int i = 0; i < servers.size(); i++) {
      System.out.printf(
          Locale.ROOT,
          "median over %d rounds: %-10s cpu %.3f ms/request  p50 %.3f ms%n",
          rounds, servers.get(i)[0], median(cpu[i]), median(p50[i]));
    }
  }

  static double median(double[] x) {
    double[] c = x.clone();
    Arrays.sort(c);
    return c[c.length / 2];
  }

  static long[] pass(HttpClient client, List<MixRequest> mix, String[] s) throws Exception {
    DatelineEngine engine = new DatelineEngine("http://127.0.0.1:" + s[2]);
    long[] nanos = new long[mix.size()];
    for (int j = 0; j < mix.size(); j++) {
      HttpRequest req = HttpRequest.newBuilder(URI.create(engine.baseUrl() + engine.path(mix.get(j)))).GET().build();
      long t0 = System.nanoTime();
      HttpResponse<byte[]> resp = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
      nanos[j] = System.nanoTime() - t0;
      if (resp.statusCode() != 200) {
        throw new IllegalStateException(s[0] + " answered " + resp.statusCode() + " to " + mix.get(j).toLine());
      }
    }
    return nanos;
  }

  static long ticks(String pid) throws Exception {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
  }
}
