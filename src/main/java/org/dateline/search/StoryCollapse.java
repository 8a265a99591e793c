package org.dateline.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.dateline.index.Schema;

/**
 * {@code collapse=story}: one hit per story, the copy that comes first in the request's order (the
 * best-scoring one by relevance, the newest or the oldest by date), the stories in that order. The
 * stories are counted in a pass over the matches without scores; the page is read from the top hits
 * in the order a plain search ranks them (which skips, as a plain search does, what cannot
 * compete). Stateless; one collector per slice.
 */
final class StoryCollapse {

  /** One page of stories: their best copies, how many stories and articles match, more or not. */
  record Page(List<FieldDoc> hits, long stories, long articles, boolean more) {}

  /** The best copy of one story so far; {@code dateMs} already stands in for "undated". */
  private record Best(int doc, float score, long dateMs) {}

  /**
   * Deeper than this many stories (an export, which walks them all), the best copy of every story
   * is kept in one pass over the matches; above it, the top hits are read until the page is full.
   */
  private static final int MAX_RANKED = 10_000;

  /** Top hits asked for at least (and counted exactly before skipping what cannot compete). */
  private static final int MIN_HITS = 1000;

  private StoryCollapse() {}

  /**
   * The stories ranked {@code offset} to {@code offset + size} among the matches of {@code query}.
   */
  static Page page(
      IndexSearcher searcher, Query query, SortOrder sort, int offset, int size, Deadline deadline)
      throws IOException {
    long wanted = (long) offset + size + 1; // one more, to know whether more follow
    if (wanted > MAX_RANKED) {
      return everyStory(searcher, query, sort, offset, size, deadline);
    }
    Counted counted = searcher.search(query, deadline.bound(new CountingManager()));
    List<FieldDoc> firsts =
        firstCopies(searcher, query, sort, (int) wanted, counted.articles, deadline);
    List<FieldDoc> hits = firsts.subList(Math.min(offset, firsts.size()), firsts.size());
    return new Page(
        new ArrayList<>(hits.subList(0, Math.min(size, hits.size()))),
        counted.stories.size(),
        counted.articles,
        firsts.size() > offset + size);
  }

