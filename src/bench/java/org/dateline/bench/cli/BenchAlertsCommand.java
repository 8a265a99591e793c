package org.dateline.bench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.dateline.alert.AlertSpec;
import org.dateline.alert.Alerts;
import org.dateline.bench.AlertBench;
import org.dateline.bench.AlertDropBench;
import org.dateline.bench.BenchFiles;
import org.dateline.bench.SavedSearchGenerator;
import org.dateline.cli.CommonOptions;
import org.dateline.cli.JsonOutOption;
import org.dateline.config.Config;
import org.dateline.index.ArticleIndex;
import org.dateline.pipeline.Indexer;
import org.dateline.pipeline.IngestProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dateline bench alerts}: saved searches generated from Reuters-21578 (issue 17), matched
 * against its articles one at a time on one thread, by the monitor alone and through the whole
 * ingest hook (journal forced to disk); the time to open the saved alerts again (a restart); and,
 * with {@code --drops N}, files dropped into a real {@code serve --watch} until their webhook
 * arrives.
 */
@Command(
    name = "alerts",
    mixinStandardHelpOptions = true,
    description = "Alerts: match rate and p99 per article, restart time, drop-to-webhook time.")
final class BenchAlertsCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Option(
      names = "--reuters",
      description = "Reuters-21578 SGML folder (default: ${DEFAULT-VALUE}).",
      defaultValue = "../shared/corpus/reuters21578/sgm")
  Path reuters;

  @Option(
      names = "--files",
      description = "Reuters files to match, 1,000 articles each (default: ${DEFAULT-VALUE}).",
      defaultValue = "1")
  int files;

  @Option(
      names = "--alerts",
      split = ",",
      description = "Numbers of saved searches to measure (default: ${DEFAULT-VALUE}).",
      defaultValue = "10000,100000")
  List<Integer> alertCounts;

  @Option(
      names = "--drops",
      description =
          "Files dropped into serve --watch, one every --drop-ms, timed to their webhook"
              + " (0: skip; default: ${DEFAULT-VALUE}).",
      defaultValue = "100")
  int drops;

  @Option(
      names = "--drop-ms",
      description = "Pause between two drops (default: ${DEFAULT-VALUE}).",
      defaultValue = "300")
  long dropMs;

  @Option(
      names = "--batch",
      description =
          "Articles matched together, as the indexer hands a file's articles (each article's"
              + " latency is its batch's; default: ${DEFAULT-VALUE}).",
      defaultValue = "1")
  int batch;

  @Option(
      names = "--match-threads",
      description =
          "Threads the batches are shared out to, as the indexer's workers share files (CPU is"
              + " summed over them; default: ${DEFAULT-VALUE}).",
      defaultValue = "1")
  int matchThreads;

  @Option(
      names = "--hook-only",
      description =
          "Skip the monitor-alone pass and the restart after an upgrade: register, the hook, the"
              + " restart (a 100k run in half the time).")
  boolean hookOnly;

  @Mixin JsonOutOption jsonOut;

  @Spec CommandSpec spec;

  /** The figures of one number of alerts. */
  record Run(
      int alerts,
      long registerMs,
      AlertBench.Rate matcher,
      AlertBench.Rate hook,
      long reopenMs,
      long reopenCpuMs,
      org.dateline.alert.OpenTimes reopen,
      long upgradeMs,
      org.dateline.alert.OpenTimes upgrade) {}

  record Figures(List<Run> runs, AlertDropBench.Latency drops, double loadAverage) {}

  @Override
  public Integer call() throws Exception {
    if (matchThreads < 1) {
      throw new IllegalArgumentException("--match-threads must be at least 1, got " + matchThreads);
    }
    if (batch < 1) {
      throw new IllegalArgumentException("--batch must be at least 1, got " + batch);
    }
    Config config = common.toConfig().withEntities(false);
    PrintWriter out = spec.commandLine().getOut();
    Path scratch = Files.createTempDirectory("dateline-bench-alerts");
    try {
      List<AlertBench.Stored> articles = articles(config, scratch.resolve("articles"));
      List<org.dateline.enrich.Article> plain =
          articles.stream().map(AlertBench.Stored::article).toList();
      List<Run> runs = new ArrayList<>();
      header(out, articles.size(), batch, matchThreads);
      for (int n : alertCounts) {
        List<AlertSpec> specs = new SavedSearchGenerator(plain, 17).generate(n);
        AlertBench.Rate matcher =
            hookOnly
                ? null
                : AlertBench.matcher(specs, articles, config.limits(), batch, matchThreads);
        Path dir = Files.createDirectories(scratch.resolve("alerts-" + n));
        long t0 = System.nanoTime();
        AlertBench.Rate hook;
        long registerMs;
        try (Alerts alerts = Alerts.open(dir, config.limits())) {
          alerts.createAll("bench", specs);
          registerMs = (System.nanoTime() - t0) / 1_000_000;
          hook = AlertBench.hook(alerts, articles, batch, matchThreads);
        }
        long cpu1 = AlertBench.processCpuNanos();
        long t1 = System.nanoTime();
        long reopenMs;
        long reopenCpuMs;
        org.dateline.alert.OpenTimes reopen;
        try (Alerts again = Alerts.open(dir, config.limits())) {
          reopenMs = (System.nanoTime() - t1) / 1_000_000;
          reopenCpuMs = (AlertBench.processCpuNanos() - cpu1) / 1_000_000;
          reopen = again.opened();
          if (again.size() != n) {
            throw new IllegalStateException("reopened " + again.size() + " of " + n + " alerts");
          }
        }
        // as after an upgrade: the code that parsed the searches is not known, all are parsed
        org.dateline.alert.OpenTimes upgrade = null;
        long upgradeMs = -1;
        if (!hookOnly) {
          AlertBench.forgetParsingCode(dir);
          long t2 = System.nanoTime();
          try (Alerts again = Alerts.open(dir, config.limits())) {
            upgrade = again.opened();
          }
          upgradeMs = (System.nanoTime() - t2) / 1_000_000;
        }
        Run run =
            new Run(
                n, registerMs, matcher, hook, reopenMs, reopenCpuMs, reopen, upgradeMs, upgrade);
        runs.add(run);
        row(out, run); // each row as soon as it is measured: a long run shows its progress
      }
      AlertDropBench.Latency latency =
          drops > 0
              ? AlertDropBench.run(
                  scratch.resolve("drop-bench"),
                  new SavedSearchGenerator(plain, 17).generate(10_000),
                  drops,
                  dropMs,
                  config.limits())
              : null;
      Figures f = new Figures(runs, latency, BenchFiles.loadAverage());
      drops(out, f);
      jsonOut.write(f);
    } finally {
      BenchFiles.deleteTree(scratch);
    }
    return 0;
  }

  /** The first {@link #files} Reuters files, indexed (stories on, entities off) and read back. */
  private List<AlertBench.Stored> articles(Config config, Path dir) throws Exception {
    List<Path> sgm;
    try (Stream<Path> s = Files.list(reuters)) {
      sgm = s.filter(p -> p.toString().endsWith(".sgm")).sorted().limit(files).toList();
    }
    if (sgm.isEmpty()) {
      throw new IllegalArgumentException("no .sgm files in " + reuters);
    }
    try (ArticleIndex index = ArticleIndex.open(dir)) {
      Indexer.standard(config.withIndexDir(dir), index, IngestProgress.NONE).run(sgm, false);
    }
    return AlertBench.read(dir);
  }

  private static void header(PrintWriter out, int articles, int batch, int threads) {
    out.printf(
        "Alerts against %,d Reuters articles, %d at a time, %d thread(s) (load average now %.2f)%n"
            + "| alerts | register ms | monitor articles/s | monitor p50 ms | monitor p99 ms |"
            + " monitor CPU ms/article | candidates/article | matches | hook articles/s |"
            + " hook p99 ms | hook CPU ms/article | reopen ms | reopen CPU ms (all threads) |%n"
            + "|---|---|---|---|---|---|---|---|---|---|---|---|---|%n",
        articles, batch, threads, BenchFiles.loadAverage());
    out.flush();
  }

  private static void row(PrintWriter out, Run r) {
    AlertBench.Rate none = new AlertBench.Rate(r.alerts(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    AlertBench.Rate m = r.matcher() == null ? none : r.matcher();
    out.printf(
        "| %,d | %,d | %,.0f | %.2f | %.2f | %.2f | %.0f | %,d | %,.0f | %.2f | %.2f | %,d | %,d |%n",
        r.alerts(),
        r.registerMs(),
        m.articlesPerSecond(),
        m.p50Ms(),
        m.p99Ms(),
        m.cpuMsPerArticle(),
        m.queriesPerArticle(),
        m.matches(),
        r.hook().articlesPerSecond(),
        r.hook().p99Ms(),
        r.hook().cpuMsPerArticle(),
        r.reopenMs(),
        r.reopenCpuMs());
    out.printf(
        "  hook CPU of the whole JVM (every thread, the collector's too): %.2f ms/article; the"
            + " hook's threads blocked on a monitor %.2f, waiting %.2f ms/article (summed over"
            + " them); %d collections, %,d ms; the hook's threads allocated %,.0f kB/article%n",
        r.hook().processCpuMsPerArticle(),
        r.hook().blockedMsPerArticle(),
        r.hook().waitedMsPerArticle(),
        r.hook().collections(),
        r.hook().collectionMs(),
        r.hook().allocatedKbPerArticle());
    if (r.matcher() != null) {
      out.printf(
          "  monitor alone: CPU of the whole JVM %.2f ms/article; threads blocked %.2f, waiting"
              + " %.2f ms/article; %d collections, %,d ms%n",
          m.processCpuMsPerArticle(),
          m.blockedMsPerArticle(),
          m.waitedMsPerArticle(),
          m.collections(),
          m.collectionMs());
    }
    out.printf(
        "  restart: %s%n  restart after an upgrade (%,d ms): %s%n",
        r.reopen(), r.upgradeMs(), r.upgrade());
    out.flush();
  }

  private static void drops(PrintWriter out, Figures f) {
    if (f.drops() != null) {
      AlertDropBench.Latency d = f.drops();
      out.printf(
          "%nDrop into serve --watch -> webhook received (10,000 alerts, entities off): %d files"
              + " (%d received), p50 %d ms, p95 %d ms, p99 %d ms, max %d ms; without the first"
              + " %d: p99 %d ms; the first file after the start, awaited before these: %d ms"
              + " (load average %.2f)%n",
          d.files(),
          d.received(),
          d.p50Ms(),
          d.p95Ms(),
          d.p99Ms(),
          d.maxMs(),
          d.warmup(),
          d.p99WarmMs(),
          d.firstFileMs(),
          f.loadAverage());
    }
    out.flush();
  }
}
