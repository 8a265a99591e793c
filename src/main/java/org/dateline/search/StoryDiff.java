package org.dateline.search;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.dateline.enrich.Article;
import org.dateline.enrich.story.StoryText;
import org.dateline.index.StoryStamp;

/**
 * What each copy of a story changed against the earliest copy, word by word (java-diff-utils' Myers
 * diff over the story words of {@link StoryText}), computed when asked, never at ingest. Stateless.
 */
final class StoryDiff {

  private StoryDiff() {}

  /** The story {@code story} with its copies measured, or null when no article has it. */
  static StoryDetail detail(IndexSearcher searcher, long story) throws IOException {
    return detail(searcher, story, CopyScope.ALL);
  }

  /** The story measured over the copies {@code scope} admits, or null when it admits none. */
  static StoryDetail detail(IndexSearcher searcher, long story, CopyScope scope)
      throws IOException {
    List<Article> copies = StoryLookup.copies(searcher, story, scope);
    if (copies.isEmpty()) {
      return null;
    }
    StorySummary summary = StoryLookup.summary(story, copies);
    List<String> first = StoryText.words(copies.get(0).text());
    List<StoryDetail.Copy> out = new ArrayList<>(copies.size());
    for (Article a : copies) {
      out.add(measure(a, first));
    }
    return new StoryDetail(
        StoryStamp.format(story), summary.copies(), summary.outlets(), summary.first(), out);
  }

  /** One copy against the first copy's words {@code first}. */
  static StoryDetail.Copy measure(Article copy, List<String> first) {
    Patch<String> patch = DiffUtils.diff(first, StoryText.words(copy.text()));
    int added = 0;
    int removed = 0;
    for (AbstractDelta<String> delta : patch.getDeltas()) {
      removed += delta.getSource().size();
      added += delta.getTarget().size();
    }
    double kept = first.isEmpty() ? 1.0 : (double) (first.size() - removed) / first.size();
    return new StoryDetail.Copy(
        copy.id(),
        copy.title(),
        copy.outlet(),
        HitBuilder.isoDate(copy),
        Math.round(kept * 1000) / 1000.0,
        added,
        removed);
  }
}
