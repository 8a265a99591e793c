package org.dateline.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.dateline.search.facet.FacetSearcher;

/** One page of hits, what they are counted out of, and the cursor of the next page (or null). */
record HitPage(List<Hit> hits, long total, String next) {

  /**
   * The page of {@code top} (one more than the page when a next page exists) from {@code offset}.
   */
  static HitPage of(
      ScoreDoc[] top, long total, SearchRequest request, int offset, HitBuilder builder)
      throws IOException {
    List<Hit> hits = new ArrayList<>();
    int end = Math.min(top.length, offset + request.size());
    for (int i = offset; i < end; i++) {
      hits.add(builder.build((FieldDoc) top[i], request.sort()));
    }
    String next =
        top.length > offset + request.size()
            ? Cursor.encode(request.sort(), (FieldDoc) top[end - 1])
            : null;
    return new HitPage(hits, total, next);
  }

  /**
   * One hit per story ({@link StoryCollapse}), counted in stories, paged by number only; {@code
   * plain} is the same search without collapsing, whose passes it reuses.
   */
  static HitPage ofStories(
      FacetSearcher searcher,
      SearchRequest request,
      Query rewritten,
      int offset,
      HitBuilder builder,
      Deadline deadline,
      SearchPlan.Answer plain)
      throws IOException {
    StoryCollapse.Page stories =
        StoryCollapse.page(
            searcher,
            SearchPlan.drillDown(rewritten, request),
            request.sort(),
            offset,
            request.size(),
            deadline,
            plain.top().scoreDocs,
            plain.matching());
    List<Hit> hits = new ArrayList<>();
    for (FieldDoc fd : stories.hits().subList(0, Math.min(stories.hits().size(), request.size()))) {
      hits.add(builder.build(fd, request.sort()));
    }
    return new HitPage(hits, stories.stories(), null);
  }
}
