package org.dateline.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dateline.config.Config;
import org.dateline.enrich.story.Fingerprint;
import org.dateline.index.StoryStamp;
import org.dateline.ingest.ReutersSgmlReader;
import org.dateline.ingest.SourceDoc;
import org.dateline.pipeline.IndexRun;
import org.dateline.pipeline.IngestProgress;

/**
 * What story matching costs ingest, measured as a user meets it: whole {@code dateline index} runs
 * ({@link IndexRun}: the files, the entity pass over the new articles, the merge that reclaims
 * deleted copies) into fresh indexes, with stories off and on, interleaved in one JVM so that both
 * meet the same machine: each round runs both, the order alternating from round to round (off, on;
 * on, off; ...), after warm-up runs that are not counted (JIT compilation goes on for a few runs).
 * The figure that decides is CPU time per article (the process's, every thread): on a shared
 * machine wall time says how busy the others were.
 */
public final class StoryCost {

  /**
   * One whole run: whether entities and stories were on, which round (0: the warm-up), the articles
   * written, wall and process CPU milliseconds, the index stage's thread milliseconds (which holds
   * the story lookup), the entity pass's wall milliseconds, the load average after it.
   */
  public record Run(
      boolean entities,
      boolean stories,
      int round,
      long articles,
      long wallMs,
      long cpuMs,
      long indexStageMs,
      long entityPassMs,
      double loadAverage,
      long gcCpuMs,
      long jitCpuMs) {}

  private StoryCost() {}

  /**
   * {@code rounds} rounds of (stories off, stories on) over {@code source}, for entities off, on or
   * {@code both} (off first), each setting after {@code warmups} runs not counted (stories on, off,
   * on ...).
   */
  public static List<Run> interleaved(
      Config config, Path source, int warmups, int rounds, String entities) throws IOException {
    List<Boolean> settings =
        switch (entities) {
          case "off" -> List.of(false);
          case "on" -> List.of(true);
          case "both" -> List.of(false, true);
          default -> throw new IllegalArgumentException("--cost-entities: off, on or both");
        };
    List<Run> out = new ArrayList<>();
    for (boolean e : settings) {
      Config c = config.withEntities(e);
      for (int w = 0; w < warmups; w++) {
        // warm-up, both paths: classes loaded, code compiled (one run was not enough: a run's CPU
        // still fell by half over the next two rounds, session 15)
        out.add(run(c, source, w % 2 == 0, 0));
      }
      for (int r = 1; r <= rounds; r++) {
        boolean onFirst = r % 2 == 0;
        out.add(run(c, source, onFirst, r));
        out.add(run(c, source, !onFirst, r));
      }
    }
    return out;
  }

  private static Run run(Config config, Path source, boolean stories, int round)
      throws IOException {
    Run r = measured(config, source, stories, round);
    // each run as it ends, on standard error: a long benchmark shows how it goes
    System.err.printf(
        "story cost: entities %s, round %d, stories %s: process CPU %.1f s (GC %.1f, JIT %.1f),"
            + " wall %.1f s, load %.1f%n",
        r.entities() ? "on" : "off",
        r.round(),
        r.stories() ? "on" : "off",
        r.cpuMs() / 1000.0,
        r.gcCpuMs() / 1000.0,
        r.jitCpuMs() / 1000.0,
        r.wallMs() / 1000.0,
        r.loadAverage());
    return r;
  }

  private static Run measured(Config config, Path source, boolean stories, int round)
      throws IOException {
    Path dir = Files.createTempDirectory("dateline-bench-story-cost");
    try {
      System.gc(); // the previous run's garbage is not this run's
      long cpu0 = AlertBench.processCpuNanos();
      long[] vm0 = vmThreadCpuMs();
      long t0 = System.nanoTime();
      IndexRun.Outcome o =
          IndexRun.run(
              config.withIndexDir(dir),
              List.of(source),
              false,
              IngestProgress.NONE,
              false,
              false,
              stories);
      long wallMs = (System.nanoTime() - t0) / 1_000_000;
      long cpuMs = (AlertBench.processCpuNanos() - cpu0) / 1_000_000;
      long[] vm1 = vmThreadCpuMs();
      return new Run(
          config.entities(),
          stories,
          round,
          o.report().articlesWritten(),
          wallMs,
          cpuMs,
          o.report().stages().indexMs(),
          o.entities() == null ? 0 : o.entities().elapsedMs(),
          BenchFiles.loadAverage(),
          vm1[0] - vm0[0],
          vm1[1] - vm0[1]);
    } finally {
      BenchFiles.deleteTree(dir);
    }
  }

