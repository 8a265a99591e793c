package org.dateline.bench.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.dateline.bench.mix.MixRequest;
import org.junit.jupiter.api.Test;

class EnginePathsTest {

  private static final MixRequest FILTERED =
      MixRequest.parse(
          "grain AND export* | kind=boolean/two-filters | place=usa | organization=ec", 1);
  private static final MixRequest DATED =
      MixRequest.parse(
          "\"crude oil\"~3 | kind=proximity/date-range | from=1987-03-01 | to=1987-03-31", 2);

  private static String decoded(String path) {
    return URLDecoder.decode(path, StandardCharsets.UTF_8);
  }

  @Test
  void datelineSearchesTheBodyWithFacetParameters() {
    DatelineEngine d = new DatelineEngine("http://127.0.0.1:1");
    assertEquals(
        "/api/search?q=body:(grain AND export*)&size=10&kwic=3&place=usa&organization=ec",
        decoded(d.path(FILTERED)));
    assertEquals(
        "/api/search?q=body:(\"crude oil\"~3)&size=10&kwic=3&from=1987-03-01&to=1987-03-31",
        decoded(d.path(DATED)));
  }

  @Test
  void solrGetsTermFiltersAndAHalfOpenDayRange() {
    SolrEngine s = new SolrEngine("http://127.0.0.1:2", false, false, 1987);
    String p = decoded(s.path(FILTERED));
    assertEquals(
        "/solr/news/select?q=grain AND export*&defType=lucene&q.op=AND&df=body&rows=10&wt=json"
            + "&fl=id,title,date,outlet,place,person,organization,score"
            + "&facet=true&facet.limit=10&facet.mincount=1"
            + "&facet.field=outlet&facet.field=place&facet.field=person&facet.field=organization"
            + "&facet.range=date&facet.range.start=1987-01-01T00:00:00Z"
            + "&facet.range.end=1988-01-01T00:00:00Z&facet.range.gap=+1MONTH"
            + "&hl=true&hl.method=unified&hl.fl=body&hl.snippets=3&hl.fragsize=120"
            + "&fq={!term f=place}usa&fq={!term f=organization}ec",
        p);
    String dated = decoded(s.path(DATED));
    assertEquals(
        "&fq=date:[1987-03-01T00:00:00Z TO 1987-04-01T00:00:00Z}",
        dated.substring(dated.lastIndexOf("&fq=")));
  }

  @Test
  void multiselectTagsEachFilterAndExcludesItFromItsOwnFacet() {
    SolrEngine s = new SolrEngine("http://127.0.0.1:2", true, false, 1987);
    String p = decoded(s.path(FILTERED));
    assertEquals(true, p.contains("&facet.field={!ex=sel_place}place&"));
    assertEquals(true, p.contains("&facet.field={!ex=sel_organization}organization&"));
    assertEquals(true, p.contains("&facet.field=person&"));
    assertEquals(
        true,
        p.endsWith(
            "&fq={!term f=place tag=sel_place}usa&fq={!term f=organization tag=sel_organization}ec"));
    String dated = decoded(s.path(DATED));
    assertEquals(true, dated.contains("&facet.range={!ex=sel_date}date&"));
    assertEquals(
        true,
        dated.endsWith("&fq={!tag=sel_date}date:[1987-03-01T00:00:00Z TO 1987-04-01T00:00:00Z}"));
  }

  @Test
  void answersWithoutTheAskedForPartsAreErrors() throws Exception {
    ObjectMapper json = new ObjectMapper();
    SolrEngine s = new SolrEngine("x", false, false, 1987);
    assertEquals(
        42,
        s.found(
            json.readTree(
                "{\"response\":{\"numFound\":42},\"highlighting\":{},\"facet_counts\":{}}")));
    assertThrows(
        IllegalArgumentException.class,
        () -> s.found(json.readTree("{\"response\":{\"numFound\":42},\"facet_counts\":{}}")));
    DatelineEngine d = new DatelineEngine("x");
    assertEquals(7, d.found(json.readTree("{\"total\":7,\"hits\":[],\"facets\":{}}")));
    assertThrows(
        IllegalArgumentException.class, () -> d.found(json.readTree("{\"total\":7,\"hits\":[]}")));
  }
}
