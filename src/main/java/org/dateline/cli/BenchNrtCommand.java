package org.dateline.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.dateline.bench.BenchFiles;
import org.dateline.bench.CorpusStories;
import org.dateline.bench.HttpBench;
import org.dateline.bench.NrtBench;
import org.dateline.bench.SyntheticArchive;
import org.dateline.index.ArticleIndex;
import org.dateline.search.SearchService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dateline bench nrt}: how soon a new article is searchable while ingesting and serving. */
@Command(name = "nrt", mixinStandardHelpOptions = true,
    description = "Near-real-time visibility of new articles under ingest and query load"
        + " (works on a scratch copy of --index).")
final class BenchNrtCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Option(names = "--rate", defaultValue = "100", description = "Articles added per second (default: ${DEFAULT-VALUE}).")
  int rate;

  @Option(names = "--qps", defaultValue = "50", description = "Searches per second (default: ${DEFAULT-VALUE}).")
  int qps;

  @Option(names = "--seconds", defaultValue = "30", description = "Duration (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Option(names = "--corpus", defaultValue = "../shared/corpus", description = "Corpus folder (default: ${DEFAULT-VALUE}).")
  Path corpus;

  @Option(names = "--queries", defaultValue = "bench/http-queries.txt", description = "Queries (default: ${DEFAULT-VALUE}).")
  Path queries;

  @Mixin JsonOutOption jsonOut;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Path scratch = Files.createTempDirectory("dateline-bench-nrt");
    List<String> mix = HttpBench.readMix(queries).stream()
        .map(r -> r.label().split(" \\| ")[0]).toList();
    SyntheticArchive archive = new SyntheticArchive(
        CorpusStories.reuters(corpus.resolve("reuters21578/sgm")),
        CorpusStories.bbc(corpus.resolve("bbc-news")), 4242);
    NrtBench.Result r;
    try {
      BenchFiles.copyIndex(common.toConfig().indexDir(), scratch);
      try (ArticleIndex index = ArticleIndex.open(scratch);
          SearchService search = SearchService.nearRealTime(index.writer(), common.toConfig().limits())) {
        r = NrtBench.run(index, search, archive, 50_000_000L, rate, qps, seconds, mix);
      }
    } finally {
      BenchFiles.deleteTree(scratch);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("| articles/s (target) | QPS (target) | added | seen | visible p50 ms | p95 ms"
        + " | p99 ms | max ms | query p50 ms | query p99 ms | load avg |%n"
        + "|---|---|---|---|---|---|---|---|---|---|---|%n");
    out.printf("| %.0f (%d) | %.0f (%d) | %d | %d | %.0f | %.0f | %.0f | %.0f | %.1f | %.1f | %.2f |%n",
        r.articlesPerSecond(), r.targetArticlesPerSecond(), r.qps(), r.targetQps(),
        r.articlesAdded(), r.articlesSeen(), r.visibleP50Ms(), r.visibleP95Ms(), r.visibleP99Ms(),
        r.visibleMaxMs(), r.queryP50Ms(), r.queryP99Ms(), r.loadAverage());
    out.flush();
    jsonOut.write(r);
    return 0;
  }
}
