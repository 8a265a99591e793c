package org.dateline.pipeline;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.DocIdSet;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.dateline.index.MinHashTerms;
import org.dateline.index.Schema;
import org.dateline.index.SegmentCoreCache;

/**
 * The story lookup's candidates: the articles within {@link StoryWindow} of a date that share at
 * least {@code minShared} MinHash values with the new article, scored by how many. Matches and
 * scores are those of the window leading the MinHash term clauses ({@link #byTerms}); what differs
 * is how each segment is asked, chosen by cost. A segment where the window holds at most {@link
 * #MAX_WINDOW_DOCS} articles, each written with its {@link Schema#MINHASH_VALUES}, has those
 * articles' values compared in memory with the new one's (a few hundred articles at 1 M, about 100
 * bytes each); elsewhere (a dense window, a segment written before schema 11) the 64 MinHash terms
 * are looked up as before. A term look-up costs as much as comparing about a dozen articles, and a
 * segment the window meets costs 64 of them however few articles it holds there: that was the
 * lookup's whole cost on an archive whose segments each span every year (a bulk load in random date
 * order). Immutable; thread-safe.
 */
final class StoryWindowSharing extends Query {

  /**
   * The most window articles (the points' estimate) a segment compares directly; more, and the
   * terms are asked. Not calibrated: at 1 M in random order an article compared cost about 0.45 us
   * and a segment's 64 term look-ups about 350 us, a break-even near 800 articles, but the articles
   * of a date-ordered segment lie together and cost less each (docs/figures-issue-16.md, session
   * 13). The points' estimate can exceed the window by about a leaf (512): the bar is that
   * break-even plus a leaf and some, so a dense window costs at most about twice the terms.
   */
  static final int MAX_WINDOW_DOCS = 1536;

  /**
   * Per segment core: whether every article with MinHash terms has its {@link
   * Schema#MINHASH_VALUES} (false in a segment written, or merged from one written, before schema
   * 11).
   */
  private static final SegmentCoreCache<Boolean> COMPLETE =
      new SegmentCoreCache<>(StoryWindowSharing::count);

  private final long dateMs;
  private final int[] values;
  private final int minShared;

  StoryWindowSharing(long dateMs, int[] values, int minShared) {
    this.dateMs = dateMs;
    this.values = values.clone();
    this.minShared = minShared;
  }

  /** The same matches and scores asked of the MinHash terms in every segment (before schema 11). */
  static Query byTerms(long dateMs, int[] values, int minShared) {
    return StoryWindow.leading(MinHashTerms.sharing(values, minShared), dateMs);
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost)
      throws IOException {
    Weight window =
        searcher.createWeight(
            searcher.rewrite(StoryWindow.around(dateMs)), ScoreMode.COMPLETE_NO_SCORES, 1);
    byte[] kept = MinHashTerms.kept(values);
    return new Weight(this) {
      /** The term path's weight, made when a segment first needs it (its terms are per segment). */
      private Weight terms;

      private synchronized Weight terms() throws IOException {
        if (terms == null) {
          terms =
              searcher.createWeight(
                  searcher.rewrite(byTerms(dateMs, values, minShared)), scoreMode, boost);
        }
        return terms;
      }

      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
        ScorerSupplier inWindow = window.scorerSupplier(context);
        if (inWindow == null) {
          return null; // nothing of this segment is within the window: no term looked up
        }
        if (inWindow.cost() > MAX_WINDOW_DOCS || !complete(context.reader())) {
          return terms().scorerSupplier(context);
        }
        DocIdSetIterator docs =
            WithoutLocalDate.of(context.reader()) == DocIdSet.EMPTY
                ? windowDocs(context.reader())
                : inWindow.get(MAX_WINDOW_DOCS).iterator();
        BinaryDocValues packed = context.reader().getBinaryDocValues(Schema.MINHASH_VALUES);
        DocList found = new DocList();
        float[] shared = new float[64];
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
          if (packed == null || !packed.advanceExact(doc)) {
            continue; // a short text: it has no MinHash values (nor terms)
          }
          int s = MinHashTerms.sharedSlots(kept, packed.binaryValue());
          if (s >= minShared) {
            if (found.n == shared.length) {
              shared = Arrays.copyOf(shared, found.n * 2);
            }
            shared[found.n] = s * boost;
            found.add(doc);
          }
        }
        if (found.n == 0) {
          return null;
        }
        Scorer scorer = new ListedScorer(found, shared);
        long cost = found.n;
        return new ScorerSupplier() {
          @Override
          public Scorer get(long leadCost) {
            return scorer;
          }

          @Override
          public long cost() {
            return cost;
          }
        };
      }

      @Override
      public org.apache.lucene.search.Explanation explain(LeafReaderContext context, int doc)
          throws IOException {
        return terms().explain(context, doc);
      }

