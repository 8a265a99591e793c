package org.dateline.bench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dateline.bench.NerBench;
import org.dateline.bench.NerCorpora;
import org.dateline.enrich.entities.EntityType;
import org.dateline.enrich.entities.NerExtractor;
import org.dateline.server.ApiServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dateline bench ner}: CoNLL-2003 and GUM scores of the recogniser, and its tokens/s. */
@Command(
    name = "ner",
    mixinStandardHelpOptions = true,
    description =
        "Score the entity recogniser on CoNLL-2003 eng.testa and GUM Wikinews (exact span"
            + " and type) and measure its throughput.")
final class NerBenchCommand implements Callable<Integer> {

  @Option(
      names = "--corpus",
      paramLabel = "DIR",
      defaultValue = "../shared/corpus",
      description =
          "Folder holding conll2003-ner/ and gum-wikinews-ner/ (default: ${DEFAULT-VALUE}).")
  Path corpus;

  @Option(
      names = "--threads",
      defaultValue = "2",
      description = "Threads for the throughput run (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = "--passes",
      defaultValue = "3",
      description = "Timed throughput passes (default: ${DEFAULT-VALUE}).")
  int passes;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
  Path json;

  @Spec CommandSpec spec;

  record Report(List<NerBench.Result> scores, NerBench.Throughput throughput) {}

  @Override
  public Integer call() throws Exception {
    Path conllFile = corpus.resolve("conll2003-ner/eng.testa");
    Path gumDir = corpus.resolve("gum-wikinews-ner/dep");
    if (!Files.isRegularFile(conllFile)) {
      throw new IllegalArgumentException("no " + conllFile + "; pass --corpus DIR");
    }
    PrintWriter out = spec.commandLine().getOut();
    NerExtractor ner = NerExtractor.shared();
    List<NerCorpora.Story> conll = NerCorpora.conll(conllFile);
    List<NerBench.Result> scores = new java.util.ArrayList<>();
    scores.add(NerBench.score("CoNLL-2003 eng.testa, model only", conll, ner.withoutPropagation()));
    scores.add(NerBench.score("CoNLL-2003 eng.testa, with story propagation", conll, ner));
    scores.add(
        NerBench.score(
            "CoNLL-2003 eng.testa wrapped at 70 columns, with story" + " propagation",
            NerCorpora.wrapped(conll, 70),
            ner));
    if (Files.isDirectory(gumDir)) {
      List<NerCorpora.Story> gum = NerCorpora.gum(gumDir);
      scores.add(NerBench.score("GUM Wikinews, model only", gum, ner.withoutPropagation()));
      scores.add(NerBench.score("GUM Wikinews, with story propagation", gum, ner));
    }
    out.println("| corpus | stories | tokens | type | precision | recall | F1 | tp | fp | fn |");
    out.println("|---|---|---|---|---|---|---|---|---|---|");
    for (NerBench.Result r : scores) {
      for (Map.Entry<EntityType, NerBench.Score> e : r.byType().entrySet()) {
        row(out, r, e.getKey().jsonName(), e.getValue());
      }
      row(out, r, "**micro**", r.micro());
      row(out, r, "spans, any type", r.spans());
    }
    NerBench.throughput(conll.subList(0, Math.min(20, conll.size())), ner, threads, 1); // warm-up
    NerBench.Throughput t = NerBench.throughput(conll, ner, threads, passes);
    out.printf(
        "%nthroughput on eng.testa (%d tokens, %d threads, with propagation): median %.0f"
            + " tokens/s over %d passes %s; %.0f tokens per CPU-second (load average %.1f)%n",
        t.tokensPerPass(),
        t.threads(),
        t.median(),
        passes,
        t.tokensPerSecond().stream()
            .map(d -> String.format(java.util.Locale.ROOT, "%.0f", d))
            .toList(),
        t.tokensPerCpuSecond(),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    if (json != null) {
      Files.writeString(
          json,
          ApiServer.jsonMapper()
              .writerWithDefaultPrettyPrinter()
              .writeValueAsString(new Report(scores, t)));
    }
    out.flush();
    return 0;
  }

  private static void row(PrintWriter out, NerBench.Result r, String type, NerBench.Score s) {
    out.printf(
        java.util.Locale.ROOT,
        "| %s | %d | %d | %s | %.4f | %.4f | %.4f | %d | %d | %d |%n",
        r.corpus(),
        r.stories(),
        r.tokens(),
        type,
        s.precision(),
        s.recall(),
        s.f1(),
        s.truePositives(),
        s.falsePositives(),
        s.falseNegatives());
  }
}
