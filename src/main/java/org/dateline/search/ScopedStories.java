package org.dateline.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.dateline.index.StoryStamp;

/**
 * Stories as a reader limited to a {@link CopyScope} sees them: a story's summary and its copy list
 * are counted over the copies the scope admits, so the copies outside it stay unseen (not their
 * number, outlets, dates or the earliest copy). Thread-safe.
 */
public final class ScopedStories {

  private final SearchService search;
  private final CopyScope scope;

  public ScopedStories(SearchService search, CopyScope scope) {
    this.search = search;
    this.scope = scope;
  }

  /** The story {@code id} over the copies in scope; null when it has none in scope (or no such). */
  public StoryDetail detail(String id) throws IOException {
    Long story = StoryStamp.parse(id);
    return story == null
        ? null
        : search.withSearcher(searcher -> StoryDiff.detail(searcher, story, scope));
  }

  /** {@code hit} with its story summary counted over the copies in scope. */
  public Hit narrow(Hit hit) throws IOException {
    if (hit.story() == null) {
      return hit;
    }
    long story = StoryStamp.parse(hit.story().id());
    StorySummary summary =
        search.withSearcher(
            searcher -> {
              var copies = StoryLookup.copies(searcher, story, scope);
              return copies.isEmpty() ? null : StoryLookup.summary(story, copies);
            });
    return hit.withStory(summary);
  }

  /** {@code response} with every hit's story summary counted over the copies in scope. */
  public SearchResponse narrow(SearchResponse response) throws IOException {
    List<Hit> hits = new ArrayList<>(response.hits().size());
    for (Hit hit : response.hits()) {
      hits.add(narrow(hit));
    }
    return response.withHits(hits);
  }
}
