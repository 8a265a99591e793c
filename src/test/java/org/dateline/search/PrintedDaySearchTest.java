package org.dateline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dateline.TestIndexes;
import org.dateline.search.facet.FacetValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A US evening story whose page states its time in UTC, the next day, and whose address prints the
 * day the outlet ran it: the day filters, the histogram and the hit all give the address's day,
 * while the hit's instant stays the one the page states.
 */
class PrintedDaySearchTest {

  @TempDir static Path dir;
  static SearchService search;

  private static String page(String url, String published) {
    return """
        <!doctype html><html lang="en"><head><title>Council votes on the harbour plan</title>
        <link rel="canonical" href="%s">
        <script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "%s",
        "headline": "Council votes on the harbour plan"}</script></head>
        <body><article><h1>Council votes on the harbour plan</h1>
        <p>The city council voted late on Monday evening to approve the harbour plan, after a
        hearing that ran for more than six hours and drew residents from both sides.</p>
        <p>The plan now goes to the state for review, a step officials expect to take months.</p>
        </article></body></html>
        """
        .formatted(url, published);
  }

  @BeforeAll
  static void indexTwoPages() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("pages"));
    Files.writeString(
        folder.resolve("evening.html"),
        page("https://news.example.com/2019/11/18/harbour-plan/", "2019-11-19T04:58:46Z"));
    Files.writeString(
        folder.resolve("morning.html"),
        page("https://news.example.com/harbour-plan-review/", "2019-11-19T09:30:00Z"));
    TestIndexes.index(dir.resolve("index"), false, folder);
    search = SearchService.readOnly(dir.resolve("index"));
  }

  @AfterAll
  static void close() throws IOException {
    search.close();
  }

  private static SearchResponse on(LocalDate from, LocalDate to) throws IOException {
    return search.search(
        new SearchRequest("", Map.of(), from, to, SortOrder.RELEVANCE, 1, 10, null, 3, 10));
  }

  @Test
  void theDayFilterFindsTheStoryOnTheDayItsAddressPrints() throws IOException {
    LocalDate monday = LocalDate.of(2019, 11, 18);
    SearchResponse r = on(monday, monday);
    assertEquals(1, r.total());
    Hit hit = r.hits().get(0);
    assertEquals("2019-11-19T04:58:46Z", hit.date(), "the instant the page states");
    assertEquals("2019-11-18", hit.dateDay());
    assertEquals(0, hit.dateOffset(), "the offset stated, not one made up");
    assertEquals("2019-11-18", PrintedDate.of(hit, true));
    LocalDate tuesday = monday.plusDays(1);
    SearchResponse next = on(tuesday, tuesday);
    assertEquals(1, next.total());
    assertNull(next.hits().get(0).dateDay(), "no address day: the UTC day, as stated");
  }

  @Test
  void theHistogramCountsItOnThatDay() throws IOException {
    assertEquals(
        List.of(
            new FacetValue("2019-11-18", 1, "2019-11-18", "2019-11-18"),
            new FacetValue("2019-11-19", 1, "2019-11-19", "2019-11-19"),
            new FacetValue("undated", 0)),
        on(null, null).facets().get("date"));
  }
}
