package org.dateline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.dateline.TestIndexes;
import org.dateline.index.Schema;
import org.dateline.search.facet.FacetSearcher;
import org.dateline.search.facet.FacetValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-pass sideways matches of requests filtered on one to three dimensions, on the first two
 * files of Reuters-21578 (2,000 stories, the corpus's codes as entities): each dimension's matches
 * must be the articles one pass per dimension finds (the query with the other filters), and the
 * answer's counts Lucene's stock DrillSideways'.
 */
class SidewaysPassTest {

  @TempDir static Path tmp;

  private static SearchService search;

  /** Queries of the mix's kinds: match-all, a frequent and a rarer word, OR, a phrase, a prefix. */
  private static final List<String> QUERIES =
      List.of("", "said", "oil", "trade OR tariffs", "\"the company\"", "bank*", "prices NOT oil");

  @BeforeAll
  static void indexTwoReutersFiles() throws IOException {
    search = SearchService.readOnly(TestIndexes.reutersSample(tmp));
  }

  @AfterAll
  static void close() throws IOException {
    if (search != null) {
      search.close();
    }
  }

  /** Requests with one, two and three filtered dimensions (some with two values), some dated. */
  private static List<SearchRequest> requests() throws IOException {
    Map<String, List<String>> top = new HashMap<>();
    search.withSearcher(
        s -> {
          for (String dim : List.of(Schema.PLACE, Schema.ORGANIZATION, Schema.PERSON)) {
            top.put(
                dim,
                FacetValue.top(((FacetSearcher) s).everyArticle(), dim, 4).stream()
                    .map(FacetValue::value)
                    .toList());
          }
          return null;
        });
    List<Map<String, List<String>>> filters = new ArrayList<>();
    List<String> places = top.get(Schema.PLACE);
    List<String> orgs = top.get(Schema.ORGANIZATION);
    List<String> people = top.get(Schema.PERSON);
    for (int i = 0; i < 3; i++) {
      filters.add(filters(Schema.PLACE, List.of(places.get(i)), Schema.ORGANIZATION, orgs.get(i)));
      filters.add(filters(Schema.PERSON, List.of(people.get(i)), Schema.PLACE, places.get(i + 1)));
    }
    filters.add(filters(Schema.PLACE, places.subList(0, 2), Schema.ORGANIZATION, orgs.get(0)));
    filters.add(new LinkedHashMap<>(Map.of(Schema.PLACE, List.of(places.get(1)))));
    filters.add(new LinkedHashMap<>(Map.of(Schema.ORGANIZATION, orgs.subList(0, 2))));
    Map<String, List<String>> three =
        filters(Schema.PLACE, places, Schema.ORGANIZATION, orgs.get(0));
    three.put(Schema.PERSON, people.subList(0, 2));
    filters.add(three);
    List<SearchRequest> out = new ArrayList<>();
    for (String q : QUERIES) {
      for (Map<String, List<String>> f : filters) {
        out.add(new SearchRequest(q, f, null, null, SortOrder.RELEVANCE, 1, 10, null, 3, 10));
        out.add(
            new SearchRequest(
                q,
                f,
                LocalDate.of(1987, 3, 1),
                LocalDate.of(1987, 3, 5),
                SortOrder.NEWEST,
                1,
                10,
                null,
                3,
                10));
      }
    }
    return out;
  }

  private static Map<String, List<String>> filters(
      String dim, List<String> values, String other, String value) {
    Map<String, List<String>> f = new LinkedHashMap<>();
    f.put(dim, values);
    f.put(other, List.of(value));
    return f;
  }

  @Test
  void eachDimensionsMatchesAreWhatAPassWithTheOtherFiltersFinds() throws IOException {
    // requests; dimensions whose sideways matches outnumber the matches; requests with matches;
    // hits
    int[] seen = new int[4];
    for (SearchRequest request : requests()) {
      search.withSearcher(
          s -> {
            DrillDownQuery ddq =
                SearchPlan.drillDown(s.rewrite(QueryFactory.parse(request.query())), request);
            Sort sort = SearchPlan.sort(request.sort());
            SidewaysPass.Result passed =
                SidewaysPass.run(
                    s, ddq, new TopFieldCollectorManager(sort, 11, null, 1000), Deadline.NONE);
            List<String> dims = new ArrayList<>(request.filters().keySet());
            String what = request.query() + " " + request.filters() + " " + request.from();
            // the top hits, scores and all, as a top-hits pass of the drill-down ranks them
            TopFieldDocs alone = s.search(ddq, new TopFieldCollectorManager(sort, 11, null, 1000));
            assertEquals(ranked(alone), ranked(passed.top()), what);
            seen[3] += alone.scoreDocs.length;
            List<Integer> all = docs(s, passed.all());
            assertEquals(docs(s, s.search(ddq, new FacetsCollectorManager())), all, what);
            for (int i = 0; i < dims.size(); i++) {
              Map<String, List<String>> others = new LinkedHashMap<>(request.filters());
              others.remove(dims.get(i));
              DrillDownQuery without =
                  SearchPlan.drillDown(
                      s.rewrite(QueryFactory.parse(request.query())), request.withFilters(others));
              List<Integer> sideways = docs(s, passed.sideways().get(i));
              assertEquals(
                  docs(s, s.search(without, new FacetsCollectorManager())),
                  sideways,
                  what + " / " + dims.get(i));
              seen[1] += sideways.size() > all.size() ? 1 : 0;
            }
            seen[0]++;
            seen[2] += all.isEmpty() ? 0 : 1;
            return null;
          });
    }
    assertEquals(QUERIES.size() * 20, seen[0]);
    assertTrue(seen[1] > 100, "dimensions whose own filter was left out to effect: " + seen[1]);
    assertTrue(seen[2] > 30, "requests with matches: " + seen[2]);
    assertTrue(seen[3] > 300, "top hits compared: " + seen[3]);
  }

  @Test
  void answersCountAsLuceneOwnDrillSideways() throws IOException {
    int compared = 0;
    for (SearchRequest request : requests()) {
      SearchResponse ours = search.search(request);
      Map<String, List<FacetValue>> lucene = new HashMap<>();
      long total =
          search.withSearcher(
              s -> {
                DrillDownQuery ddq =
                    SearchPlan.drillDown(s.rewrite(QueryFactory.parse(request.query())), request);
                DrillSideways.DrillSidewaysResult r =
                    new DrillSideways(s, Schema.facetsConfig(), ((FacetSearcher) s).facetState())
                        .search(ddq, 10);
                for (String dim : Schema.FACET_DIMS) {
                  lucene.put(dim, FacetValue.top(r.facets, dim, 10));
                }
                return (long) s.count(ddq);
              });
      String what = request.query() + " " + request.filters() + " " + request.from();
      assertEquals(total, ours.total(), what);
      for (String dim : Schema.FACET_DIMS) {
        assertEquals(lucene.get(dim), ours.facets().get(dim), what + " / " + dim);
        compared += lucene.get(dim).size();
      }
    }
    assertTrue(compared > 1000, "facet values compared: " + compared);
  }

  /** Each top hit's doc, score and sort values. */
  private static List<String> ranked(TopFieldDocs top) {
    List<String> out = new ArrayList<>();
    for (var sd : top.scoreDocs) {
      out.add(sd.doc + " " + sd.score + " " + java.util.Arrays.toString(((FieldDoc) sd).fields));
    }
    return out;
  }

  /** The global doc ids {@code hits} holds, in order. */
  private static List<Integer> docs(IndexSearcher s, FacetsCollector hits) throws IOException {
    List<Integer> out = new ArrayList<>();
    for (FacetsCollector.MatchingDocs md : hits.getMatchingDocs()) {
      if (md.bits() == null) {
        continue;
      }
      DocIdSetIterator it = md.bits().iterator();
      if (it == null) {
        continue;
      }
      for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
        out.add(md.context().docBase + d);
      }
    }
    out.sort(null);
    return out;
  }
}
