package org.dateline.bench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.dateline.bench.AlertBench;
import org.dateline.bench.BenchFiles;
import org.dateline.bench.CorpusStories;
import org.dateline.bench.LabelledPairs;
import org.dateline.bench.StoryBench;
import org.dateline.bench.StoryCost;
import org.dateline.bench.StoryPairs;
import org.dateline.bench.SyntheticScore;
import org.dateline.bench.SyntheticStories;
import org.dateline.cli.CommonOptions;
import org.dateline.cli.JsonOutOption;
import org.dateline.config.Config;
import org.dateline.index.ArticleIndex;
import org.dateline.pipeline.Indexer;
import org.dateline.pipeline.IngestProgress;
import org.dateline.pipeline.IngestReport;
import org.dateline.pipeline.StoryRebuild;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dateline bench stories}: Reuters-21578 ingested without and with story matching (the
 * cost), its stories judged against brute force (the accuracy), the bytes of the story fields, and
 * two sets that must hold no story of two articles (the seeds, html-news-articlebench).
 */
@Command(
    name = "stories",
    mixinStandardHelpOptions = true,
    description =
        "Accuracy and cost of story clustering (issue 16) on Reuters-21578 and negatives.")
final class BenchStoriesCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Option(
      names = "--reuters",
      description = "Reuters-21578 SGML folder (default: ${DEFAULT-VALUE}).",
      defaultValue = "../shared/corpus/reuters21578/sgm")
  Path reuters;

  @Option(
      names = "--seeds",
      description = "The seed articles (default: ${DEFAULT-VALUE}).",
      defaultValue = "seeds")
  Path seeds;

  @Option(
      names = "--articlebench",
      description = "html-news-articlebench pages (default: ${DEFAULT-VALUE}).",
      defaultValue = "../shared/corpus/html-news-articlebench/html")
  Path articlebench;

  @Option(
      names = "--synthetic",
      description =
          "Only evaluation 4: a multi-outlet set made from Reuters and BBC texts"
              + " (--synthetic-stories stories x 5 copies), ingested and scored.")
  boolean synthetic;

  @Option(
      names = "--synthetic-stories",
      description = "Stories in the synthetic set (default: ${DEFAULT-VALUE}).",
      defaultValue = "300")
  int syntheticStories;

  @Option(
      names = "--synthetic-set-out",
      description =
          "With --synthetic: also write the set (texts and sidecars) to this folder, to read.")
  Path syntheticSetOut;

  @Option(
      names = "--bbc",
      description = "BBC News texts (default: ${DEFAULT-VALUE}).",
      defaultValue = "../shared/corpus/bbc-news")
  Path bbc;

  @Option(
      names = "--pairs-out",
      description =
          "Evaluation 2: also write 40 same-story Reuters pairs of each similarity band to this"
              + " file, to be labelled by reading (label column: copy or not).")
  Path pairsOut;

  @Option(
      names = "--labels",
      description = "Evaluation 2: only the precision of a labelled pairs file (no ingest).")
  Path labels;

  @Option(
      names = "--rejudge",
      description =
          "With --labels: ingest Reuters-21578 with today's story rules and judge the labelled"
              + " pairs against its stories (precision of the pairs still joined, copies kept).")
  boolean rejudge;

  @Option(
      names = "--cost",
      description =
          "Only evaluation 5's ingest cost: whole runs (the files, the entity pass, the merge) of"
              + " --reuters with stories off and on, interleaved in one JVM (the order alternating"
              + " each round), with entities off and on as --cost-entities says; no accuracy.")
  boolean cost;

  @Option(
      names = "--rounds",
      description =
          "With --cost: rounds of (stories off, on) per entities setting (default: ${DEFAULT-VALUE}).",
      defaultValue = "3")
  int rounds;

  @Option(
      names = "--warmups",
      description =
          "With --cost: whole runs not counted before each entities setting's rounds (default:"
              + " ${DEFAULT-VALUE}; with one, a run's CPU still fell by half over the next rounds).",
      defaultValue = "3")
  int warmups;

  @Option(
      names = "--cost-entities",
      description = "With --cost: entities off, on or both (default: ${DEFAULT-VALUE}).",
      defaultValue = "both")
  String costEntities;

  @Option(
      names = "--fingerprint-cost",
      description =
          "Only the CPU of the fingerprint ingest makes for each Reuters article (one thread,"
              + " 5 passes not counted, then --rounds passes): per article, each pass and the"
              + " median.")
  boolean fingerprintCost;

  @Mixin JsonOutOption jsonOut;

  @Spec CommandSpec spec;

  /** One ingest of Reuters: articles, wall time, articles/s, index bytes. */
  /**
   * One ingest of a corpus: wall time, and CPU time (the whole process, and the {@code index}
   * stage's thread time, which holds the story lookup), comparable on a busy machine.
   */
  record Ingest(
      boolean stories,
      long articles,
      long elapsedMs,
      double articlesPerSecond,
      long indexBytes,
      long processCpuMs,
      long indexStageMs) {}

  record Negative(String set, long articles, long storiesOfTwoOrMore) {}

  record Figures(
      Ingest without,
      Ingest with,
      StoryBench.Accuracy reuters,
      long storyFieldBytes,
      double storyFieldBytesPerArticle,
      List<Negative> negatives,
      int threads,
      double loadAverage) {}

  @Override
  public Integer call() throws Exception {
    Config config = common.toConfig().withEntities(false);
    PrintWriter out = spec.commandLine().getOut();
    if (labels != null && rejudge) {
      return rejudge(config, out);
    }
    if (labels != null) {
      List<StoryPairs.Precision> precision = StoryPairs.precision(labels);
      out.printf("| band | labelled pairs | copies | precision |%n|---|---|---|---|%n");
      for (StoryPairs.Precision p : precision) {
        out.printf("| %s | %d | %d | %.4f |%n", p.band(), p.pairs(), p.copies(), p.precision());
      }
      out.flush();
      jsonOut.write(precision);
      return 0;
    }
    if (fingerprintCost) {
      double[] ns = StoryCost.fingerprintNanos(reuters, 5, rounds);
      double[] sorted = ns.clone();
      java.util.Arrays.sort(sorted);
      out.printf(
          "Fingerprint CPU per Reuters article (us), %d passes: median %.2f, min %.2f, max %.2f;"
              + " load %.1f%n",
          ns.length,
          sorted[sorted.length / 2] / 1000,
          sorted[0] / 1000,
          sorted[sorted.length - 1] / 1000,
          BenchFiles.loadAverage());
      out.flush();
      jsonOut.write(ns);
      return 0;
    }
    if (cost) {
      List<StoryCost.Run> runs =
          StoryCost.interleaved(common.toConfig(), reuters, warmups, rounds, costEntities);
      StoryCost.print(out, runs);
      jsonOut.write(runs);
      return 0;
    }
    if (synthetic) {
      // One folder name every run: an article's id is a hash of its path, and ids break ties
      // (publication order, equally good copies), so a random folder made other stories each run.
      Path scratch = Path.of(System.getProperty("java.io.tmpdir"), "dateline-bench-stories-synth");
      BenchFiles.deleteTree(scratch);
      Files.createDirectories(scratch);
      try {
        SyntheticScore.Score score = synthetic(config, scratch);
        printSynthetic(out, score);
        jsonOut.write(score);
      } finally {
        BenchFiles.deleteTree(scratch);
      }
      return 0;
    }
    Path scratch = Files.createTempDirectory("dateline-bench-stories");
    try {
      Ingest without = ingest(config, scratch.resolve("without"), reuters, false);
      Ingest with = ingest(config, scratch.resolve("with"), reuters, true);
      long moved = recluster(scratch.resolve("with"));
      if (pairsOut != null) {
        StoryPairs.write(StoryPairs.sample(scratch.resolve("with"), 40, 16L), pairsOut);
      }
      List<StoryBench.Stored> stored = StoryBench.read(scratch.resolve("with"));
      StoryBench.Accuracy acc = StoryBench.accuracy(stored);
      long fieldBytes = StoryBench.storyFieldBytes(stored, scratch.resolve("fields"));
      List<Negative> negatives =
          List.of(
              negative(config, scratch, "seeds", seeds),
              negative(config, scratch, "html-news-articlebench", articlebench));
      Figures f =
          new Figures(
              without,
              with,
              acc,
              fieldBytes,
              (double) fieldBytes / stored.size(),
              negatives,
              config.ingestThreads(),
              BenchFiles.loadAverage());
      print(out, f);
      printMoved(out, moved);
      jsonOut.write(f);
    } finally {
      BenchFiles.deleteTree(scratch);
    }
    return 0;
  }

  /** Evaluation 2 on today's rules: a fresh Reuters index, the labelled pairs judged on it. */
  private int rejudge(Config config, PrintWriter out) throws IOException {
    Path scratch = Files.createTempDirectory("dateline-bench-stories");
    try {
      ingest(config, scratch.resolve("with"), reuters, true);
      long moved = recluster(scratch.resolve("with"));
      // The accuracy rows of the full run without its cost rows (one ingest instead of two).
      if (pairsOut != null) {
        StoryPairs.write(StoryPairs.sample(scratch.resolve("with"), 40, 16L), pairsOut);
      }
      StoryBench.Accuracy acc = StoryBench.accuracy(StoryBench.read(scratch.resolve("with")));
      printAccuracy(out, acc);
      printMoved(out, moved);
      for (Negative n :
          List.of(
              negative(config, scratch, "seeds", seeds),
              negative(config, scratch, "html-news-articlebench", articlebench))) {
        out.printf(
            "Negative %s: %,d articles, %,d stories of 2+%n",
            n.set(), n.articles(), n.storiesOfTwoOrMore());
      }
      LabelledPairs.Result r = LabelledPairs.judge(labels, scratch.resolve("with"));
      out.printf(
          "| band (drawn in) | labelled | still joined | copies among them | precision |"
              + " labelled copies | copies kept |%n|---|---|---|---|---|---|---|%n");
      for (LabelledPairs.Judged j : r.bands()) {
        out.printf(
            "| %s | %d | %d | %d | %.4f | %d | %.4f |%n",
            j.band(),
            j.labelled(),
            j.joined(),
            j.copiesJoined(),
            j.precision(),
            j.copies(),
            j.copiesKept());
      }
      out.printf(
          "Same-story pairs in the fresh index: %,d, of which labelled: %,d%n",
          r.sameStoryPairs(), r.labelledSameStoryPairs());
      out.printf("Labelled not, still joined: %s%n", String.join(", ", r.notPairsJoined()));
      out.printf("Labelled copies, no longer joined: %s%n", String.join(", ", r.copiesLost()));
      out.flush();
      jsonOut.write(r);
    } finally {
      BenchFiles.deleteTree(scratch);
    }
    return 0;
  }

  private static Ingest ingest(Config config, Path dir, Path source, boolean stories)
      throws IOException {
    IngestReport r;
    long cpu0 = AlertBench.processCpuNanos();
    try (ArticleIndex index = ArticleIndex.open(dir)) {
      r =
          Indexer.standard(config.withIndexDir(dir), index, IngestProgress.NONE, stories)
              .run(List.of(source), false);
    }
    long cpuMs = (AlertBench.processCpuNanos() - cpu0) / 1_000_000;
    return new Ingest(
        stories,
        r.articlesWritten(),
        r.elapsedMs(),
        r.articlesPerSecond(),
        BenchFiles.sizeOf(dir),
        cpuMs,
        r.stages().indexMs());
  }

  /**
   * Makes the stories of the index in {@code dir} again in publication order ({@link StoryRebuild},
   * what {@code dateline stories --recluster} does) and says how many articles moved. Ingest
   * threads decide each file's stories in the order they finish parsing, which differs run to run:
   * an article joins its best copy among those decided before it, so two runs make other founders
   * and, with no chaining, other stories (a pair or two of Reuters-21578). The rebuild's order
   * depends on the articles alone, so the stories judged are the same every run.
   */
  private static long recluster(Path dir) throws IOException {
    try (ArticleIndex index = ArticleIndex.open(dir)) {
      return StoryRebuild.run(index).changed();
    }
  }

  private static Negative negative(Config config, Path scratch, String name, Path source)
      throws IOException {
    Path dir = scratch.resolve(name);
    ingest(config, dir, source, true);
    recluster(dir);
    List<StoryBench.Stored> stored = StoryBench.read(dir);
    return new Negative(name, stored.size(), StoryBench.storiesOfTwoOrMore(stored));
  }

  private static void print(PrintWriter out, Figures f) {
    printAccuracy(out, f.reuters());
    printCost(out, f);
  }

  private static void printAccuracy(PrintWriter out, StoryBench.Accuracy a) {
    out.printf(
        "Reuters-21578 against brute force (%,d articles, %,d stories, %,d of 2+)%n",
        a.articles(), a.stories(), a.storiesOfTwoOrMore());
    out.printf(
        "| truth pairs | found | recall | joins | justified | precision | short joins |"
            + " joins 72h-7d | chained pairs |%n|---|---|---|---|---|---|---|---|---|%n");
    out.printf(
        "| %,d | %,d | %.4f | %,d | %,d | %.4f | %,d | %,d | %,d |%n",
        a.truthPairs(),
        a.found(),
        a.recall(),
        a.joined(),
        a.justified(),
        a.precision(),
        a.shortJoined(),
        a.beyondTruthWindow(),
        a.chainedPairs());
    out.printf(
        "The truth a join on coverage >= 0.7 would make: %,d pairs, %,d found, recall %.4f%n",
        a.coverageTruthPairs(), a.coverageFound(), a.coverageRecall());
    out.printf("Truth pairs not found: %s%n", String.join(", ", a.missed()));
    out.printf("Joins not justified: %s%n", String.join(", ", a.unjustified()));
    out.flush();
  }

  private static void printMoved(PrintWriter out, long moved) {
    out.printf(
        "Stories judged after the rebuild in publication order; ingest's own (threads, order of"
            + " arrival, varies run to run) differed for %,d articles%n",
        moved);
    out.flush();
  }

  private static void printCost(PrintWriter out, Figures f) {
    out.printf(
        "%nNegatives (stories of two or more articles must be 0)%n| set | articles |"
            + " stories of 2+ |%n|---|---|---|%n");
    for (Negative n : f.negatives()) {
      out.printf("| %s | %,d | %,d |%n", n.set(), n.articles(), n.storiesOfTwoOrMore());
    }
    out.printf(
        "%nIngest cost (entities off, %d threads, load average %.2f; shared machine)%n"
            + "| stories | articles | wall s | articles/s | index MB | process CPU s | index stage"
            + " thread-s |%n|---|---|---|---|---|---|---|%n",
        f.threads(), f.loadAverage());
    for (Ingest i : List.of(f.without(), f.with())) {
      out.printf(
          "| %s | %,d | %.1f | %,.0f | %.1f | %.1f | %.1f |%n",
          i.stories() ? "on" : "off",
          i.articles(),
          i.elapsedMs() / 1000.0,
          i.articlesPerSecond(),
          i.indexBytes() / 1e6,
          i.processCpuMs() / 1000.0,
          i.indexStageMs() / 1000.0);
    }
    out.printf(
        "%nStory fields alone (story id, MinHash values (and, before schema 12, terms), short-text hash), one segment:"
            + " %,d bytes, %.0f bytes per article%n",
        f.storyFieldBytes(), f.storyFieldBytesPerArticle());
    out.flush();
  }

  /** Evaluation 4: writes the set, ingests it with stories on, scores the stories. */
  private SyntheticScore.Score synthetic(Config config, Path scratch) throws IOException {
    List<SyntheticStories.Copy> copies =
        SyntheticStories.write(
            CorpusStories.reuters(reuters),
            CorpusStories.bbc(bbc),
            syntheticStories,
            16L,
            scratch.resolve("set"));
    Path dir = scratch.resolve("synthetic");
    if (syntheticSetOut != null) {
      SyntheticStories.write(
          CorpusStories.reuters(reuters),
          CorpusStories.bbc(bbc),
          syntheticStories,
          16L,
          syntheticSetOut);
    }
    ingest(config, dir, scratch.resolve("set"), true);
    recluster(dir);
    return SyntheticScore.score(copies, scratch.resolve("set"), dir);
  }

  private static void printSynthetic(PrintWriter out, SyntheticScore.Score s) {
    out.printf(
        "Synthetic multi-outlet set: %,d sources x %d copies = %,d copies in %,d stories%n",
        s.sources(), SyntheticStories.COPIES, s.copies(), s.stories());
    out.printf(
        "| texts | outlet copy keeps | pairs | found | pair recall |%n|---|---|---|---|---|%n");
    for (SyntheticScore.Band b : s.bands()) {
      out.printf(
          "| %s | %.0f-%.0f %% | %,d | %,d | %.4f |%n",
          b.corpus(),
          b.from() * 100,
          Math.min(100, b.to() * 100),
          b.pairs(),
          b.found(),
          b.recall());
    }
    out.printf(
        "B-cubed precision %.4f, recall %.4f, F1 %.4f; stories mixing two sources: %,d (of"
            + " which the sources' own texts are copies: %,d); wire copy first in its story: %,d"
            + " of %,d%nMissed (wire, outlet) pairs: %,d joinable by the rule but not found, %,d below"
            + " the rule (the texts differ more than it allows; of these, %,d by overlap alone but\n"
            + "differing mainly in their numbers)%n",
        s.bcubedPrecision(),
        s.bcubedRecall(),
        s.bcubedF1(),
        s.mixedStories(),
        s.mixedOfCopiedSources(),
        s.wireFirst(),
        s.sources(),
        s.missedJoinable(),
        s.missedBelowJoinRule(),
        s.missedAsTemplate());
    out.flush();
  }
}
