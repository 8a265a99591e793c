package org.dateline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dateline.config.Config;
import org.dateline.search.Hit;
import org.dateline.search.PrintedDate;
import org.dateline.search.SearchRequest;
import org.dateline.search.SearchResponse;
import org.dateline.search.SearchService;
import org.dateline.search.SortOrder;
import org.dateline.search.kwic.KwicLine;
import org.dateline.server.ApiServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dateline search QUERY}: hits as a concordance, match centred, or as JSON. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = "Search the index and print keyword-in-context lines.")
final class SearchCommand implements Callable<Integer> {

  private static final int LEFT_WIDTH = 55;

  @Mixin IndexDirOption dir;
  @Mixin QueryOptions limits;

  @Parameters(
      paramLabel = "QUERY",
      arity = "0..1",
      defaultValue = "",
      description = "Query (AND/OR/NOT, \"phrase\", \"near words\"~5, wild*, fuzzy~, field:value).")
  String query;

  @Option(names = "--outlet", description = "Only this outlet (repeatable).")
  List<String> outlets;

  @Option(names = "--agency", description = "Only this agency (repeatable).")
  List<String> agencies;

  @Option(names = "--person")
  List<String> persons;

  @Option(names = "--organization")
  List<String> organizations;

  @Option(names = "--place")
  List<String> places;

  @Option(names = "--language")
  List<String> languages;

  @Option(names = "--type")
  List<String> types;

  @Mixin Days days;

  @Option(
      names = "--sort",
      defaultValue = "relevance",
      description = "relevance, newest or oldest.")
  String sort;

  @Option(names = "--size", defaultValue = "10", description = "Hits to show (max 100).")
  int size;

  @Option(names = "--kwic", defaultValue = "3", description = "KWIC lines per hit.")
  int kwic;

  @Option(names = "--json", description = "Print the API's JSON instead.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Map<String, List<String>> filters = new LinkedHashMap<>();
    put(filters, "outlet", outlets);
    put(filters, "agency", agencies);
    put(filters, "person", persons);
    put(filters, "organization", organizations);
    put(filters, "place", places);
    put(filters, "language", languages);
    put(filters, "type", types);
    SearchRequest request =
        new SearchRequest(
            query,
            filters,
            days.first(),
            days.last(),
            SortOrder.parse(sort),
            1,
            size,
            null,
            kwic,
            SearchRequest.DEFAULT_FACET_SIZE);
    SearchResponse response;
    Config config = dir.toConfig();
    try (SearchService search =
        SearchService.readOnly(config.indexDir(), limits.applyTo(config.limits()))) {
      response = search.search(request);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectMapper mapper = ApiServer.jsonMapper();
      out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(response));
    } else {
      printConcordance(response, out);
    }
    out.flush();
    return 0;
  }

  private static void put(Map<String, List<String>> filters, String dim, List<String> values) {
    if (values != null && !values.isEmpty()) {
      filters.put(dim, values);
    }
  }

  /**
   * A hit's date as its outlet printed it, as the page shows it: "2019-01-28" for a day,
   * "2019-02-16 23:39 UTC-05:00" for the Guardian's "Sat 16 Feb 2019 23.39 EST" (the instant 04:39
   * UTC on the 17th, on the day the date filters and the histogram count it), "2019-02-23 10:27
   * UTC" when the source named no zone; "undated" without a date.
   */
  static String printedDate(String date, String precision, Integer offsetMinutes) {
    return date == null ? "undated" : PrintedDate.of(date, precision, offsetMinutes, true);
  }

  static void printConcordance(SearchResponse response, PrintWriter out) {
    out.printf("%d hits (%d ms)%n", response.total(), response.tookMs());
    for (Hit hit : response.hits()) {
      out.printf(
          "%n%s  %s  %s%n",
          hit.date() == null ? "undated" : PrintedDate.of(hit, true),
          hit.outlet() == null ? "-" : hit.outlet(),
          hit.title());
      for (KwicLine line : hit.kwic()) {
        String left = line.left();
        if (left.length() > LEFT_WIDTH) {
          left = left.substring(left.length() - LEFT_WIDTH);
          int space = left.indexOf(' ');
          left = space < 0 ? left : left.substring(space + 1); // never start mid-word
        }
        out.printf("  %" + LEFT_WIDTH + "s[%s]%s%n", left, line.match(), line.right());
      }
      if (hit.kwicTotal() > hit.kwic().size()) {
        out.printf("  ... %d more matches%n", hit.kwicTotal() - hit.kwic().size());
      }
    }
  }
}
