package org.dateline.bench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dateline.bench.DatelineRanking;
import org.dateline.bench.DatelineRanking.Setting;
import org.dateline.bench.RelevanceBench;
import org.dateline.bench.ReutersTopics;
import org.dateline.bench.SolrRanking;
import org.dateline.cli.JsonOutOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dateline bench relevance}: P@10 and recall@100 of judged Reuters queries on an index of
 * Reuters-21578, for Dateline's defaults, each ranking change apart, and optionally the Solr peer.
 */
@Command(
    name = "relevance",
    mixinStandardHelpOptions = true,
    description = {
      "Relevance on Reuters-21578 with its topic labels as judgements: P@10 and recall in the"
          + " top 100 (of at most 100 relevant), Dateline's defaults and each ranking change"
          + " apart; with --solr, the Solr peer beside them.",
      "Index first: dateline index ../shared/corpus/reuters21578/sgm --index DIR"
    })
final class BenchRelevanceCommand implements Callable<Integer> {

  @Option(names = "--index", required = true, description = "An index of Reuters-21578.")
  Path index;

  @Option(
      names = "--sgm",
      defaultValue = "../shared/corpus/reuters21578/sgm",
      description = "The Reuters SGML folder, for the topic labels (default: ${DEFAULT-VALUE}).")
  Path sgm;

  @Option(
      names = "--queries",
      defaultValue = "bench/relevance-queries.tsv",
      description = "topic TAB query lines (default: ${DEFAULT-VALUE}).")
  Path queries;

  @Option(
      names = "--solr",
      description = "A Solr peer core to compare, e.g. http://127.0.0.1:8983/solr/news")
  String solr;

  @Option(names = "--defaults-only", description = "Only Dateline's defaults (and Solr).")
  boolean defaultsOnly;

  @Option(names = "--per-query", description = "Print each query's figures too.")
  boolean perQuery;

  @Mixin JsonOutOption jsonOut;

  @Spec CommandSpec spec;

  /** Each ranking change alone, against the defaults. */
  static List<Setting> settings(boolean defaultsOnly) {
    Setting d = Setting.defaults();
    List<Setting> all = new ArrayList<>(List.of(d));
    if (defaultsOnly) {
      return all;
    }
    float k = d.k1();
    float b = d.b();
    float t = d.titleBoost();
    all.add(new Setting("no inflections", false, false, k, b, t, 0, 0));
    all.add(new Setting("stop words dropped", true, true, k, b, t, 0, 0));
    all.add(new Setting("BM25 k1=1.2 b=0.75 (Lucene's)", true, false, 1.2f, 0.75f, t, 0, 0));
    all.add(new Setting("BM25 k1=0.9 b=0.4", true, false, 0.9f, 0.4f, t, 0, 0));
    all.add(new Setting("BM25 k1=1.2 b=0.5", true, false, 1.2f, 0.5f, t, 0, 0));
    all.add(new Setting("BM25 k1=0.6 b=0.3", true, false, 0.6f, 0.3f, t, 0, 0));
    all.add(new Setting("title boost 1", true, false, k, b, 1f, 0, 0));
    all.add(new Setting("title boost 1.5", true, false, k, b, 1.5f, 0, 0));
    all.add(new Setting("title boost 4", true, false, k, b, 4f, 0, 0));
    all.add(new Setting("proximity boost 1, slop 10", true, false, k, b, t, 1f, 10));
    all.add(new Setting("proximity boost 3, slop 5", true, false, k, b, t, 3f, 5));
    return all;
  }

  @Override
  public Integer call() throws Exception {
    ReutersTopics topics = ReutersTopics.read(sgm);
    List<ReutersTopics.Judged> judged = ReutersTopics.readQueries(queries);
    List<RelevanceBench.Scores> results = new ArrayList<>();
    for (Setting s : settings(defaultsOnly)) {
      try (DatelineRanking ranking = new DatelineRanking(index, s)) {
        results.add(RelevanceBench.score("Dateline, " + s.name(), ranking, judged, topics));
      }
    }
    if (solr != null) {
      results.add(RelevanceBench.score("Solr peer", new SolrRanking(solr), judged, topics));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "%d queries, %d topics%n",
        judged.size(), judged.stream().map(ReutersTopics.Judged::topic).distinct().count());
    out.printf("| ranking | P@10 | recall@100 |%n|---|---|---|%n");
    for (RelevanceBench.Scores r : results) {
      out.printf("| %s | %.3f | %.3f |%n", r.name(), r.precisionAt10(), r.recallAt100());
    }
    if (perQuery) {
      for (RelevanceBench.Scores r : results) {
        out.printf("%n%s%n", r.name());
        r.each()
            .forEach(
                q ->
                    out.printf("  %.1f %.2f  %-14s %s%n", q.p10(), q.r100(), q.topic(), q.query()));
      }
    }
    jsonOut.write(results);
    out.flush();
    return 0;
  }
}
