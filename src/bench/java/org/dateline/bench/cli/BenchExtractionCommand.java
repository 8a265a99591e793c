package org.dateline.bench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dateline.bench.ExtractionBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dateline bench extraction}: article text and facts of saved pages, read as stored. */
@Command(
    name = "extraction",
    mixinStandardHelpOptions = true,
    description =
        "Read the saved pages of html-news-articlebench as stored (.html.gz) through the"
            + " indexer's parser and enricher; print body token F1 against the true article text and"
            + " how often URL, date and outlet are found on the pages that state them; each page's"
            + " outlet judged against labelled names, its date against the date its address"
            + " prints.")
final class BenchExtractionCommand implements Callable<Integer> {

  @Option(
      names = "--corpus",
      paramLabel = "DIR",
      defaultValue = "../shared/corpus/html-news-articlebench",
      description = "Folder holding ground-truth.json and html/ (default: ${DEFAULT-VALUE}).")
  Path corpus;

  @Option(names = "--dump", paramLabel = "DIR", description = "Also write each page's text here.")
  Path dump;

  @Option(
      names = "--labels",
      paramLabel = "FILE",
      defaultValue = "bench/outlets-labelled.tsv",
      description =
          "Outlet names by host, labelled by reading, to judge each page's outlet against"
              + " (default: ${DEFAULT-VALUE}).")
  Path labels;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
  Path json;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(corpus.resolve("ground-truth.json"))) {
      throw new IllegalArgumentException(
          "no ground-truth.json in " + corpus + "; pass --corpus DIR");
    }
    ExtractionBench.Report report =
        ExtractionBench.run(corpus, dump == null ? null : Files.createDirectories(dump), labels);
    ExtractionBench.print(report);
    if (json != null) {
      ExtractionBench.writeJson(report, corpus, json);
    }
    return 0;
  }
}
