package org.dateline.search;

import java.io.IOException;

/**
 * What answers searches: the embedded Lucene index ({@link EmbeddedBackend}, the default) or a
 * SolrCloud collection. The server parses requests, builds KWIC lines and streams exports the same
 * way for both; only the engine that finds, counts and pages differs. Implementations are
 * thread-safe.
 */
public interface SearchBackend {

  /**
   * One page of hits, the total, every facet and the date histogram of {@code request}; with {@code
   * collapseStories}, one hit per story.
   */
  SearchResponse search(SearchRequest request, boolean collapseStories) throws IOException;

  /**
   * Streams every hit of {@code request} in its sort order (with {@code collapseStories}, one per
   * story); returns how many were written.
   */
  long export(SearchRequest request, boolean collapseStories, SearchService.HitSink sink)
      throws IOException;

  /**
   * The article with this id, or null, with the spans of its text that {@code query} matches (none
   * when the query is null or blank).
   */
  DocumentView document(String id, String query) throws IOException;
}
