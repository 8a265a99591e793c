package org.dateline.bench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.dateline.bench.DateOrderedCopy;
import org.dateline.bench.Schema12Copy;
import org.dateline.bench.StoryLookupBench;
import org.dateline.cli.CommonOptions;
import org.dateline.cli.JsonOutOption;
import org.dateline.pipeline.StoryAssigner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dateline bench story-lookup}: p50/p99 of ingest's story lookup on an index of any size
 * (issue 16, evaluation 5: at most 1 ms at 1 M articles).
 */
@Command(
    name = "story-lookup",
    mixinStandardHelpOptions = true,
    description =
        "Time the story lookup ingest makes for each new article (candidate query, then"
            + " verification) on an existing index.")
final class BenchStoryLookupCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Option(
      names = "--samples",
      defaultValue = "2000",
      description = "Timed lookups (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(
      names = "--warmup",
      defaultValue = "200",
      description = "Untimed lookups first (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(
      names = "--seed",
      defaultValue = "16",
      description = "Seed drawing the articles (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--date-ordered-copy",
      paramLabel = "DIR",
      description =
          "First copy --index into DIR (unless DIR holds an index already) with its articles in"
              + " --parts segments of consecutive dates, as an archive ingested in publication"
              + " order has them, then time the lookups there.")
  Path dateOrdered;

  @Option(
      names = "--parts",
      defaultValue = "12",
      description = "Segments of the date-ordered copy (default: ${DEFAULT-VALUE}).")
  int parts;

  @Option(
      names = "--schema12-copy",
      paramLabel = "DIR",
      description =
          "First copy --index (or the date-ordered copy) into DIR (unless DIR holds an index"
              + " already) with its story fields as schema 12 writes them and --undated-share of"
              + " its articles made undated (dates dropped; only their MinHash terms kept), then"
              + " time the lookups there.")
  Path schema12;

  @Option(
      names = "--undated-share",
      defaultValue = "0",
      description =
          "Share of articles the schema 12 copy makes undated (default: ${DEFAULT-VALUE}).")
  double undatedShare;

  @Option(
      names = "--recall-samples",
      defaultValue = "2147483647",
      description =
          "Brute force (untimed recall) for the first N timed lookups only (default: all); on a"
              + " schema 12 index it compares every article: about a second a lookup at 1 M.")
  int recallSamples;

  @Mixin JsonOutOption jsonOut;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Path index = common.toConfig().indexDir();
    PrintWriter out = spec.commandLine().getOut();
    if (dateOrdered != null) {
      if (!DirectoryReader.indexExists(FSDirectory.open(dateOrdered))) {
        long t0 = System.nanoTime();
        DateOrderedCopy.write(index, dateOrdered, parts);
        out.printf(
            "Copied %s into %s in %d date-ordered segments (%.1f s).%n",
            index, dateOrdered, parts, (System.nanoTime() - t0) / 1e9);
      }
      index = dateOrdered;
    }
    if (schema12 != null) {
      if (!DirectoryReader.indexExists(FSDirectory.open(schema12))) {
        long t0 = System.nanoTime();
        Schema12Copy.write(index, schema12, undatedShare, seed);
        out.printf(
            "Copied %s into %s as schema 12 writes it, %.0f %% made undated (%.1f s).%n",
            index, schema12, undatedShare * 100, (System.nanoTime() - t0) / 1e9);
      }
      index = schema12;
    }
    StoryLookupBench.Result r = StoryLookupBench.run(index, samples, warmup, seed, recallSamples);
    out.printf(
        "| index articles | lookups | candidate query p50 / p99 us | whole lookup p50 / p99 / max"
            + " us | query CPU p50 / p99 us | whole lookup CPU p50 / p99 us | candidates per lookup | lookups finding a copy |"
            + " undated lookups | load avg |%n"
            + "|---|---|---|---|---|---|---|---|---|---|%n");
    out.printf(
        "| %,d | %,d | %.0f / %.0f | %.0f / %.0f / %.0f | %.0f / %.0f | %.0f / %.0f | %.1f | %,d | %,d | %.2f |%n",
        r.indexArticles(),
        r.samples(),
        r.queryP50Us(),
        r.queryP99Us(),
        r.lookupP50Us(),
        r.lookupP99Us(),
        r.lookupMaxUs(),
        r.queryCpuP50Us(),
        r.queryCpuP99Us(),
        r.lookupCpuP50Us(),
        r.lookupCpuP99Us(),
        r.meanCandidates(),
        r.samplesWithCopies(),
        r.undatedSamples(),
        r.loadAverage());
    StoryLookupBench.ByTerms t = r.byTerms();
    out.printf(
        "The same query asked of the MinHash terms in every segment the window meets (before"
            + " schema 11), interleaved: p50 / p99 %.0f / %.0f us, CPU %.0f / %.0f us; tops"
            + " differing from the lookup's: %,d of %,d (articles written since schema 12 have no"
            + " terms: there every top with one differs).%n",
        t.queryP50Us(),
        t.queryP99Us(),
        t.queryCpuP50Us(),
        t.queryCpuP99Us(),
        t.differingTops(),
        r.samples());
    StoryLookupBench.Candidates c = r.candidates();
    out.printf(
        "Without the window in the query (untimed; how the lookup read before session 11): %.1f"
            + " articles match the MinHash clauses, %.1f read (top %d), %.1f"
            + " of them within the %d-day window; %,d of %,d lookups matched more than the top"
            + " holds; %.2f of all matches within the window, and in %,d lookups one within it was"
            + " beyond the top.%n",
        c.meanMatching(),
        c.meanRead(),
        StoryLookupBench.CANDIDATES,
        c.meanReadInWindow(),
        StoryAssigner.WINDOW.toDays(),
        c.lookupsOverTop(),
        Math.min(recallSamples, r.samples()),
        c.meanAllInWindow(),
        c.lookupsMissingInWindow());
    StoryLookupBench.Recall w = c.windowed();
    out.printf(
        "The lookup's own query against brute force (every MinHash match within the window):"
            + " %,d of %,d found (recall %.4f; the top holds %d), %,d outside the window returned,"
            + " %,d lookups missing one.%n",
        w.found(),
        w.inWindow(),
        w.recall(),
        StoryLookupBench.CANDIDATES,
        w.extra(),
        w.lookupsMissing());
    out.flush();
    jsonOut.write(r);
    return 0;
  }
}
