package org.dateline.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dateline.TestIndexes;
import org.dateline.pipeline.IngestReport;
import org.dateline.search.SearchRequest;
import org.dateline.search.SearchResponse;
import org.dateline.search.SearchService;
import org.dateline.search.SortOrder;
import org.dateline.search.facet.FacetValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** All of Reuters-21578 from ../shared, when present: every story, dated, in 1987. */
class ReutersIT {

  @TempDir Path index;

  @Test
  void everyStoryIsIndexedOnceWithItsDate() throws IOException {
    Path corpus = TestIndexes.sharedCorpus("reuters21578");
    assumeTrue(corpus != null, "../shared/corpus/reuters21578 is absent: skipped");
    Path sgm = corpus.resolve("sgm");
    IngestReport report = TestIndexes.index(index, false, sgm);
    assertEquals(22, report.filesIndexed());
    assertEquals(21_578, report.articlesWritten());
    assertEquals(List.of(), report.failures());
    try (SearchService search = SearchService.readOnly(index)) {
      SearchResponse all =
          search.search(
              new SearchRequest("", Map.of(), null, null, SortOrder.OLDEST, 1, 1, null, 0, 10));
      assertEquals(21_578, all.total());
      assertEquals("1987-02-26T15:01:01Z", all.hits().get(0).date());
      assertEquals(List.of(new FacetValue("Reuters", 21_578)), all.facets().get("outlet"));
      FacetValue undated = all.facets().get("date").get(all.facets().get("date").size() - 1);
      assertEquals(new FacetValue("undated", 0), undated, "every story has a <DATE>");
      SearchResponse newest =
          search.search(
              new SearchRequest("", Map.of(), null, null, SortOrder.NEWEST, 1, 1, null, 0, 10));
      assertEquals("1987-10-20T", newest.hits().get(0).date().substring(0, 11));
      SearchResponse cocoa = search.search(SearchRequest.of("cocoa"));
      assertTrue(cocoa.total() > 50, "cocoa hits: " + cocoa.total());
    }
    IngestReport again = TestIndexes.index(index, false, sgm);
    assertEquals(0, again.filesIndexed(), "a second run adds nothing");
    assertEquals(22, again.filesUnchanged());
  }
}
