package org.dateline.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.dateline.index.Schema;

/**
 * {@code collapse=story}: one hit per story, the copy that comes first in the request's order (the
 * best-scoring one by relevance, the newest or the oldest by date), the stories in that order.
 * Every match is visited (the number of stories needs them all), keeping one best copy per story.
 * Stateless; one collector per slice.
 */
final class StoryCollapse {

  /** One page of stories: their best copies, how many stories and articles match, more or not. */
  record Page(List<FieldDoc> hits, long stories, long articles, boolean more) {}

  /** The best copy of one story so far; {@code dateMs} already stands in for "undated". */
  private record Best(int doc, float score, long dateMs) {}

  private StoryCollapse() {}

  /**
   * The stories ranked {@code offset} to {@code offset + size} among the matches of {@code query}.
   */
  static Page page(
      IndexSearcher searcher, Query query, SortOrder sort, int offset, int size, Deadline deadline)
      throws IOException {
    Grouped all = searcher.search(query, deadline.bound(new Manager(sort)));
    List<Best> ranked = new ArrayList<>(all.best.values());
    ranked.sort(order(sort));
    List<FieldDoc> hits = new ArrayList<>();
    for (int i = offset; i < Math.min(ranked.size(), offset + size); i++) {
      Best b = ranked.get(i);
      hits.add(new FieldDoc(b.doc, b.score, new Object[] {b.score}));
    }
    return new Page(hits, ranked.size(), all.articles, ranked.size() > offset + size);
  }

  /** First in the order of {@code sort}; ties by doc id. */
  private static Comparator<Best> order(SortOrder sort) {
    Comparator<Best> first =
        switch (sort) {
          case RELEVANCE -> Comparator.comparingDouble((Best b) -> -b.score);
          case NEWEST -> Comparator.comparingLong(Best::dateMs).reversed();
          case OLDEST -> Comparator.comparingLong((Best b) -> b.dateMs);
        };
    return first.thenComparingInt(Best::doc);
  }

  /** Best copy by story, and the articles counted, of one slice or of all. */
  private static final class Grouped {
    final Map<Long, Best> best = new HashMap<>();
    long articles;

    void offer(long story, Best b, Comparator<Best> order) {
      best.merge(story, b, (old, now) -> order.compare(now, old) < 0 ? now : old);
    }
  }

  private static final class Manager implements CollectorManager<GroupingCollector, Grouped> {
    private final SortOrder sort;

    Manager(SortOrder sort) {
      this.sort = sort;
    }

    @Override
    public GroupingCollector newCollector() {
      return new GroupingCollector(sort);
    }

    @Override
    public Grouped reduce(Collection<GroupingCollector> collectors) {
      Grouped all = new Grouped();
      Comparator<Best> order = order(sort);
      for (GroupingCollector c : collectors) {
        all.articles += c.grouped.articles;
        c.grouped.best.forEach((story, b) -> all.offer(story, b, order));
      }
      return all;
    }
  }

  private static final class GroupingCollector implements Collector {
    private final SortOrder sort;
    private final Comparator<Best> order;
    final Grouped grouped = new Grouped();

    GroupingCollector(SortOrder sort) {
      this.sort = sort;
      this.order = order(sort);
    }

    @Override
    public ScoreMode scoreMode() {
      return sort == SortOrder.RELEVANCE ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      NumericDocValues stories = DocValues.getNumeric(context.reader(), Schema.STORY);
      NumericDocValues dates = DocValues.getNumeric(context.reader(), Schema.DATE);
      long undated = sort == SortOrder.NEWEST ? Long.MIN_VALUE : Long.MAX_VALUE;
      int base = context.docBase;
      return new LeafCollector() {
        private Scorable scorer;

        @Override
        public void setScorer(Scorable s) {
          scorer = s;
        }

        @Override
        public void collect(int doc) throws IOException {
          grouped.articles++;
          float score = sort == SortOrder.RELEVANCE ? scorer.score() : 0f;
          long date = dates.advanceExact(doc) ? dates.longValue() : undated;
          // Every article has a story; one without (never expected) stands alone.
          long story = stories.advanceExact(doc) ? stories.longValue() : base + doc;
          grouped.offer(story, new Best(base + doc, score, date), order);
        }
      };
    }
  }
}