  /**
   * {@link #page}, reusing what the plain search of the same query found: its top hits (one more
   * than the page, in the request's order) and, unless null, its pass over every match. The stories
   * are counted from that pass instead of running the query again, and when its top holds the
   * page's stories each once (no copies crowd it), they are the page; the same answer as {@link
   * #page}.
   */
  static Page page(
      IndexSearcher searcher,
      Query query,
      SortOrder sort,
      int offset,
      int size,
      Deadline deadline,
      ScoreDoc[] plainTop,
      FacetsCollector matching)
      throws IOException {
    long wanted = (long) offset + size + 1;
    if (matching == null || wanted > MAX_RANKED) {
      return page(searcher, query, sort, offset, size, deadline);
    }
    Counted counted = new Counted();
    for (FacetsCollector.MatchingDocs md : matching.getMatchingDocs()) {
      counted.articles += md.totalHits();
      DocIdSetIterator docs = md.bits() == null ? null : md.bits().iterator();
      if (docs == null) {
        continue;
      }
      NumericDocValues stories = DocValues.getNumeric(md.context().reader(), Schema.STORY);
      int base = md.context().docBase;
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        counted.stories.add(stories.advanceExact(doc) ? stories.longValue() : base + doc);
      }
    }
    List<FieldDoc> firsts = firsts(plainTop, storiesOf(searcher, plainTop), (int) wanted);
    // The plain top is the first hits of the order firstCopies reads; it settles the page when it
    // gave a story per hit, or held every match.
    if (firsts.size() < wanted && plainTop.length >= wanted) {
      firsts = firstCopies(searcher, query, sort, (int) wanted, counted.articles, deadline);
    }
    List<FieldDoc> hits = firsts.subList(Math.min(offset, firsts.size()), firsts.size());
    return new Page(
        new ArrayList<>(hits.subList(0, Math.min(size, hits.size()))),
        counted.stories.size(),
        counted.articles,
        firsts.size() > offset + size);
  }

  /**
   * The first copy of each of the first {@code wanted} stories in the request's order: the top hits
   * in that order (ranked as a plain search ranks them, which may skip what cannot compete), read
   * until {@code wanted} stories have appeared; a story's first copy in that order is its best. A
   * page of stories whose copies crowd the top asks for four times as many hits, until it has them
   * or every match.
   */
  private static List<FieldDoc> firstCopies(
      IndexSearcher searcher,
      Query query,
      SortOrder sort,
      int wanted,
      long articles,
      Deadline deadline)
      throws IOException {
    int hits = (int) Math.min(articles, Math.max(MIN_HITS, (long) wanted * 4));
    while (true) {
      ScoreDoc[] top =
          searcher.search(
                  query,
                  deadline.bound(
                      new TopFieldCollectorManager(
                          SearchPlan.sort(sort), Math.max(1, hits), null, MIN_HITS)))
              .scoreDocs;
      List<FieldDoc> firsts = firsts(top, storiesOf(searcher, top), wanted);
      if (firsts.size() >= wanted || top.length < hits || hits >= articles) {
        return firsts;
      }
      hits = (int) Math.min(articles, Math.min(Integer.MAX_VALUE - 8, (long) hits * 4));
    }
  }

  /**
   * The first hit of each story among {@code top} (whose stories are {@code stories}), up to {@code
   * wanted}.
   */
  private static List<FieldDoc> firsts(ScoreDoc[] top, long[] stories, int wanted) {
    List<FieldDoc> firsts = new ArrayList<>();
    StoryIdSet seen = new StoryIdSet();
    for (int i = 0; i < top.length && firsts.size() < wanted; i++) {
      int before = seen.size();
      seen.add(stories[i]);
      if (seen.size() > before) {
        firsts.add((FieldDoc) top[i]);
      }
    }
    return firsts;
  }

  /** The story of each hit (hits in any order; doc values are read in doc order per segment). */
  private static long[] storiesOf(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
    Integer[] byDoc = new Integer[hits.length];
    for (int i = 0; i < hits.length; i++) {
      byDoc[i] = i;
    }
    Arrays.sort(byDoc, Comparator.comparingInt(i -> hits[i].doc));
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    long[] out = new long[hits.length];
    int leafIndex = -1;
    NumericDocValues stories = null;
    for (int i : byDoc) {
      int doc = hits[i].doc;
      int leaf = ReaderUtil.subIndex(doc, leaves);
      if (leaf != leafIndex) {
        leafIndex = leaf;
        stories = DocValues.getNumeric(leaves.get(leaf).reader(), Schema.STORY);
      }
      // Every article has a story; one without (never expected) stands alone.
      int local = doc - leaves.get(leaf).docBase;
      out[i] = stories.advanceExact(local) ? stories.longValue() : doc;
    }
    return out;
  }

  /** The stories and articles a query matches, counted without scoring. */
  private static final class Counted {
    final StoryIdSet stories = new StoryIdSet();
    long articles;
  }

  private static final class CountingManager implements CollectorManager<Counting, Counted> {
    @Override
    public Counting newCollector() {
      return new Counting();
    }

    @Override
    public Counted reduce(Collection<Counting> collectors) {
      Counted all = new Counted();
      for (Counting c : collectors) {
        all.articles += c.counted.articles;
        all.stories.addAll(c.counted.stories);
      }
      return all;
    }
  }

  private static final class Counting implements Collector {
    final Counted counted = new Counted();

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      NumericDocValues stories = DocValues.getNumeric(context.reader(), Schema.STORY);
      int base = context.docBase;
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable s) {}

        @Override
        public void collect(int doc) throws IOException {
          counted.articles++;
          counted.stories.add(stories.advanceExact(doc) ? stories.longValue() : base + doc);
        }
      };
    }
  }

  /**
   * Every story ranked {@code offset} to {@code offset + size} (any depth: an export walks them
   * all), from one pass that keeps the best copy of each story of every match.
   */
  static Page everyStory(
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
