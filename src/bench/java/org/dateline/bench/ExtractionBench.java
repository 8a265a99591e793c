package org.dateline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores the article text and facts Dateline reads from saved pages with known article text, the
 * pages read as stored (gzipped) through the same parser and enricher as {@code dateline index}.
 */
public final class ExtractionBench {

  /** The corpus location relative to the project root. */
  public static final Path DEFAULT_CORPUS = Path.of("../shared/corpus/html-news-articlebench");

  private static final ObjectMapper JSON = new ObjectMapper();

  private ExtractionBench() {}

  /**
   * One page's score; error is null unless extraction threw. The facts are what the page read as
   * stored yields (null when none was found); {@code stated} says which of them the raw page states
   * at all.
   */
  public record PageResult(
      String id,
      String url,
      double precision,
      double recall,
      double f1,
      String error,
      StoredPageFacts.Facts facts) {}

  /** All page scores of one run, with the summary figures the bench prints. */
  public record Report(List<PageResult> pages, long millis, List<FactsJudgement.Verdict> verdicts) {

    public double meanF1() {
      return pages.stream().mapToDouble(PageResult::f1).average().orElse(0);
    }

    public double meanPrecision() {
      return pages.stream().mapToDouble(PageResult::precision).average().orElse(0);
    }

    public double meanRecall() {
      return pages.stream().mapToDouble(PageResult::recall).average().orElse(0);
    }

    public double medianF1() {
      double[] f = pages.stream().mapToDouble(PageResult::f1).sorted().toArray();
      if (f.length == 0) {
        return 0;
      }
      return f.length % 2 == 1 ? f[f.length / 2] : (f[f.length / 2 - 1] + f[f.length / 2]) / 2;
    }

    /** The n lowest-scoring pages, worst first. */
    public List<PageResult> worst(int n) {
      return pages.stream().sorted(Comparator.comparingDouble(PageResult::f1)).limit(n).toList();
    }
  }

  /**
   * Reads every page listed in the corpus's ground-truth.json as stored (gzipped), through the same
   * file parser and enricher as {@code dateline index}, and scores its body and facts.
   */
  public static Report run(Path corpus, Path dumpDir) throws IOException {
    return run(corpus, dumpDir, FactsJudgement.DEFAULT_LABELS);
  }

  /**
   * As {@link #run(Path, Path)}, judging outlets and dates against {@code labels} (no verdicts when
   * that file does not exist).
   */
  public static Report run(Path corpus, Path dumpDir, Path labels) throws IOException {
    FactsJudgement judgement = Files.isRegularFile(labels) ? FactsJudgement.read(labels) : null;
    JsonNode truth = JSON.readTree(corpus.resolve("ground-truth.json").toFile());
    StoredPageFacts extractor = new StoredPageFacts();
    List<PageResult> results = new ArrayList<>();
    long start = System.nanoTime();
    for (Iterator<Map.Entry<String, JsonNode>> it = truth.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String id = entry.getKey();
      String url = entry.getValue().path("url").asText(null);
      String expected = entry.getValue().path("articleBody").asText("");
      results.add(score(extractor, corpus, id, url, expected, dumpDir));
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    List<FactsJudgement.Verdict> verdicts =
        judgement == null
            ? List.of()
            : results.stream().map(p -> judgement.judge(p.id(), p.url(), p.facts())).toList();
    return new Report(results, millis, verdicts);
  }

  private static PageResult score(
      StoredPageFacts extractor,
      Path corpus,
      String id,
      String url,
      String expected,
      Path dumpDir) {
    try {
      Path page = corpus.resolve("html").resolve(id + ".html.gz");
      StoredPageFacts.Read read = extractor.read(page);
      String body = read.article().text();
      if (dumpDir != null) {
        Files.writeString(dumpDir.resolve(id + ".txt"), url + "\n\n" + body);
      }
      TokenF1 s = TokenF1.of(body, expected);
      return new PageResult(id, url, s.precision(), s.recall(), s.f1(), null, read.facts());
    } catch (Exception | StackOverflowError e) {
      // A failed page counts as F1 0 rather than stopping the run.
      return new PageResult(id, url, 0, 0, 0, e.toString(), null);
    }
  }

  /**
   * Runs the bench. Arguments: [corpus folder] [--json FILE] [--dump DIR]; the folder defaults to
   * ../shared/corpus/html-news-articlebench. --dump writes each extracted body for inspection.
   */
  public static void main(String[] args) throws IOException {
    Path corpus = DEFAULT_CORPUS;
    Path json = null;
    Path dump = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--json" -> json = Path.of(args[++i]);
        case "--dump" -> dump = Files.createDirectories(Path.of(args[++i]));
        default -> corpus = Path.of(args[i]);
      }
    }
    if (!Files.isRegularFile(corpus.resolve("ground-truth.json"))) {
      System.err.println("No corpus at " + corpus.toAbsolutePath());
      System.exit(2);
    }
    Report report = run(corpus, dump);
    print(report);
    if (json != null) {
      writeJson(report, corpus, json);
    }
  }

  /** Prints the summary, the fact coverage and the worst pages. */
  public static void print(Report r) {
    System.out.printf(Locale.ROOT, "pages            %d%n", r.pages().size());
    System.out.printf(Locale.ROOT, "mean F1          %.4f%n", r.meanF1());
    System.out.printf(Locale.ROOT, "median F1        %.4f%n", r.medianF1());
    System.out.printf(Locale.ROOT, "mean precision   %.4f%n", r.meanPrecision());
    System.out.printf(Locale.ROOT, "mean recall      %.4f%n", r.meanRecall());
    System.out.printf(Locale.ROOT, "time             %d ms%n", r.millis());
    StoredPageFacts.printCoverage(r.pages());
    if (!r.verdicts().isEmpty()) {
      FactsJudgement.print(r.verdicts());
    }
    System.out.println("10 worst pages:");
    for (PageResult p : r.worst(10)) {
      System.out.printf(
          Locale.ROOT,
          "  F1 %.3f  P %.3f  R %.3f  %s  %s%s%n",
          p.f1(),
          p.precision(),
          p.recall(),
          p.id().substring(0, 12),
          p.url(),
          p.error() == null ? "" : "  " + p.error());
    }
  }

  /** Writes the summary and every page's score as JSON. */
  public static void writeJson(Report r, Path corpus, Path file) throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("corpus", corpus.toString());
    out.put("pages", r.pages().size());
    out.put("meanF1", r.meanF1());
    out.put("medianF1", r.medianF1());
    out.put("meanPrecision", r.meanPrecision());
    out.put("meanRecall", r.meanRecall());
    out.put("millis", r.millis());
    if (!r.verdicts().isEmpty()) {
      out.put(
          "outlet",
          FactsJudgement.counts(
              r.verdicts(), FactsJudgement.Outlet.class, FactsJudgement.Verdict::outlet));
      out.put(
          "date",
          FactsJudgement.counts(
              r.verdicts(), FactsJudgement.Date.class, FactsJudgement.Verdict::date));
      out.put("verdicts", r.verdicts());
    }
    out.put("results", r.pages());
    JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), out);
  }
}
