package org.dateline.bench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dateline.bench.BenchFiles;
import org.dateline.bench.NerInput;
import org.dateline.enrich.entities.NerExtractor;
import org.dateline.enrich.entities.Recognition;
import org.dateline.server.ApiServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dateline bench ner-input}: the tokens the recogniser reads per article during ingest and
 * its CPU time per 1,000 articles; with {@code --compare}, CoreNLP's stock classifier on the same
 * texts, and the articles whose mentions differ.
 */
@Command(
    name = "ner-input",
    mixinStandardHelpOptions = true,
    description =
        "Tokens the entity recogniser reads per article (default: Reuters-21578) and its CPU"
            + " seconds per 1,000 articles on one thread.")
final class BenchNerInputCommand implements Callable<Integer> {

  @Parameters(
      arity = "0..*",
      paramLabel = "PATH",
      description = "Files or folders (default: ${DEFAULT-VALUE}).",
      defaultValue = "../shared/corpus/reuters21578/sgm")
  List<Path> paths;

  @Option(
      names = "--warmup",
      defaultValue = "1000",
      description =
          "Articles recognised first, untimed, by each recogniser (from the end of the list, so"
              + " the timed articles are new to the sentence memory; default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(
      names = "--compare",
      description = "Also time CoreNLP's stock classifier and count articles that differ.")
  boolean compare;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
  Path json;

  @Spec CommandSpec spec;

  record Report(
      int articles,
      long chars,
      long tokens,
      long sentences,
      double tokensPerArticle,
      List<NerInput.Pass> passes,
      double loadAverage) {}

  @Override
  public Integer call() throws Exception {
    NerExtractor fast = NerExtractor.shared();
    NerInput.Texts in = NerInput.texts(paths, fast);
    List<String> all = in.texts();
    int w = Math.max(0, Math.min(warmup, all.size() / 2));
    List<String> timed = all.subList(0, all.size() - w);
    List<String> warm = all.subList(all.size() - w, all.size());
    List<NerInput.Pass> passes = new ArrayList<>();
    List<Recognition> stockOut = null;
    if (compare) {
      NerExtractor stock = NerExtractor.stock();
      NerInput.time("stock", stock, warm, null, new ArrayList<>());
      stockOut = new ArrayList<>();
      passes.add(NerInput.time("stock", stock, timed, null, stockOut));
    }
    NerInput.time("dateline", fast, warm, null, new ArrayList<>());
    passes.add(NerInput.time("dateline", fast, timed, stockOut, new ArrayList<>()));
    Report r =
        new Report(
            all.size(),
            in.chars(),
            in.tokens(),
            in.sentences(),
            all.isEmpty() ? 0 : (double) in.tokens() / all.size(),
            passes,
            BenchFiles.loadAverage());
    PrintWriter out = spec.commandLine().getOut();
    out.printf("| articles | chars/article | tokens/article | sentences/article | load avg |%n");
    out.printf("|---|---|---|---|---|%n");
    out.printf(
        "| %,d | %.0f | %.1f | %.1f | %.2f |%n%n",
        r.articles(),
        (double) r.chars() / Math.max(1, r.articles()),
        r.tokensPerArticle(),
        (double) r.sentences() / Math.max(1, r.articles()),
        r.loadAverage());
    out.printf(
        "| recogniser | timed articles | CPU s per 1,000 articles (one thread) | differing |%n");
    out.printf("|---|---|---|---|%n");
    for (NerInput.Pass p : passes) {
      out.printf(
          "| %s | %,d | %.2f | %s |%n",
          p.recogniser(),
          p.articles(),
          p.cpuSecondsPer1000(),
          compare && p.recogniser().equals("dateline") ? String.valueOf(p.differing()) : "-");
    }
    out.flush();
    if (json != null) {
      java.nio.file.Files.writeString(
          json, ApiServer.jsonMapper().writerWithDefaultPrettyPrinter().writeValueAsString(r));
    }
    return passes.stream().anyMatch(p -> p.differing() > 0) ? 1 : 0;
  }
}
