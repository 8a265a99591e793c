package org.dateline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.dateline.TestIndexes;
import org.dateline.index.Schema;
import org.dateline.pipeline.IngestReport;
import org.dateline.search.facet.FacetSearcher;
import org.dateline.search.facet.FacetValue;
import org.dateline.search.kwic.Kwic;
import org.dateline.search.kwic.KwicLine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The five seed articles through real Tika into a real index: golden metadata, facets, KWIC. */
class SeedsSearchTest {

  @TempDir static Path dir;
  static SearchService search;
  static IngestReport report;

  @BeforeAll
  static void indexSeeds() throws IOException {
    report = TestIndexes.index(dir, false, TestIndexes.SEEDS);
    search = SearchService.readOnly(dir);
  }

  @AfterAll
  static void close() throws IOException {
    search.close();
  }

  private static SearchResponse run(String q) throws IOException {
    return search.search(SearchRequest.of(q));
  }

  private static Hit bySeed(SearchResponse r, String prefix) {
    return r.hits().stream()
        .filter(h -> h.path().contains("/" + prefix + "_"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no hit for seed " + prefix));
  }

  @Test
  void everySeedIsOneArticle() {
    assertEquals(5, report.filesIndexed());
    assertEquals(5, report.articlesWritten());
    assertEquals(List.of(), report.failures());
  }

  @Test
  void publicationDatesAndPrecision() throws IOException {
    SearchResponse all = run("");
    assertEquals(5, all.total());
    assertEquals("2019-01-28", bySeed(all, "000").date());
    assertEquals("day", bySeed(all, "000").datePrecision());
    assertNull(bySeed(all, "001").date(), "001 states no date: undated, honestly");
    assertEquals("2019-03-05T01:24:00Z", bySeed(all, "002").date());
    assertEquals("minute", bySeed(all, "002").datePrecision());
    assertEquals("2019-02-23T10:27:00Z", bySeed(all, "003").date());
    assertEquals("2019-02-17T04:39:00Z", bySeed(all, "004").date(), "23:39 EST is 04:39 UTC");
    // the offset the source printed its time in, so a client can show the day and hour it printed
    assertEquals(-300, bySeed(all, "004").dateOffset(), "EST");
    assertNull(bySeed(all, "003").dateOffset(), "a time stated without a zone");
    assertNull(bySeed(all, "000").dateOffset(), "a day alone");
  }

  @Test
  void outletsAndAgencies() throws IOException {
    SearchResponse all = run("*:*");
    assertEquals("Middle East Monitor", bySeed(all, "002").outlet());
    assertEquals("Middle East Monitor", bySeed(all, "003").outlet());
    assertEquals("The Guardian", bySeed(all, "004").outlet());
    assertEquals(List.of(), bySeed(all, "000").agencies(), "\"told AFP\" is not a credit");
    assertEquals(List.of("AFP"), bySeed(all, "001").agencies());
    assertEquals(List.of("Reuters"), bySeed(all, "002").agencies());
    assertEquals(List.of("Reuters"), bySeed(all, "003").agencies());
    assertEquals(List.of("AP"), bySeed(all, "004").agencies());
  }

  @Test
  void titlesSkipTaglinesAndDatePrefixes() throws IOException {
    SearchResponse all = run("");
    assertEquals(
        "Scores of civilians, fighters depart Daesh stronghold in Syria",
        bySeed(all, "000").title());
    assertEquals(
        "Daesh fighters surrender in eastern Syria enclave but more remain",
        bySeed(all, "002").title());
  }

  @Test
  void facetsCarryEveryDimensionAndUndatedBucket() throws IOException {
    SearchResponse all = run("");
    assertEquals(
        List.of("outlet", "person", "organization", "place", "agency", "language", "type", "date"),
        List.copyOf(all.facets().keySet()));
    assertEquals(
        List.of(
            new FacetValue("Middle East Monitor", 2),
            new FacetValue("unknown outlet", 2),
            new FacetValue("The Guardian", 1)),
        all.facets().get("outlet"),
        "two seeds state no outlet: counted as the date facet counts the undated one");
    assertEquals(
        List.of(new FacetValue("Reuters", 2), new FacetValue("AFP", 1), new FacetValue("AP", 1)),
        all.facets().get("agency"));
    assertEquals(List.of(new FacetValue("en", 5)), all.facets().get("language"));
    List<FacetValue> date = all.facets().get("date");
    assertEquals(
        List.of(
            new FacetValue("2019-01-28", 1, "2019-01-28", "2019-01-28"),
            // The Guardian printed "Sat 16 Feb 2019 23.39 EST": its day, though 04:39 UTC on the
            // 17th
            new FacetValue("2019-02-16", 1, "2019-02-16", "2019-02-16"),
            new FacetValue("2019-02-23", 1, "2019-02-23", "2019-02-23"),
            new FacetValue("2019-03-05", 1, "2019-03-05", "2019-03-05"),
            new FacetValue("undated", 1)),
        date);
  }

  @Test
  void drillSidewaysKeepsOtherValuesOfASelectedDimension() throws IOException {
    SearchRequest req =
        new SearchRequest(
            "",
            Map.of("outlet", List.of("The Guardian")),
            null,
            null,
            SortOrder.RELEVANCE,
            1,
            10,
            null,
            3,
            10);
    SearchResponse r = search.search(req);
    assertEquals(1, r.total());
    assertEquals(
        List.of(
            new FacetValue("Middle East Monitor", 2),
            new FacetValue("unknown outlet", 2),
            new FacetValue("The Guardian", 1)),
        r.facets().get("outlet"),
        "the outlet facet still offers the other outlet");
    assertEquals(
        List.of(new FacetValue("AP", 1)),
        r.facets().get("agency"),
        "other dimensions count only the selected outlet's hits");
    SearchRequest both =
        new SearchRequest(
            "",
            Map.of(
                "outlet",
                List.of("The Guardian", "Middle East Monitor"),
                "agency",
                List.of("Reuters")),
            null,
            null,
            SortOrder.RELEVANCE,
            1,
            10,
            null,
            3,
            10);
    assertEquals(2, search.search(both).total(), "OR within outlet, AND with agency");
  }

  @Test
  void unknownOutletSelectsTheArticlesThatStateNone() throws IOException {
    SearchResponse unknown = search.search(filtered(Map.of("outlet", List.of("unknown outlet"))));
    assertEquals(2, unknown.total());
    for (Hit hit : unknown.hits()) {
      assertNull(hit.outlet(), hit.title());
    }
    assertEquals(
        List.of(new FacetValue("AFP", 1)),
        unknown.facets().get("agency"),
        "the other dimensions count the articles without an outlet");
    assertEquals(
        3,
        search
            .search(filtered(Map.of("outlet", List.of("unknown outlet", "The Guardian"))))
            .total(),
        "OR with a named outlet");
    assertEquals(
        List.of(),
        search
            .search(filtered(Map.of("outlet", List.of("unknown outlet"), "agency", List.of("AP"))))
            .hits(),
        "AND with another dimension: the AP story names its outlet");
    assertEquals(0, run("outlet:unknown").total(), "a facet value, not a word of the field");
  }

  private static SearchRequest filtered(Map<String, List<String>> filters) {
    return new SearchRequest("", filters, null, null, SortOrder.RELEVANCE, 1, 10, null, 3, 10);
  }

  @Test
  void oneFilteredDimensionCountsExactlyAsDrillSideways() throws IOException {
    // language=en holds for all five seeds, so adding it filters nothing; it only sends the request
    // through Lucene's DrillSideways (two filtered dimensions) instead of the one-dimension path.
    for (String q : List.of("", "Islamic State", "Bali OR Baghouz", "\"Deir ez-Zor\"")) {
      SearchResponse one =
          search.search(
              new SearchRequest(
                  q,
                  Map.of("outlet", List.of("The Guardian")),
                  null,
                  null,
                  SortOrder.RELEVANCE,
                  1,
                  10,
                  null,
                  3,
                  10));
      SearchResponse two =
          search.search(
              new SearchRequest(
                  q,
                  Map.of("outlet", List.of("The Guardian"), "language", List.of("en")),
                  null,
                  null,
                  SortOrder.RELEVANCE,
                  1,
                  10,
                  null,
                  3,
                  10));
      assertEquals(two.total(), one.total(), q);
      for (String dim :
          List.of("outlet", "person", "organization", "place", "agency", "type", "date")) {
        assertEquals(two.facets().get(dim), one.facets().get(dim), q + " / " + dim);
      }
    }
  }

  @Test
  void twoFilteredDimensionsCountAsLuceneOwnDrillSideways() throws IOException {
    // Dateline counts DrillSideways' matches from its heap ordinals; Lucene's stock DrillSideways
    // counts them from doc values. Both must agree on every dimension's values and counts.
    Map<String, List<String>> filters =
        Map.of("outlet", List.of("The Guardian", "Middle East Monitor"), "language", List.of("en"));
    int compared = 0;
    for (String q : List.of("", "Islamic State", "Bali OR Baghouz", "said")) {
      SearchResponse ours =
          search.search(
              new SearchRequest(q, filters, null, null, SortOrder.RELEVANCE, 1, 10, null, 3, 10));
      Map<String, List<FacetValue>> lucene =
          search.withSearcher(
              s -> {
                DrillDownQuery ddq =
                    new DrillDownQuery(Schema.facetsConfig(), s.rewrite(QueryFactory.parse(q)));
                filters.forEach((dim, values) -> values.forEach(v -> ddq.add(dim, v)));
                DrillSideways.DrillSidewaysResult r =
                    new DrillSideways(s, Schema.facetsConfig(), ((FacetSearcher) s).facetState())
                        .search(ddq, 10);
                Map<String, List<FacetValue>> out = new java.util.HashMap<>();
                for (String dim : Schema.FACET_DIMS) {
                  out.put(dim, FacetValue.top(r.facets, dim, 10));
                }
                return out;
              });
      for (String dim : Schema.FACET_DIMS) {
        assertEquals(lucene.get(dim), ours.facets().get(dim), q + " / " + dim);
        compared += lucene.get(dim).size();
      }
    }
    assertTrue(compared > 10, "facet values compared: " + compared);
  }

  @Test
  void dateRangeIsInclusiveAndHistogramFitsIt() throws IOException {
    SearchRequest feb =
        new SearchRequest(
            "",
            Map.of(),
            java.time.LocalDate.of(2019, 2, 16),
            java.time.LocalDate.of(2019, 2, 23),
            SortOrder.OLDEST,
            1,
            10,
            null,
            3,
            10);
    SearchResponse r = search.search(feb);
    assertEquals(2, r.total());
    assertEquals("2019-02-17T04:39:00Z", r.hits().get(0).date());
    assertEquals(new FacetValue("undated", 0), r.facets().get("date").get(2));
  }

  @Test
  void dateFiltersUseTheDayTheOutletPrinted() throws IOException {
    java.time.LocalDate feb16 = java.time.LocalDate.of(2019, 2, 16);
    java.time.LocalDate feb17 = java.time.LocalDate.of(2019, 2, 17);
    SearchResponse printed =
        search.search(
            new SearchRequest("", Map.of(), feb16, feb16, SortOrder.OLDEST, 1, 10, null, 3, 10));
    assertEquals(1, printed.total());
    assertEquals("The Guardian", printed.hits().get(0).outlet());
    assertEquals(
        0,
        search
            .search(
                new SearchRequest("", Map.of(), feb17, feb17, SortOrder.OLDEST, 1, 10, null, 3, 10))
            .total());
    assertEquals(1, run("date:2019-02-16").total());
  }

  @Test
  void diacriticAndHyphenInsensitiveButPhrasesStayExact() throws IOException {
    SearchResponse r = run("\"Deir ez-Zor\"");
    assertEquals(4, r.total(), "Deir ez-Zor finds Deir Ezzor too");
    Set<String> matches =
        r.hits().stream()
            .flatMap(h -> h.kwic().stream())
            .map(KwicLine::match)
            .collect(Collectors.toSet());
    assertEquals(Set.of("Deir ez-Zor", "Deir Ezzor"), matches);
    assertEquals(0, run("\"Ezzor Deir\"").total(), "word order matters in a phrase");
    assertEquals(run("Baghouz").total(), run("BAGHOUZ").total());
    assertEquals(1, run("\"Baghuz\"").total(), "no stemming or fuzzing unless asked");
  }

  @Test
  void kwicLinesAreExactAndCentred() throws IOException {
    SearchResponse r = run("\"Syrian Observatory for Human Rights\"");
    assertEquals(3, r.total());
    Hit h000 = bySeed(r, "000");
    assertEquals(2, h000.kwicTotal());
    KwicLine first = h000.kwic().get(0);
    assertEquals("Syrian Observatory for Human Rights", first.match());
    assertEquals("Daesh’s last major stronghold in Syria. The Britain-based ", first.left());
    assertEquals(" said some 2,000 people, including 300 Daesh gunmen, have", first.right());
    assertTrue(first.left().length() <= Kwic.CONTEXT_CHARS);
  }

  @Test
  void proximityWildcardFuzzyBooleanAndFields() throws IOException {
    assertEquals(1, run("\"Bali tweeted\"~2").total());
    assertEquals(5, run("Bagh*z").total());
    assertEquals(5, run("Baghouz~1").total());
    assertEquals(1, run("Baghuz AND NOT Baghouz").total());
    assertEquals(2, run("Bali AND NOT Reuters").total());
    assertEquals(2, run("outlet:\"Middle East Monitor\"").total());
    assertEquals(1, run("title:Offensive").total());
    assertEquals(
        4, run("(Trump OR Ryan) AND Syria").total(), "Trump in 003, 004; Ryan in 001, 002");
  }

  @Test
  void badQueriesSayWhatIsWrong() {
    BadRequestException e = assertThrows(BadRequestException.class, () -> run("\"unbalanced"));
    assertTrue(
        e.getMessage()
            .startsWith("the quote at position 1 starts a phrase that is never" + " closed"),
        e.getMessage());
    BadRequestException field = assertThrows(BadRequestException.class, () -> run("nosuch:x"));
    assertTrue(field.getMessage().contains("unknown field 'nosuch'"), field.getMessage());
  }

  @Test
  void sortsAndCursorPageThroughEverything() throws IOException {
    SearchRequest newest =
        new SearchRequest("", Map.of(), null, null, SortOrder.NEWEST, 1, 2, null, 0, 10);
    Set<String> seen = new HashSet<>();
    SearchResponse page = search.search(newest);
    assertEquals("2019-03-05T01:24:00Z", page.hits().get(0).date());
    int pages = 1;
    page.hits().forEach(h -> seen.add(h.id()));
    while (page.nextCursor() != null) {
      page = search.search(newest.withCursor(page.nextCursor(), 2));
      page.hits().forEach(h -> seen.add(h.id()));
      pages++;
    }
    assertEquals(5, seen.size());
    assertEquals(3, pages);
    assertNull(page.hits().get(page.hits().size() - 1).date(), "undated sorts last");
  }

  @Test
  void documentCarriesTextAndProvenance() throws IOException {
    Hit hit = bySeed(run(""), "004");
    DocumentView doc = search.document(hit.id());
    assertNotNull(doc);
    assertTrue(doc.text().startsWith("Offensive launched against scores"));
    assertEquals("text pattern", doc.provenance().get("date"));
    assertEquals("text pattern", doc.provenance().get("outlet"));
    assertNull(search.document("no-such-id"));
  }
}