      @Override
      public boolean isCacheable(LeafReaderContext ctx) {
        return false; // one lookup, one query: nothing to reuse
      }
    };
  }

  /**
   * The articles of a segment where every article has a local date that are within the window, in
   * order: those whose local date lies a day or more inside it (an offset is at most 18 hours, so
   * their instant is inside too) as the points give them, the others (near its edges) checked on
   * their {@link Schema#DATE}, as {@link StoryWindow#around} does. Reading each window article's
   * date was a quarter of this query's time at 1 M (a random access per article).
   */
  private DocIdSetIterator windowDocs(LeafReader reader) throws IOException {
    long lo = dateMs - StoryAssigner.WINDOW.toMillis();
    long hi = dateMs + StoryAssigner.WINDOW.toMillis();
    long outerLo = lo - StoryWindow.OFFSET_MARGIN_MS;
    long outerHi = hi + StoryWindow.OFFSET_MARGIN_MS;
    long innerLo = lo + StoryWindow.OFFSET_MARGIN_MS;
    long innerHi = hi - StoryWindow.OFFSET_MARGIN_MS;
    PointValues points = reader.getPointValues(Schema.LOCAL_DATE);
    if (points == null) {
      return DocIdSetIterator.empty();
    }
    DocList sure = new DocList();
    DocList edge = new DocList();
    points.intersect(
        new PointValues.IntersectVisitor() {
          @Override
          public void visit(int docID) {
            sure.add(docID); // a cell wholly inside the inner range
          }

          @Override
          public void visit(int docID, byte[] packedValue) {
            long local = LongPoint.decodeDimension(packedValue, 0);
            if (local >= innerLo && local <= innerHi) {
              sure.add(docID);
            } else if (local >= outerLo && local <= outerHi) {
              edge.add(docID);
            }
          }

          @Override
          public PointValues.Relation compare(byte[] minPacked, byte[] maxPacked) {
            long min = LongPoint.decodeDimension(minPacked, 0);
            long max = LongPoint.decodeDimension(maxPacked, 0);
            if (max < outerLo || min > outerHi) {
              return PointValues.Relation.CELL_OUTSIDE_QUERY;
            }
            return min >= innerLo && max <= innerHi
                ? PointValues.Relation.CELL_INSIDE_QUERY
                : PointValues.Relation.CELL_CROSSES_QUERY;
          }
        });
    edge.sort();
    NumericDocValues dates = reader.getNumericDocValues(Schema.DATE);
    DocList all = sure;
    for (int i = 0; i < edge.n; i++) {
      int doc = edge.docs[i];
      if (dates != null && dates.advanceExact(doc)) {
        long ms = dates.longValue();
        if (ms >= lo && ms <= hi) {
          all.add(doc);
        }
      }
    }
    all.sort();
    return all.iterator();
  }

  /** A growing list of documents. */
  private static final class DocList {
    private int[] docs = new int[64];
    private int n;

    void add(int doc) {
      if (n == docs.length) {
        docs = Arrays.copyOf(docs, n * 2);
      }
      docs[n++] = doc;
    }

    void sort() {
      Arrays.sort(docs, 0, n);
    }

    Walk iterator() {
      return new Walk(this);
    }
  }

  /** The documents of a {@link DocList} in its order; {@link #at} is the position. */
  private static final class Walk extends DocIdSetIterator {
    private final DocList list;
    private int at = -1;

    Walk(DocList list) {
      this.list = list;
    }

    @Override
    public int docID() {
      return at < 0 ? -1 : at < list.n ? list.docs[at] : NO_MORE_DOCS;
    }

    @Override
    public int nextDoc() {
      at++;
      return docID();
    }

    @Override
    public int advance(int target) {
      do {
        at++;
      } while (at < list.n && list.docs[at] < target);
      return docID();
    }

    @Override
    public long cost() {
      return list.n;
    }
  }

  /**
   * Whether every article of {@code reader} with MinHash terms has its packed values, found once
   * per segment core (both counts include deleted articles, which are written with both or none).
   */
  static boolean complete(LeafReader reader) throws IOException {
    return COMPLETE.get(reader);
  }

  private static boolean count(LeafReader reader) throws IOException {
    Terms terms = reader.terms(Schema.MINHASH);
    int withTerms = terms == null ? 0 : terms.getDocCount();
    BinaryDocValues packed = reader.getBinaryDocValues(Schema.MINHASH_VALUES);
    int withValues = 0;
    if (packed != null) {
      while (packed.nextDoc() != DocIdSetIterator.NO_MORE_DOCS) {
        withValues++;
      }
    }
    return withValues == withTerms;
  }

  /** Documents in increasing order with their scores, as listed. */
  private static final class ListedScorer extends Scorer {
    private final Walk walk;
    private final float[] scores;
    private float max;

    ListedScorer(DocList docs, float[] scores) {
      this.walk = docs.iterator();
      this.scores = scores;
      for (int i = 0; i < docs.n; i++) {
        max = Math.max(max, scores[i]);
      }
    }

    @Override
    public int docID() {
      return walk.docID();
    }

    @Override
    public float score() {
      return scores[walk.at];
    }

    @Override
    public float getMaxScore(int upTo) {
      return max;
    }

    @Override
    public DocIdSetIterator iterator() {
      return walk;
    }
  }

  @Override
  public void visit(QueryVisitor visitor) {
    visitor.visitLeaf(this);
  }

  @Override
  public String toString(String field) {
    return "StoryWindowSharing(" + dateMs + ", " + minShared + " of " + values.length + ")";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoryWindowSharing s
        && dateMs == s.dateMs
        && minShared == s.minShared
        && Arrays.equals(values, s.values);
  }

  @Override
  public int hashCode() {
    return (Long.hashCode(dateMs) * 31 + Arrays.hashCode(values)) * 31 + minShared;
  }
}
