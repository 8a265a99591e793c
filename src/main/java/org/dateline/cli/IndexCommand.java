package org.dateline.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dateline.config.Config;
import org.dateline.ingest.FailureKind;
import org.dateline.ingest.IngestFailure;
import org.dateline.pipeline.EntityPass;
import org.dateline.pipeline.IndexRun;
import org.dateline.pipeline.IngestProgress;
import org.dateline.pipeline.IngestReport;
import org.dateline.pipeline.StageTimes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dateline index PATH...}: adds or updates the articles of files and folders. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = "Index files and folders (recursively). Unchanged files are skipped.")
final class IndexCommand implements Callable<Integer> {

  @Mixin IndexDirOption dir;
  @Mixin IngestOptions ingest;
  @Mixin SolrOptions solr;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to index.")
  List<Path> paths;

  @Option(
      names = "--prune",
      description = "Also remove articles of files under PATH that are gone.")
  boolean prune;

  @Option(
      names = "--rebuild",
      description =
          "Empty an index written by another Dateline version (one this version cannot read) and"
              + " read it again from the given folders; without it such an index is left as it is.")
  boolean rebuild;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Option(
      names = "--commit-every",
      paramLabel = "FILES",
      description =
          "Commit after this many files (and at least every 30 s); a crash loses at most"
              + " the files since the last commit (default: ${DEFAULT-VALUE}).",
      defaultValue = "" + Config.DEFAULT_COMMIT_EVERY_FILES)
  int commitEvery;

  @Option(
      names = "--full-entity-pass",
      description =
          "Resolve the entities of every article again, not only of the new ones"
              + " (as 'dateline entities apply' does).")
  boolean fullEntityPass;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (commitEvery < 1) {
      throw new IllegalArgumentException("--commit-every must be 1 or more, got " + commitEvery);
    }
    solr.check();
    Config config = ingest.applyTo(dir.toConfig()).withCommitEveryFiles(commitEvery);
    PrintWriter out = spec.commandLine().getOut();
    IngestReport report =
        run(
            config,
            paths,
            prune,
            quiet ? IngestProgress.NONE : new TerminalProgress(),
            out,
            fullEntityPass,
            rebuild);
    print(report, out);
    if (solr.enabled()) {
      pushToSolr(config, solr, out);
    }
    return 0;
  }

  /**
   * Brings the Solr collection of {@code solr} in line with the index: Dateline indexed, enriched
   * and grouped the articles; Solr stores and searches them. Only new and changed articles are sent
   * (the entity pass's rewrites among them); articles gone from the index (pruned files, articles
   * no longer in a changed file) are deleted from the collection.
   */
  static void pushToSolr(Config config, SolrOptions solr, PrintWriter out)
      throws java.io.IOException {
    long start = System.nanoTime();
    try (org.dateline.solr.SolrNodes nodes = solr.nodes()) {
      org.dateline.solr.SolrMirror mirror =
          new org.dateline.solr.SolrMirror(nodes, solr.collection);
      org.dateline.solr.SolrMirror.Sync sync = mirror.sync(config.indexDir());
      out.printf(
          "Pushed %d articles to the Solr collection %s and deleted %d (%d unchanged) in %.1f s.%n",
          sync.pushed(),
          solr.collection,
          sync.deleted(),
          sync.unchanged(),
          (System.nanoTime() - start) / 1e9);
    }
  }

  /**
   * Runs one indexing pass into {@code config.indexDir()} and says what the entity pass did on
   * {@code out}; shared with {@code serve}.
   */
  static IngestReport run(
      Config config, List<Path> paths, boolean prune, IngestProgress progress, PrintWriter out)
      throws java.io.IOException {
    return run(config, paths, prune, progress, out, false, false);
  }

  private static IngestReport run(
      Config config,
      List<Path> paths,
      boolean prune,
      IngestProgress progress,
      PrintWriter out,
      boolean fullEntityPass,
      boolean rebuild)
      throws java.io.IOException {
    IndexRun.Outcome outcome =
        IndexRun.run(config, paths, prune, progress, fullEntityPass, rebuild);
    if (outcome.outlets().rewritten() > 0) {
      out.printf(
          "Outlets named as the archive's own pages name them: %s (%d articles rewritten).%n",
          outcome.outlets().names(), outcome.outlets().rewritten());
    }
    if (outcome.entities() != null) {
      print(outcome.entities(), out);
    }
    return outcome.report();
  }

  static void print(EntityPass.Result pass, PrintWriter out) {
    if (pass.full()) {
      out.printf(
          "Entities resolved across %d articles in %.1f s (%d rewritten), %d entities.%n",
          pass.articles(), pass.elapsedMs() / 1000.0, pass.rewritten(), pass.entities());
    } else {
      out.printf(
          "Entities of %d new articles resolved against the catalog in %.1f s"
              + " (%d rewritten, %d of them earlier articles); %d articles, %d entities.%n",
          pass.resolved(),
          pass.elapsedMs() / 1000.0,
          pass.rewritten(),
          pass.rewrittenEarlier(),
          pass.articles(),
          pass.entities());
    }
  }

  /**
   * 1_100_000 → "1.1 MB", 24_300 → "24.3 kB": a seeds folder is not "0.0 MB", nor 3 kB/s "0.00
   * MB/s".
   */
  static String bytes(double n) {
    return n >= 1e6
        ? String.format(Locale.ROOT, "%.1f MB", n / 1e6)
        : String.format(Locale.ROOT, "%.1f kB", n / 1e3);
  }

  static void print(IngestReport r, PrintWriter out) {
    out.printf(
        "Indexed %d of %d files (%d unchanged, %d removed): %d articles in %.1f s"
            + " (%.1f files/s, %.1f articles/s)%n",
        r.filesIndexed(),
        r.filesSeen(),
        r.filesUnchanged(),
        r.filesRemoved(),
        r.articlesWritten(),
        r.elapsedMs() / 1000.0,
        r.filesPerSecond(),
        r.articlesPerSecond());
    out.printf(
        "%s of source files, %s/s. Time by stage (thread-seconds):",
        bytes(r.bytesIndexed()), bytes(r.megabytesPerSecond() * 1e6));
    long[] ms = r.stages().asArray();
    for (int i = 0; i < ms.length; i++) {
      out.printf(" %s %.1f", StageTimes.STAGES.get(i), ms[i] / 1000.0);
    }
    out.println();
    Map<FailureKind, Long> byKind = r.failuresByKind();
    if (byKind.isEmpty()) {
      out.println("No failures.");
    } else {
      out.printf("%d files could not be indexed:%n", r.failures().size());
      for (Map.Entry<FailureKind, Long> e : byKind.entrySet()) {
        out.printf("  %s: %d%n", e.getKey().label(), e.getValue());
        for (IngestFailure f : r.failures()) {
          if (f.kind() == e.getKey()) {
            out.printf("    %s  (%s)%n", f.path(), f.detail());
          }
        }
      }
    }
    out.flush();
  }
}
