package org.dateline.search.facet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.dateline.TestIndexes;
import org.dateline.index.Schema;
import org.dateline.search.QueryFactory;
import org.dateline.search.SearchService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Counting a dense query from its complement gives exactly Lucene's direct counts (and the same
 * date histogram), on the seeds indexed in two runs (two segments), one of them then half deleted
 * by a re-index.
 */
class ComplementFacetsTest {

  @TempDir Path dir;
  @TempDir Path seeds;

  @Test
  void complementCountsEqualDirectCounts() throws IOException {
    List<Path> files;
    try (var s = Files.list(TestIndexes.SEEDS)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    // two index runs: two segments; the second run rewrites one file of the first (a deletion)
    for (int i = 0; i < files.size(); i++) {
      Files.copy(files.get(i), seeds.resolve(files.get(i).getFileName()));
      if (i == files.size() / 2) {
        TestIndexes.index(dir, false, seeds);
      }
    }
    Files.writeString(
        seeds.resolve(files.get(0).getFileName()),
        Files.readString(files.get(0)) + "\n\nUpdated: the story was corrected.");
    TestIndexes.index(dir, false, seeds);

    try (SearchService search = SearchService.readOnly(dir)) {
      search.withSearcher(
          s -> {
            FacetSearcher searcher = (FacetSearcher) s;
            int compared = 0;
            for (String q :
                List.of("*", "the", "Islamic State", "said OR the", "Bali", "nosuchword")) {
              FacetsCollector hits =
                  searcher.search(QueryFactory.parse(q), new FacetsCollectorManager());
              Facets direct = new SortedSetDocValuesFacetCounts(searcher.facetState(), hits);
              FacetsCollector outside = ComplementFacets.outside(searcher, hits);
              Facets complement = ComplementFacets.of(searcher, outside);
              // the histogram three ways: sorting the hits' days, per-day counts, every day minus
              // the days of the articles left out
              for (LocalDate[] range :
                  new LocalDate[][] {
                    {null, null}, {LocalDate.of(2019, 2, 1), LocalDate.of(2019, 3, 31)}
                  }) {
                List<FacetValue> sorted = DateHistogram.compute(hits, range[0], range[1]);
                assertEquals(sorted, searcher.histogram(hits, null, range[0], range[1]), q);
                assertEquals(sorted, searcher.histogram(hits, outside, range[0], range[1]), q);
              }
              for (String dim : Schema.FACET_DIMS) {
                List<String> expected = top(direct, dim);
                assertEquals(expected, top(complement, dim), q + " / " + dim);
                compared += expected.isEmpty() ? 0 : 1;
              }
            }
            // the (query, dimension) pairs that have counts on the seeds: a comparison of two empty
            // lists proves nothing, so their number is pinned (of 6 queries x 7 dimensions)
            assertEquals(20, compared);
            return null;
          });
    }
  }

  private static List<String> top(Facets facets, String dim) throws IOException {
    FacetResult r = facets.getTopChildren(100, dim);
    List<String> out = new ArrayList<>();
    if (r != null) {
      for (var lv : r.labelValues) {
        out.add(lv.label + "=" + lv.value);
      }
    }
    return out;
  }
}
