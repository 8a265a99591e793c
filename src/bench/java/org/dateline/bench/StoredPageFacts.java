package org.dateline.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.dateline.config.Config;
import org.dateline.enrich.Article;
import org.dateline.enrich.Enricher;
import org.dateline.enrich.PrintedDay;
import org.dateline.enrich.entities.EntityExtractor;
import org.dateline.ingest.FileParser;
import org.dateline.ingest.ParseException;
import org.dateline.ingest.SourceDoc;

/**
 * Reads a saved page as stored through {@link FileParser} and {@link Enricher} (what {@code
 * dateline index} does with it), and judges from the raw markup, independently of Dateline's
 * readers, whether the page states a URL, a publication date and its outlet at all: coverage is
 * then "found among the pages that state it". Thread-safe.
 */
public final class StoredPageFacts {

  /** Markup that states the page's own address. */
  private static final Pattern STATES_URL =
      Pattern.compile(
          "(?i)rel\\s*=\\s*[\"']?canonical|[\"']og:url[\"']|[\"']twitter:url[\"']|mainEntityOfPage");

  /** Markup that states a publication date in a machine-readable place. */
  private static final Pattern STATES_DATE =
      Pattern.compile(
          "(?i)datePublished|published_time|[\"']pubdate|publish[-_ ]?date|dc\\.date"
              + "|<time[^>]{0,200}datetime|dateCreated|parsely-pub-date");

  /** Markup that names the outlet (beyond the address, which names it too). */
  private static final Pattern STATES_OUTLET =
      Pattern.compile("(?i)og:site_name|application-name|\"publisher\"");

  private static final Config DEFAULTS = Config.defaults();

  private final FileParser parser =
      new FileParser(
          DEFAULTS.maxFileBytes(),
          DEFAULTS.maxArticleChars(),
          DEFAULTS.limits().maxFileTextChars());
  private final Enricher enricher = Enricher.standard(EntityExtractor.NONE);

  /** What one page states, and what Dateline found. */
  public record Facts(
      boolean statesUrl,
      boolean statesDate,
      boolean statesOutlet,
      String foundUrl,
      String foundDate,
      String foundOutlet,
      String foundDay,
      String foundDayRule) {}

  /** A page's article as indexed, with its facts. */
  record Read(Article article, Facts facts) {}

  Read read(Path page) throws IOException, ParseException {
    List<SourceDoc> docs = parser.parse(page);
    Article a = enricher.enrich(page.toString(), docs.get(0), null);
    String raw = rawMarkup(page);
    boolean statesUrl = STATES_URL.matcher(raw).find();
    Facts facts =
        new Facts(
            statesUrl,
            STATES_DATE.matcher(raw).find(),
            statesUrl || STATES_OUTLET.matcher(raw).find(),
            a.url(),
            a.date() == null ? null : a.date().instant().toString(),
            a.outlet(),
            a.date() == null ? null : a.date().localDay().toString(),
            a.provenance().get(PrintedDay.PROVENANCE));
    return new Read(a, facts);
  }

  /** The page's markup as Latin-1: enough to look for ASCII attribute names. */
  private static String rawMarkup(Path page) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(page))) {
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  /**
   * How often one fact was found: on {@code found} of the {@code stated} pages that state it, and
   * on {@code foundAll} of all {@code pages}.
   */
  public record Coverage(String fact, long found, long stated, long foundAll, long pages) {

    public double share() {
      return stated == 0 ? 0 : (double) found / stated;
    }
  }

  /** Coverage of URL, date and outlet over the pages of one run. */
  public static List<Coverage> coverage(List<ExtractionBench.PageResult> pages) {
    List<Facts> facts =
        pages.stream().map(ExtractionBench.PageResult::facts).filter(f -> f != null).toList();
    return List.of(
        coverage("url", facts, Facts::statesUrl, f -> f.foundUrl() != null),
        coverage("date", facts, Facts::statesDate, f -> f.foundDate() != null),
        coverage("outlet", facts, Facts::statesOutlet, f -> f.foundOutlet() != null));
  }

  private static Coverage coverage(
      String fact, List<Facts> facts, Predicate<Facts> states, Predicate<Facts> found) {
    return new Coverage(
        fact,
        facts.stream().filter(states.and(found)).count(),
        facts.stream().filter(states).count(),
        facts.stream().filter(found).count(),
        facts.size());
  }

  /** Prints, for URL, date and outlet, on how many of the pages that state it it was found. */
  static void printCoverage(List<ExtractionBench.PageResult> pages) {
    for (Coverage c : coverage(pages)) {
      System.out.printf(
          Locale.ROOT,
          "%-7s found on %d of %d pages that state it (%.1f%%);" + " on %d of all %d%n",
          c.fact(),
          c.found(),
          c.stated(),
          100 * c.share(),
          c.foundAll(),
          c.pages());
    }
    Map<String, Long> rules = new TreeMap<>();
    for (ExtractionBench.PageResult p : pages) {
      if (p.facts() != null && p.facts().foundDayRule() != null) {
        rules.merge(p.facts().foundDayRule(), 1L, Long::sum);
      }
    }
    System.out.println("the day or offset a UTC instant was printed in, settled by: " + rules);
  }
}
