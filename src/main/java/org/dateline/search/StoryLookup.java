package org.dateline.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.dateline.enrich.Article;
import org.dateline.index.Schema;
import org.dateline.index.StoryStamp;

/** The copies of one story on one searcher, earliest first. Stateless. */
final class StoryLookup {

  /** Copies read for one story (a story this large is a wire feed's lifetime, not a story). */
  static final int MAX_COPIES = 1_000;

  /** Earliest dated first, undated last, ties by article id. */
  static final Comparator<Article> EARLIEST =
      Comparator.comparing(
              (Article a) -> a.date() == null ? Long.MAX_VALUE : a.date().instant().toEpochMilli())
          .thenComparing(Article::id);

  private StoryLookup() {}

  /** The articles of story {@code story}, earliest first (none when no article has it). */
  static List<Article> copies(IndexSearcher searcher, long story) throws IOException {
    return copies(searcher, story, CopyScope.ALL);
  }

  /** The copies of story {@code story} that {@code scope} admits, earliest first. */
  static List<Article> copies(IndexSearcher searcher, long story, CopyScope scope)
      throws IOException {
    return copies(searcher, searcher.storedFields(), story, scope, -1, null);
  }

  /**
   * {@link #copies(IndexSearcher, long, CopyScope)}, where document {@code knownDoc} is already
   * read as {@code known} (a hit of the page, one of its own story's copies): it is not read and
   * parsed a second time. Most stories have one copy, the hit itself. The copies are read through
   * {@code stored}, one of the searcher's readers of stored values.
   */
  private static List<Article> copies(
      IndexSearcher searcher,
      StoredFields stored,
      long story,
      CopyScope scope,
      int knownDoc,
      Article known)
      throws IOException {
    int[] docs = StoryDocs.of(searcher, story, MAX_COPIES);
    List<Article> out = new ArrayList<>(docs.length);
    for (int doc : docs) {
      Article copy = doc == knownDoc ? known : Schema.toArticle(stored.document(doc));
      if (scope.admits(copy)) {
        out.add(copy);
      }
    }
    out.sort(EARLIEST);
    return out;
  }

  /**
   * The summary of story {@code story} that hit {@code hitDoc}, read as {@code hit}, carries; other
   * copies are read through {@code stored}, one of the searcher's readers of stored values.
   */
  static StorySummary summary(
      IndexSearcher searcher, StoredFields stored, long story, int hitDoc, Article hit)
      throws IOException {
    return summary(story, copies(searcher, stored, story, CopyScope.ALL, hitDoc, hit));
  }

  static StorySummary summary(long story, List<Article> copies) {
    Set<String> outlets = new HashSet<>();
    for (Article a : copies) {
      if (a.outlet() != null) {
        outlets.add(a.outlet());
      }
    }
    Article first = copies.get(0);
    return new StorySummary(
        StoryStamp.format(story),
        copies.size(),
        outlets.size(),
        new StoryCopy(first.id(), first.outlet(), HitBuilder.isoDate(first)));
  }
}
