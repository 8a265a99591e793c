package org.dateline.search;

import java.io.IOException;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;

/**
 * Every hit of a request in its sort order, however many, read 1,000 at a time with search-after:
 * the export and the concordance walk it. The rewrite is bound by the search time limit; the walk
 * by the deadline it is given: none for an export (it streams for as long as its reader keeps
 * reading), the search time limit for the concordance (its answer is built whole before anything is
 * sent, so a client that gave up could not stop it).
 */
final class HitStream {

  private static final int PAGE = 1000;

  private final SearchService search;
  private final EntityService entities;

  HitStream(SearchService search, EntityService entities) {
    this.search = search;
    this.entities = entities;
  }

  /**
   * Visits the hits of {@code request}, each with up to {@code kwicLines} lines, until told stop.
   */
  void forEach(SearchRequest request, int kwicLines, SearchService.HitVisitor visitor)
      throws IOException {
    forEach(request, false, kwicLines, visitor);
  }

  /**
   * {@link #forEach(SearchRequest, int, SearchService.HitVisitor)}; with {@code collapseStories},
   * one hit per story ({@link StoryCollapse}: the copy first in the request's order), the stories
   * in that order.
   */
  void forEach(
      SearchRequest request,
      boolean collapseStories,
      int kwicLines,
      SearchService.HitVisitor visitor)
      throws IOException {
    forEach(request, collapseStories, kwicLines, Deadline.NONE, visitor);
  }

  /**
   * {@link #forEach(SearchRequest, boolean, int, SearchService.HitVisitor)}, the walk ending with
   * {@link SearchTimeoutException} once {@code walk} has passed.
   */
  void forEach(
      SearchRequest request,
      boolean collapseStories,
      int kwicLines,
      Deadline walk,
      SearchService.HitVisitor visitor)
      throws IOException {
    if (collapseStories && request.cursor() != null) {
      throw new BadRequestException("collapse=story walks every story: leave out cursor");
    }
    Query query = search.parse(request);
    search.withSearcher(
        searcher -> {
          Deadline rewriting = search.deadline();
          Query rewritten = search.rewrite(searcher, query, rewriting);
          // Built on the rewritten query, so that each page does not expand wildcards anew.
          DrillDownQuery ddq = SearchPlan.drillDown(rewritten, request);
          HitBuilder builder =
              new HitBuilder(
                  searcher,
                  rewritten,
                  search.nameQuery(searcher, entities.named(request.query()), request, rewriting),
                  kwicLines,
                  walk);
          if (collapseStories) {
            visitStories(searcher, ddq, request.sort(), builder, walk, visitor);
            return null;
          }
          Sort sort = SearchPlan.sort(request.sort());
          FieldDoc after =
              request.cursor() == null ? null : Cursor.decode(request.sort(), request.cursor());
          while (true) {
            TopDocs page =
                searcher.search(
                    ddq, walk.bound(new TopFieldCollectorManager(sort, PAGE, after, 1)));
            if (page.scoreDocs.length == 0) {
              return null;
            }
            for (var sd : page.scoreDocs) {
              walk.check();
              if (!visitor.visit(builder.build((FieldDoc) sd, request.sort()))) {
                return null;
              }
            }
            after = (FieldDoc) page.scoreDocs[page.scoreDocs.length - 1];
          }
        });
  }

  /** The best copy of every story matching {@code ddq}, in {@code sort} order, until told stop. */
  private static void visitStories(
      IndexSearcher searcher,
      Query ddq,
      SortOrder sort,
      HitBuilder builder,
      Deadline walk,
      SearchService.HitVisitor visitor)
      throws IOException {
    StoryCollapse.Page stories =
        StoryCollapse.page(searcher, ddq, sort, 0, Integer.MAX_VALUE, walk);
    for (FieldDoc fd : stories.hits()) {
      walk.check();
      if (!visitor.visit(builder.build(fd, sort))) {
        return;
      }
    }
  }
}
