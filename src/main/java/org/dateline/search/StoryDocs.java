package org.dateline.search;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.dateline.index.Schema;
import org.dateline.index.SegmentCoreCache;
import org.dateline.index.ValueDocs;

/**
 * The documents of one story, found on the calling thread. Every hit of every page asks for its
 * story's copies, and a point query per hit (a walk of each segment's BKD tree and a decoded leaf
 * block per segment) was an eighth of a search's CPU on Reuters; each segment's stories are instead
 * read once from their doc values into a table sorted by story (12 bytes a document, dropped with
 * the segment), where a story's documents are one binary search away. Deleted documents are left
 * out at look-up, against the reader's live documents. A segment without the story doc values (an
 * index written before they were) is asked by point query as before.
 */
final class StoryDocs {

  /** Per segment core (its doc values never change): its documents sorted by story. */
  private static final SegmentCoreCache<Table> TABLES = new SegmentCoreCache<>(StoryDocs::read);

  private StoryDocs() {}

  /** The global ids of up to {@code max} documents of story {@code story}, ascending. */
  static int[] of(IndexSearcher searcher, long story, int max) throws IOException {
    Weight weight = null; // made for the first segment without doc values, if any
    int[] out = new int[4];
    int n = 0;
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      if (n >= max) {
        break;
      }
      Bits live = leaf.reader().getLiveDocs();
      Table table = tableOf(leaf.reader());
      DocIdSetIterator it;
      if (table != null) {
        it = table.docs(story);
      } else {
        if (weight == null) {
          weight =
              LongPoint.newExactQuery(Schema.STORY, story)
                  .createWeight(searcher, ScoreMode.COMPLETE_NO_SCORES, 1f);
        }
        Scorer scorer = weight.scorer(leaf);
        it = scorer == null ? null : scorer.iterator();
      }
      if (it == null) {
        continue;
      }
      for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS && n < max; d = it.nextDoc()) {
        if (live == null || live.get(d)) {
          if (n == out.length) {
            out = Arrays.copyOf(out, n * 2);
          }
          out[n++] = leaf.docBase + d;
        }
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** The table of {@code leaf}, read on first use; null when it has no story doc values. */
  private static Table tableOf(LeafReader leaf) throws IOException {
    Table table = TABLES.get(leaf);
    return table == Table.NONE ? null : table;
  }

  /** A segment's table; {@link Table#NONE} when it has story points but no story doc values. */
  private static Table read(LeafReader leaf) throws IOException {
    if (leaf.getNumericDocValues(Schema.STORY) == null) {
      return leaf.getPointValues(Schema.STORY) == null ? Table.EMPTY : Table.NONE;
    }
    return Table.read(leaf);
  }

  /** A segment's documents with a story, ascending by story, then by document. */
  private record Table(long[] stories, int[] docs) {

    static final Table EMPTY = new Table(new long[0], new int[0]);

    /** Marks a segment asked by point query (written before the story doc values). */
    static final Table NONE = new Table(new long[0], new int[0]);

    static Table read(LeafReader leaf) throws IOException {
      ValueDocs sorted = ValueDocs.sorted(leaf.getNumericDocValues(Schema.STORY), leaf.maxDoc());
      return new Table(sorted.values(), sorted.docs());
    }

    /** The documents of {@code story} in this segment, ascending. */
    DocIdSetIterator docs(long story) {
      int at = Arrays.binarySearch(stories, story);
      if (at < 0) {
        return null;
      }
      int from = at;
      while (from > 0 && stories[from - 1] == story) {
        from--;
      }
      int to = at + 1;
      while (to < stories.length && stories[to] == story) {
        to++;
      }
      return new Run(docs, from, to);
    }
  }

  /** Documents {@code docs[from..to)}, already ascending. */
  private static final class Run extends DocIdSetIterator {
    private final int[] docs;
    private final int to;
    private final long cost;
    private int at;
    private int doc = -1;

    Run(int[] docs, int from, int to) {
      this.docs = docs;
      this.to = to;
      this.cost = to - from;
      this.at = from - 1;
    }

    @Override
    public int docID() {
      return doc;
    }

    @Override
    public int nextDoc() {
      at++;
      doc = at < to ? docs[at] : NO_MORE_DOCS;
      return doc;
    }

    @Override
    public int advance(int target) {
      int d = nextDoc();
      while (d < target) {
        d = nextDoc();
      }
      return d;
    }

    @Override
    public long cost() {
      return cost;
    }
  }
}