  /**
   * CPU milliseconds so far of the JVM's own threads, which no Java profiler samples: {garbage
   * collection (G1's workers and concurrent threads), JIT compilers}, read from {@code
   * /proc/self/task} (Linux; zeros elsewhere). These threads live as long as the JVM, so a
   * difference of two readings is what they spent between them.
   */
  static long[] vmThreadCpuMs() {
    long[] out = new long[2];
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) {
      return out;
    }
    long tick = 10; // ms per clock tick: USER_HZ is 100 on Linux
    try (var list = Files.list(tasks)) {
      for (Path t : list.toList()) {
        String stat;
        try {
          stat = Files.readString(t.resolve("stat"));
        } catch (IOException e) {
          continue; // the thread ended meanwhile
        }
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        String name = stat.substring(open + 1, close);
        int group =
            name.startsWith("GC Thread") || name.startsWith("G1 ")
                ? 0
                : name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler") ? 1 : -1;
        if (group >= 0) {
          // after the name: state, then fields 4..; utime and stime are fields 14 and 15
          String[] f = stat.substring(close + 2).split(" ");
          out[group] += (Long.parseLong(f[11]) + Long.parseLong(f[12])) * tick;
        }
      }
    } catch (IOException e) {
      return out;
    }
    return out;
  }

  /**
   * CPU nanoseconds per article of the fingerprint ingest makes for each article ({@link
   * StoryStamp#alone}) over the stories of the Reuters SGML files in {@code sgmFolder}, on this
   * thread: {@code warmups} passes not counted, then {@code passes} counted, each one's figure.
   * What this session's change cut, without the rest of ingest's noise.
   */
  public static double[] fingerprintNanos(Path sgmFolder, int warmups, int passes)
      throws IOException {
    List<SourceDoc> docs = new ArrayList<>();
    try (var files = Files.list(sgmFolder)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".sgm")).sorted().toList()) {
        docs.addAll(ReutersSgmlReader.read(Files.readString(f, StandardCharsets.ISO_8859_1)));
      }
    }
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    double[] out = new double[passes];
    long sink = 0;
    for (int p = -warmups; p < passes; p++) {
      long t0 = threads.getCurrentThreadCpuTime();
      for (SourceDoc d : docs) {
        sink += Fingerprint.of(d.title(), d.text()).exactHash();
      }
      if (p >= 0) {
        out[p] = (double) (threads.getCurrentThreadCpuTime() - t0) / docs.size();
      }
    }
    if (sink == 42) {
      System.out.print(""); // the fingerprints are used
    }
    return out;
  }

  /** Every run, then for each entities setting the medians and the rounds' on/off ratios. */
  public static void print(PrintWriter out, List<Run> runs) {
    out.printf(
        "Whole runs (files, entity pass, merge), interleaved; round 0 is the warm-up (not counted)%n"
            + "| entities | round | stories | articles | wall s | articles/s | process CPU s |"
            + " CPU ms per 1k articles | index stage thread-s | entity pass s | load |"
            + " GC CPU s | JIT CPU s |%n"
            + "|---|---|---|---|---|---|---|---|---|---|---|---|---|%n");
    for (Run r : runs) {
      out.printf(
          "| %s | %d | %s | %,d | %.1f | %,.0f | %.1f | %,.0f | %.1f | %.1f | %.1f | %.1f | %.1f |%n",
          r.entities() ? "on" : "off",
          r.round(),
          r.stories() ? "on" : "off",
          r.articles(),
          r.wallMs() / 1000.0,
          r.articles() * 1000.0 / Math.max(1, r.wallMs()),
          r.cpuMs() / 1000.0,
          r.cpuMs() * 1000.0 / Math.max(1, r.articles()),
          r.indexStageMs() / 1000.0,
          r.entityPassMs() / 1000.0,
          r.loadAverage(),
          r.gcCpuMs() / 1000.0,
          r.jitCpuMs() / 1000.0);
    }
    out.printf(
        "%nStories on against off (medians over the counted rounds; a round's ratio compares its"
            + " two neighbouring runs)%n"
            + "| entities | rounds | CPU s off | CPU s on | **CPU on/off** (median of rounds;"
            + " min-max) | wall articles/s off | on | index stage thread-s off | on |"
            + " GC CPU s off | on | JIT CPU s off | on |%n"
            + "|---|---|---|---|---|---|---|---|---|---|---|---|---|%n");
    for (boolean e : new boolean[] {false, true}) {
      List<Run> off = counted(runs, e, false);
      List<Run> on = counted(runs, e, true);
      if (off.isEmpty() || off.size() != on.size()) {
        continue;
      }
      double[] ratios = new double[off.size()];
      for (int i = 0; i < ratios.length; i++) {
        ratios[i] = (double) on.get(i).cpuMs() / Math.max(1, off.get(i).cpuMs());
      }
      double[] sorted = ratios.clone();
      Arrays.sort(sorted);
      out.printf(
          "| %s | %d | %.1f | %.1f | **%.3f** (%.3f-%.3f) | %,.0f | %,.0f | %.1f | %.1f | %.1f |"
              + " %.1f | %.1f | %.1f |%n",
          e ? "on" : "off",
          off.size(),
          median(off, Run::cpuMs) / 1000.0,
          median(on, Run::cpuMs) / 1000.0,
          median(ratios),
          sorted[0],
          sorted[sorted.length - 1],
          off.get(0).articles() * 1000.0 / median(off, Run::wallMs),
          on.get(0).articles() * 1000.0 / median(on, Run::wallMs),
          median(off, Run::indexStageMs) / 1000.0,
          median(on, Run::indexStageMs) / 1000.0,
          median(off, Run::gcCpuMs) / 1000.0,
          median(on, Run::gcCpuMs) / 1000.0,
          median(off, Run::jitCpuMs) / 1000.0,
          median(on, Run::jitCpuMs) / 1000.0);
    }
    out.flush();
  }

  private static List<Run> counted(List<Run> runs, boolean entities, boolean stories) {
    return runs.stream()
        .filter(r -> r.round() > 0 && r.entities() == entities && r.stories() == stories)
        .toList();
  }

  private static double median(List<Run> runs, java.util.function.ToLongFunction<Run> f) {
    return median(runs.stream().mapToDouble(r -> f.applyAsLong(r)).toArray());
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
}
