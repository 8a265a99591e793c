import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.*;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.*;
import java.time.LocalDate;
import java.util.*;

/**
 * QueryCpuAb INDEX MIX WARM ROUNDS DIR_A DIR_B [KIND] (run by bench/query-cpu-ab.sh): two builds'
 * SearchService, each DIR/dateline.jar in a class loader of its own over one shared target/lib, on
 * one index; the mix's requests as `bench peer` sends them (body:(QUERY), size 10, kwic 3, facet_size
 * 10), request by request alternating A and B (which goes first flips every request and round), each
 * timed by its thread CPU. A neighbour's burst of load then falls on both builds alike, which
 * alternating whole runs (bench/query-cpu.sh) cannot promise. The first measured round also
 * compares the two answers of every request (the response records' text without tookMs). Rows:
 * by kind, by filter shape (in brackets: plain, date-range, one-filter, two-filters), then p50, p90
 * and p99 of the single requests' CPU over all measured rounds (issue 20's target is the median).
 * OWN_LUCENE=1 in the environment: each side has its own copy of the libraries and reads the index
 * through its own build's codec (else both read it through A's).
 */
public class QueryCpuAb {
  record Req(String kind, String shape, String q, Map<String, List<String>> f, LocalDate from, LocalDate to) {}
  static class Side {
    String name; Object service; Method search; Constructor<?> reqCtor; Object relevance; List<Object> reqs = new ArrayList<>();
    Map<String, long[]> perKind = new TreeMap<>(), perShape = new TreeMap<>(); long total; long[] each;
  }
  public static void main(String[] a) throws Exception {
    Path index = Path.of(a[0]);
    List<Req> mix = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(a[1]))) {
      if (line.isBlank() || line.startsWith("#")) continue;
      String[] p = line.split("\\|");
      String kind = null, shape = null; Map<String, List<String>> f = new LinkedHashMap<>(); LocalDate from = null, to = null;
      for (int i = 1; i < p.length; i++) {
        String s = p[i].strip(); int eq = s.indexOf('='); String k = s.substring(0, eq), v = s.substring(eq + 1);
        switch (k) {
          case "kind" -> { kind = v.substring(0, v.indexOf('/')); shape = v.substring(v.indexOf('/') + 1); }
          case "from" -> from = LocalDate.parse(v);
          case "to" -> to = LocalDate.parse(v);
          default -> f.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
      }
      if (a.length > 6 && !a[6].equals(kind)) continue;
      mix.add(new Req(kind, shape, "body:(" + p[0].strip() + ")", f, from, to));
    }
    int warm = Integer.parseInt(a[2]), rounds = Integer.parseInt(a[3]);
    List<URL> libs = new ArrayList<>();
    try (var ds = Files.newDirectoryStream(Path.of("target/lib"), "*.jar")) { for (Path p : ds) libs.add(p.toUri().toURL()); }
    // OWN_LUCENE=1: each side loads the libraries (Lucene) itself, so each reads the index through
    // its own build's codec (a change in how stored values are read); else one shared copy, A's codec.
    boolean ownLucene = "1".equals(System.getenv("OWN_LUCENE"));
    ClassLoader lib = new URLClassLoader(libs.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    Side[] sides = new Side[2];
    for (int s = 0; s < 2; s++) {
      Side side = sides[s] = new Side();
      side.name = s == 0 ? "A" : "B";
      if (ownLucene && s == 1) lib = new URLClassLoader(libs.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
      ClassLoader cl = new URLClassLoader(new URL[] {Path.of(a[4 + s], "dateline.jar").toUri().toURL()}, lib);
      if (s == 0 || ownLucene) {
        // The index's codec (Dateline's own, by name through Lucene's SPI) is looked up in the
        // loader of Lucene's classes, which does not see a build's jar: register A's (the two
        // builds' codecs must agree; both sides read through it).
        for (String[] spi : new String[][] {{"org.apache.lucene.codecs.Codec", "reloadCodecs"},
            {"org.apache.lucene.codecs.PostingsFormat", "reloadPostingsFormats"},
            {"org.apache.lucene.codecs.DocValuesFormat", "reloadDocValuesFormats"}}) {
          lib.loadClass(spi[0]).getMethod(spi[1], ClassLoader.class).invoke(null, cl);
        }
      }
      Class<?> limitsC = cl.loadClass("org.dateline.config.Limits");
      Object d = limitsC.getMethod("defaults").invoke(null);
      int terms = (int) limitsC.getMethod("maxQueryTerms").invoke(d);
      int chars = (int) limitsC.getMethod("maxQueryChars").invoke(d);
      long bytes = (long) limitsC.getMethod("maxRequestBytes").invoke(d);
      Object limits = limitsC.getMethod("withSearch", int.class, long.class, int.class, long.class).invoke(d, terms, 600_000L, chars, bytes);
      Class<?> svc = cl.loadClass("org.dateline.search.SearchService");
      // INDEX_B: side B searches an index of its own (the same articles in another layout)
      Path own = s == 1 && System.getenv("INDEX_B") != null ? Path.of(System.getenv("INDEX_B")) : index;
      side.service = svc.getMethod("readOnly", Path.class, limitsC).invoke(null, own, limits);
      Class<?> reqC = cl.loadClass("org.dateline.search.SearchRequest");
      side.search = svc.getMethod("search", reqC);
      Class<?> sortC = cl.loadClass("org.dateline.search.SortOrder");
      side.relevance = sortC.getField("RELEVANCE").get(null);
      side.reqCtor = reqC.getConstructors()[0];
      for (Constructor<?> c : reqC.getConstructors()) if (c.getParameterCount() == 10) side.reqCtor = c;
      for (Req r : mix) side.reqs.add(side.reqCtor.newInstance(r.q(), r.f(), r.from(), r.to(), side.relevance, 1, 10, null, 3, 10));
    }
    ThreadMXBean tmx = ManagementFactory.getThreadMXBean();
    int differ = 0;
    for (Side s : sides) s.each = new long[mix.size() * rounds];
    for (int w = 0; w < warm; w++) for (int i = 0; i < mix.size(); i++) for (Side s : sides) s.search.invoke(s.service, s.reqs.get(i));
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < mix.size(); i++) {
        String[] answers = new String[2];
        for (int k = 0; k < 2; k++) {
          int si = ((r + i) % 2 == 0) ? k : 1 - k;
          Side s = sides[si];
          long t0 = tmx.getCurrentThreadCpuTime();
          Object resp = s.search.invoke(s.service, s.reqs.get(i));
          long dt = tmx.getCurrentThreadCpuTime() - t0;
          long[] c = s.perKind.computeIfAbsent(mix.get(i).kind(), x -> new long[2]);
          c[0] += dt; c[1]++; s.total += dt;
          long[] sh = s.perShape.computeIfAbsent(mix.get(i).shape(), x -> new long[2]);
          sh[0] += dt; sh[1]++;
          s.each[r * mix.size() + i] = dt;
          if (r == 0) answers[si] = resp.toString().replaceAll("tookMs=\\d+", "");
        }
        if (r == 0 && !answers[0].equals(answers[1])) {
          differ++;
          if (differ <= 5) System.out.println("differs: " + mix.get(i) + "\n A " + answers[0] + "\n B " + answers[1]);
        }
      }
    }
    System.out.println("answers differing in round 1: " + differ + " of " + mix.size());
    System.out.printf(Locale.ROOT, "%-14s %10s %10s %6s%n", "kind", "A us/req", "B us/req", "B/A");
    for (String k : sides[0].perKind.keySet()) {
      long[] x = sides[0].perKind.get(k), y = sides[1].perKind.get(k);
      double ax = x[0] / 1e3 / x[1], by = y[0] / 1e3 / y[1];
      System.out.printf(Locale.ROOT, "%-14s %10.1f %10.1f %6.3f%n", k, ax, by, by / ax);
    }
    for (String k : sides[0].perShape.keySet()) {
      long[] x = sides[0].perShape.get(k), y = sides[1].perShape.get(k);
      double ax = x[0] / 1e3 / x[1], by = y[0] / 1e3 / y[1];
      System.out.printf(Locale.ROOT, "%-14s %10.1f %10.1f %6.3f%n", "(" + k + ")", ax, by, by / ax);
    }
    // Percentiles of each request's CPU (all measured rounds): the median request is what issue 20's
    // 1-client p50 stands on.
    for (double q : new double[] {0.5, 0.9, 0.99}) {
      long[] pa = sides[0].each.clone(), pb = sides[1].each.clone();
      Arrays.sort(pa); Arrays.sort(pb);
      int at = (int) Math.min(pa.length - 1, Math.floor(q * pa.length));
      System.out.printf(Locale.ROOT, "%-14s %10.1f %10.1f %6.3f%n", "p" + Math.round(q * 100), pa[at] / 1e3, pb[at] / 1e3, (double) pb[at] / pa[at]);
    }
    double at = sides[0].total / 1e3 / (mix.size() * (long) rounds), bt = sides[1].total / 1e3 / (mix.size() * (long) rounds);
    System.out.printf(Locale.ROOT, "%-14s %10.1f %10.1f %6.3f   load %s%n", "ALL", at, bt, bt / at, Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    System.exit(0);
  }
}
