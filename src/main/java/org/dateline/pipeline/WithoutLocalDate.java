package org.dateline.pipeline;

import java.io.IOException;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSet;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitDocIdSet;
import org.apache.lucene.util.FixedBitSet;
import org.dateline.index.Schema;
import org.dateline.index.SegmentCoreCache;

/**
 * The part of {@link StoryWindow} the {@link Schema#LOCAL_DATE} points cannot find: the articles
 * without a local date (undated ones, and any written before that field existed), matched when they
 * are undated or their {@link Schema#DATE} lies in [{@code loMs}, {@code hiMs}]. Which documents
 * lack a local date is read once per segment and kept until the segment closes, so a lookup walks
 * only those documents (none, in an archive where everything is dated). Immutable; thread-safe.
 */
final class WithoutLocalDate extends Query {

  /** Per segment core: its documents without a local date ({@link DocIdSet#EMPTY} when none). */
  private static final SegmentCoreCache<DocIdSet> SETS =
      new SegmentCoreCache<>(WithoutLocalDate::compute);

  private final long loMs;
  private final long hiMs;

  WithoutLocalDate(long loMs, long hiMs) {
    this.loMs = loMs;
    this.hiMs = hiMs;
  }

  /** The documents of {@code reader} without a local date, computed once per segment core. */
  static DocIdSet of(LeafReader reader) throws IOException {
    return SETS.get(reader);
  }

  private static DocIdSet compute(LeafReader reader) throws IOException {
    FixedBitSet lacking = new FixedBitSet(reader.maxDoc());
    lacking.set(0, reader.maxDoc());
    NumericDocValues local = DocValues.getNumeric(reader, Schema.LOCAL_DATE);
    for (int doc = local.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = local.nextDoc()) {
      lacking.clear(doc);
    }
    int count = lacking.cardinality();
    return count == 0 ? DocIdSet.EMPTY : new BitDocIdSet(lacking, count);
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
    return new ConstantScoreWeight(this, boost) {
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
        DocIdSet set = of(context.reader());
        if (set == DocIdSet.EMPTY) {
          return null;
        }
        DocIdSetIterator lacking = set.iterator();
        NumericDocValues dates = DocValues.getNumeric(context.reader(), Schema.DATE);
        TwoPhaseIterator inWindow =
            new TwoPhaseIterator(lacking) {
              @Override
              public boolean matches() throws IOException {
                if (!dates.advanceExact(approximation.docID())) {
                  return true; // undated: always within the window
                }
                long ms = dates.longValue();
                return ms >= loMs && ms <= hiMs;
              }

              @Override
              public float matchCost() {
                return 2;
              }
            };
        return new DefaultScorerSupplier(new ConstantScoreScorer(score(), scoreMode, inWindow));
      }

      @Override
      public boolean isCacheable(LeafReaderContext ctx) {
        return DocValues.isCacheable(ctx, Schema.DATE, Schema.LOCAL_DATE);
      }
    };
  }

  @Override
  public void visit(QueryVisitor visitor) {
    visitor.visitLeaf(this);
  }

  @Override
  public String toString(String field) {
    return "WithoutLocalDate[" + loMs + " TO " + hiMs + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WithoutLocalDate w && loMs == w.loMs && hiMs == w.hiMs;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(loMs) * 31 + Long.hashCode(hiMs);
  }
}
