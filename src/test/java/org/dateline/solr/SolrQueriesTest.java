package org.dateline.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dateline.config.Limits;
import org.dateline.search.BadRequestException;
import org.dateline.search.SearchRequest;
import org.dateline.search.SortOrder;
import org.junit.jupiter.api.Test;

/** A search request as Solr parameters: the parts that need no cluster. */
class SolrQueriesTest {

  @Test
  void filtersAreTaggedTermsFiltersOnTheExactValueField() {
    assertEquals(
        "{!terms tag=place f=place_facet separator=\"\u001F\"}Deir ez-Zor\u001FRaqqa, Syria",
        SolrQueries.filter("place", List.of("Deir ez-Zor", "Raqqa, Syria")));
    assertEquals(
        "{!terms f=id separator=\"\u001F\"}a1\u001Fb2",
        SolrQueries.filter("id", List.of("a1", "b2")));
    assertEquals("-*:*", SolrQueries.filter("id", List.of()), "an empty set of articles");
    BadRequestException e =
        assertThrows(BadRequestException.class, () -> SolrQueries.filter("colour", List.of("red")));
    assertTrue(e.getMessage().startsWith("unknown filter 'colour'; filters are outlet,"));
  }

  @Test
  void theQueryIsParsedByDatelinesOwnParserAndSentAsItsLuceneQuery() {
    Limits limits = Limits.defaults();
    assertEquals(
        "<MatchAllDocsQuery/>", SolrQueries.matching(SearchRequest.of(""), limits).get("q"));
    assertEquals(
        "<MatchAllDocsQuery/>", SolrQueries.matching(SearchRequest.of("*"), limits).get("q"));
    BadRequestException unknown =
        assertThrows(
            BadRequestException.class,
            () -> SolrQueries.matching(SearchRequest.of("colour:red"), limits));
    assertTrue(unknown.getMessage().startsWith("unknown field 'colour'"), unknown.getMessage());
    // a day inside the query is a range of the printed day's milliseconds, as in the embedded index
    assertEquals(
        "<PointRangeQuery type=\"long\" fieldName=\"local_date\" lowerTerm=\"541641600000\""
            + " upperTerm=\"541727999999\"/>",
        SolrQueries.matching(SearchRequest.of("date:1987-03-02"), limits).get("q"));
  }

  @Test
  void datesSortsAndTheWholeRequest() {
    assertEquals(
        "[1987-03-01T00:00:00Z TO 1987-04-01T00:00:00Z}",
        SolrQueries.dayRange(LocalDate.of(1987, 3, 1), LocalDate.of(1987, 3, 31)));
    assertEquals(
        "[* TO 1987-01-02T00:00:00Z}", SolrQueries.dayRange(null, LocalDate.of(1987, 1, 1)));
    assertEquals("score desc,id asc", SolrQueries.sort(SortOrder.RELEVANCE));
    assertEquals("date desc,id asc", SolrQueries.sort(SortOrder.NEWEST));
    var p =
        SolrQueries.matching(
            new SearchRequest(
                "cocoa",
                Map.of("outlet", List.of("Reuters")),
                LocalDate.of(1987, 3, 1),
                null,
                SortOrder.NEWEST,
                1,
                10,
                null,
                3,
                10),
            Limits.defaults());
    assertEquals("xmlparser", p.get("defType"));
    assertTrue(p.get("q").contains("<TermQuery fieldName=\"body_stem\">en:cocoa</TermQuery>"));
    assertEquals(
        List.of(
            "{!terms tag=outlet f=outlet_facet separator=\"\u001F\"}Reuters",
            "local_date:[1987-03-01T00:00:00Z TO *}"),
        List.of(p.getParams("fq")));
  }
}
