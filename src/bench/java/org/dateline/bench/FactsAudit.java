package org.dateline.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.dateline.config.Config;
import org.dateline.enrich.Article;
import org.dateline.enrich.Enricher;
import org.dateline.enrich.PrintedDay;
import org.dateline.enrich.entities.EntityExtractor;
import org.dateline.ingest.FileParser;
import org.dateline.ingest.ParseException;
import org.dateline.ingest.SourceDoc;

/**
 * Reads every file under some folders the way {@code dateline index} does (parser and enricher, no
 * entities) and tallies the facts a journalist filters by: where each date came from, which outlet
 * and agency values exist, and how many articles hold U+FFFD (text decoded with the wrong charset).
 * Not thread-safe; one audit per run.
 */
public final class FactsAudit {

  /** A dated article, for listing where its date came from. */
  public record Dated(String path, String date, String source, String firstLine) {}

  /** What one audit found. */
  public record Result(
      int files,
      int failed,
      int articles,
      Map<String, Integer> dateSources,
      Map<String, Integer> outlets,
      Map<String, Integer> agencies,
      int withReplacementChars,
      List<Dated> textDated,
      List<String> replacementFiles) {}

  private final FileParser parser;
  private final Enricher enricher = Enricher.standard(EntityExtractor.NONE);

  public FactsAudit() {
    Config c = Config.defaults();
    parser = new FileParser(c.maxFileBytes(), c.maxArticleChars(), c.limits().maxFileTextChars());
  }

  /** Audits every regular file under {@code roots}, in name order. */
  public Result run(List<Path> roots) throws IOException {
    Map<String, Integer> sources = new TreeMap<>();
    Map<String, Integer> outlets = new TreeMap<>();
    Map<String, Integer> agencies = new TreeMap<>();
    List<Dated> textDated = new ArrayList<>();
    java.util.Set<String> replacementFiles = new java.util.LinkedHashSet<>();
    int files = 0;
    int failed = 0;
    int articles = 0;
    int replacement = 0;
    for (Path file : files(roots)) {
      files++;
      List<SourceDoc> docs;
      try {
        docs = parser.parse(file);
      } catch (ParseException e) {
        failed++;
        continue;
      }
      for (SourceDoc doc : docs) {
        Article a = enricher.enrich(file.toString(), doc, null);
        articles++;
        String source = a.date() == null ? "(undated)" : a.provenance().get("date");
        String dayRule = a.provenance().get(PrintedDay.PROVENANCE);
        if (dayRule != null) {
          source += " (its day: " + dayRule + ")"; // the day or offset it printed, settled apart
        }
        sources.merge(source, 1, Integer::sum);
        outlets.merge(a.outlet() == null ? "(none)" : a.outlet(), 1, Integer::sum);
        a.agencies().forEach(x -> agencies.merge(x, 1, Integer::sum));
        if (a.text().indexOf('\uFFFD') >= 0 || a.title().indexOf('\uFFFD') >= 0) {
          replacement++;
          replacementFiles.add(file.toString());
        }
        if (a.date() != null
            && ("text pattern".equals(a.provenance().get("date")) || dayRule != null)) {
          textDated.add(
              new Dated(
                  file.toString(),
                  a.date().instant() + " (day " + a.date().localDay() + ")",
                  source,
                  a.title()));
        }
      }
    }
    return new Result(
        files,
        failed,
        articles,
        sources,
        outlets,
        agencies,
        replacement,
        textDated,
        List.copyOf(replacementFiles));
  }

  private static List<Path> files(List<Path> roots) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path root : roots) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).forEach(out::add);
      }
    }
    return out;
  }

  /** Prints the tallies; {@code listDated} lists up to that many text-dated articles. */
  public static void print(Result r, PrintWriter out, int listDated, int topValues) {
    out.printf(
        "files %d (failed %d), articles %d, with U+FFFD %d%n",
        r.files(), r.failed(), r.articles(), r.withReplacementChars());
    r.replacementFiles().forEach(f -> out.printf("  U+FFFD in %s%n", f));
    out.println("date sources:");
    r.dateSources().forEach((k, v) -> out.printf("  %6d  %s%n", v, k));
    printTop(out, "outlets", r.outlets(), topValues);
    printTop(out, "agencies", r.agencies(), topValues);
    out.printf("dated by a text pattern, or on a day settled apart: %d%n", r.textDated().size());
    r.textDated().stream()
        .limit(listDated)
        .forEach(
            d -> out.printf("  %s  %s  %s  [%s]%n", d.date(), d.path(), d.firstLine(), d.source()));
    out.flush();
  }

  private static void printTop(
      PrintWriter out, String label, Map<String, Integer> counts, int top) {
    out.printf("%s: %d distinct%n", label, counts.size());
    counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(top)
        .forEach(e -> out.printf("  %6d  %s%n", e.getValue(), e.getKey()));
  }
}
