package org.dateline.pipeline;

import java.io.IOException;
import java.util.List;
import org.dateline.enrich.Article;
import org.dateline.index.SourceFile;
import org.dateline.index.StoryStamp;

/**
 * Told of every file's articles once they are enriched, put in their stories and written to the
 * index writer, before any commit: what a server's saved searches (alerts) are matched against.
 * Called from the indexing threads, several files at a time: an implementation is thread-safe.
 */
@FunctionalInterface
public interface IngestHook {

  /** The articles of {@code source}, in the stories {@code stamps} names, one for one. */
  void written(SourceFile source, List<Article> articles, List<StoryStamp> stamps)
      throws IOException;

  /** Does nothing: indexing without alerts. */
  IngestHook NONE = (source, articles, stamps) -> {};
}
