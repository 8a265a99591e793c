package org.dateline.bench.cli;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.dateline.bench.CorpusStories;
import org.dateline.bench.SyntheticArchive;
import org.dateline.enrich.Article;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dateline bench generate}: writes the deterministic synthetic archive (or, with {@code
 * --reuters}, the real Reuters-21578 stories with their codes as entities) as JSON lines for {@code
 * dateline bench load}.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description =
        "Write a synthetic archive built from the real Reuters and BBC stories (JSON lines).")
final class BenchGenerateCommand implements Callable<Integer> {

  @Option(
      names = "--articles",
      defaultValue = "1000000",
      description = "How many articles (default: ${DEFAULT-VALUE}).")
  long articles;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--corpus",
      defaultValue = "../shared/corpus",
      description = "Folder holding reuters21578/sgm and bbc-news (default: ${DEFAULT-VALUE}).")
  Path corpus;

  @Option(names = "--out", paramLabel = "FILE", description = "JSON-lines file to write.")
  Path out;

  @Option(
      names = "--as-text",
      paramLabel = "DIR",
      description =
          "Write the synthetic articles as"
              + " plain-text files instead (title, date line, body; 1,000 per folder), to time plain-text"
              + " ingest with 'bench ingest DIR'.")
  Path asText;

  @Option(
      names = "--copies",
      defaultValue = "0",
      description =
          "Share of the synthetic articles that are outlet copies of an earlier one (cut from the"
              + " bottom, 1-48 h later), so that the archive has stories; 0 writes the archive as"
              + " before (default: ${DEFAULT-VALUE}).")
  double copies;

  @Option(
      names = "--reuters",
      description =
          "Write the 21,578 real Reuters stories instead"
              + " (Dateline's reader and enricher, corpus codes as entities).")
  boolean reuters;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    long start = System.nanoTime();
    Path sgm = corpus.resolve("reuters21578/sgm");
    if (asText != null) {
      SyntheticArchive archive =
          new SyntheticArchive(
              CorpusStories.reuters(sgm),
              CorpusStories.bbc(corpus.resolve("bbc-news")),
              seed,
              copies);
      long bytes = archive.writeText(articles, asText);
      PrintWriter o = spec.commandLine().getOut();
      o.printf(
          "Wrote %,d text files to %s (%.1f MB) in %.1f s%n",
          articles, asText, bytes / 1e6, (System.nanoTime() - start) / 1e9);
      o.flush();
      return 0;
    }
    if (out == null) {
      throw new IllegalArgumentException(
          "say where to write: --out FILE (JSON lines) or" + " --as-text DIR (plain-text files)");
    }
    if (out.toAbsolutePath().getParent() != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
    }
    long count;
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      if (reuters) {
        List<Article> all = CorpusStories.reutersArticles(sgm);
        SyntheticArchive.writeAll(all, w);
        count = all.size();
      } else {
        SyntheticArchive archive =
            new SyntheticArchive(
                CorpusStories.reuters(sgm),
                CorpusStories.bbc(corpus.resolve("bbc-news")),
                seed,
                copies);
        archive.write(articles, out.toAbsolutePath().normalize().toString(), w);
        count = articles;
      }
    }
    PrintWriter o = spec.commandLine().getOut();
    o.printf(
        "Wrote %,d articles to %s (%.1f MB) in %.1f s%n",
        count, out, Files.size(out) / 1e6, (System.nanoTime() - start) / 1e9);
    o.flush();
    return 0;
  }
}
