package org.dateline.search;

import java.io.IOException;

/** The embedded Lucene index as a {@link SearchBackend}: {@link SearchService} as it is. */
public final class EmbeddedBackend implements SearchBackend {

  private final SearchService search;

  public EmbeddedBackend(SearchService search) {
    this.search = search;
  }

  @Override
  public SearchResponse search(SearchRequest request, boolean collapseStories) throws IOException {
    return search.search(request, collapseStories);
  }

  @Override
  public long export(SearchRequest request, boolean collapseStories, SearchService.HitSink sink)
      throws IOException {
    return search.export(request, collapseStories, sink);
  }

  @Override
  public DocumentView document(String id, String query) throws IOException {
    return search.document(id, query);
  }
}
