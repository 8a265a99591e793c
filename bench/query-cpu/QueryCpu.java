import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import org.dateline.bench.mix.MixRequest;
import org.dateline.search.*;

/**
 * In-process CPU per request of each kind of a mix (issue 20): the mix lines as `bench peer` sends
 * them (body:(QUERY), size 10, kwic 3, facet_size 10, the filters and dates), searched through
 * SearchService on one index, WARM unmeasured passes then ROUNDS measured ones; each request timed by
 * its thread CPU (the one-slice searches of a small index run on the caller), so that a loaded machine
 * changes the figures far less than wall-clock latency. Run by bench/query-cpu.sh.
 */
public class QueryCpu {
  public static void main(String[] a) throws Exception {
    Path index = Path.of(a[0]);
    List<MixRequest> mix = new ArrayList<>();
    int n = 0;
    for (String line : Files.readAllLines(Path.of(a[1]))) {
      n++;
      if (!line.isBlank() && !line.startsWith("#")) mix.add(MixRequest.parse(line, n));
    }
    int warm = Integer.parseInt(a[2]), rounds = Integer.parseInt(a[3]);
    String only = a.length > 4 ? a[4] : null;
    if (only != null) mix.removeIf(m -> !m.queryKind().equals(only));
    ThreadMXBean tmx = ManagementFactory.getThreadMXBean();
    try (SearchService s = SearchService.readOnly(index, org.dateline.config.Limits.defaults().withSearch(org.dateline.config.Limits.defaults().maxQueryTerms(), 600_000, org.dateline.config.Limits.defaults().maxQueryChars(), org.dateline.config.Limits.defaults().maxRequestBytes()))) {
      List<SearchRequest> reqs = new ArrayList<>();
      for (MixRequest m : mix) {
        Map<String, List<String>> f = new LinkedHashMap<>();
        for (MixRequest.Filter x : m.filters()) f.computeIfAbsent(x.dim(), k -> new ArrayList<>()).add(x.value());
        reqs.add(new SearchRequest("body:(" + m.query() + ")", f, m.from(), m.to(), SortOrder.RELEVANCE, 1, 10, null, 3, 10));
      }
      for (int w = 0; w < warm; w++) for (SearchRequest r : reqs) s.search(r);
      Map<String, long[]> perKind = new TreeMap<>();
      long total = 0;
      for (int r = 0; r < rounds; r++) {
        for (int i = 0; i < reqs.size(); i++) {
          long t0 = tmx.getCurrentThreadCpuTime();
          s.search(reqs.get(i));
          long d = tmx.getCurrentThreadCpuTime() - t0;
          long[] k = perKind.computeIfAbsent(mix.get(i).queryKind(), x -> new long[2]);
          k[0] += d; k[1]++;
          total += d;
        }
      }
      for (var e : perKind.entrySet())
        System.out.printf(Locale.ROOT, "%-14s %8.1f us/request (%d)%n", e.getKey(), e.getValue()[0] / 1e3 / e.getValue()[1], e.getValue()[1]);
      System.out.printf(Locale.ROOT, "%-14s %8.1f us/request   load %s%n", "ALL", total / 1e3 / (reqs.size() * (long) rounds), Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }
  }
}
