package org.dateline.pipeline;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
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
import org.apache.lucene.util.BytesRef;
import org.dateline.enrich.story.Fingerprint;
import org.dateline.index.MinHashTerms;
import org.dateline.index.Schema;
import org.dateline.index.SegmentCoreCache;
import org.dateline.index.ValueDocs;

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
   * The most window articles a segment compares directly (counted exactly from {@link ByDate}, or
   * the points' estimate where some article lacks a local date); more, and the terms are asked. Not
   * calibrated: at 1 M in random order an article compared cost about 0.45 us in session 13 and
   * about 0.3 us since session 14, a segment's 64 term look-ups about 350 us (break-even near 800
   * to 1,100 articles; docs/figures-issue-16.md). The points' estimate can exceed the window by
   * about a leaf (512): the bar is the break-even plus a leaf and some, so a dense window costs at
   * most about twice the terms.
   */
  static final int MAX_WINDOW_DOCS = 1536;

  /**
   * Per segment core: whether every article with MinHash terms has its {@link
   * Schema#MINHASH_VALUES} (false in a segment written, or merged from one written, before schema
   * 11).
   */
  private static final SegmentCoreCache<Boolean> COMPLETE =
      new SegmentCoreCache<>(StoryWindowSharing::count);

  /** Per segment core where every article has a local date: its articles by date. */
  private static final SegmentCoreCache<ByDate> BY_DATE = new SegmentCoreCache<>(ByDate::read);

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
    byte[] kept = MinHashTerms.kept(values);
    long[] keptWords = kept.length == PACKED_BYTES ? words(kept, 0) : null;
    long lo = dateMs - StoryAssigner.WINDOW.toMillis();
    long hi = dateMs + StoryAssigner.WINDOW.toMillis();
    return new Weight(this) {
      /** The term path's weight, made when a segment first needs it (its terms are per segment). */
      private Weight terms;

      /**
       * {@link StoryWindow#around}'s weight, for a segment holding articles without a local date.
       */
      private Weight window;

      private synchronized Weight terms() throws IOException {
        if (terms == null) {
          terms =
              searcher.createWeight(
                  searcher.rewrite(byTerms(dateMs, values, minShared)), scoreMode, boost);
        }
        return terms;
      }

      private synchronized Weight window() throws IOException {
        if (window == null) {
          window =
              searcher.createWeight(
                  searcher.rewrite(StoryWindow.around(dateMs)), ScoreMode.COMPLETE_NO_SCORES, 1);
        }
        return window;
      }

      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
        LeafReader reader = context.reader();
        DocIdSetIterator docs;
        if (WithoutLocalDate.of(reader) == DocIdSet.EMPTY) {
          // Every article has a local date, hence a date: the window is a run of the segment's
          // articles sorted by date, found by two binary searches (no point visited).
          ByDate byDate = BY_DATE.get(reader);
          int from = byDate.from(lo);
          int to = byDate.to(hi);
          if (from >= to) {
            return null; // nothing of this segment is within the window: no term looked up
          }
          if (to - from > MAX_WINDOW_DOCS || !complete(reader)) {
            return terms().scorerSupplier(context);
          }
          docs = byDate.docs(from, to);
        } else {
          ScorerSupplier inWindow = window().scorerSupplier(context);
          if (inWindow == null) {
            return null;
          }
          if (inWindow.cost() > MAX_WINDOW_DOCS || !complete(reader)) {
            return terms().scorerSupplier(context);
          }
          docs = inWindow.get(MAX_WINDOW_DOCS).iterator();
        }
        BinaryDocValues packed = reader.getBinaryDocValues(Schema.MINHASH_VALUES);
        DocList found = new DocList();
        float[] shared = new float[64];
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
          if (packed == null || !packed.advanceExact(doc)) {
            continue; // a short text: it has no MinHash values (nor terms)
          }
          BytesRef b = packed.binaryValue();
          int s =
              keptWords != null && b.length == PACKED_BYTES
                  ? sharedSlots(keptWords, b.bytes, b.offset)
                  : MinHashTerms.sharedSlots(kept, b);
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

  /** The packed values of {@link Fingerprint#MIN_HASHES} slots, 12 bits each. */
  static final int PACKED_BYTES = Fingerprint.MIN_HASHES * 12 / 8;

  private static final VarHandle BIG_ENDIAN_LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  /** The low 11 bits of each of four 12-bit slots. */
  private static final long LOW_11 = 0x7FF_7FF_7FF_7FFL;

  /** The top bit of each of four 12-bit slots. */
  private static final long TOP = 0x800_800_800_800L;

  /**
   * The {@link #PACKED_BYTES} packed values at {@code at} of {@code b} as 16 words of four slots
   * each (48 bits, the first slot highest), as {@link #sharedSlots(long[], byte[], int)} compares
   * them.
   */
  static long[] words(byte[] b, int at) {
    long[] w = new long[PACKED_BYTES / 6];
    for (int i = 0; i < w.length; i++) {
      w[i] = word(b, at, i);
    }
    return w;
  }

  private static long word(byte[] b, int at, int i) {
    // Eight bytes read where six are wanted: the last word is read ending at the value's end.
    return i < PACKED_BYTES / 6 - 1
        ? (long) BIG_ENDIAN_LONG.get(b, at + 6 * i) >>> 16
        : (long) BIG_ENDIAN_LONG.get(b, at + PACKED_BYTES - 8) & 0xFFFF_FFFF_FFFFL;
  }

  /**
   * {@link MinHashTerms#sharedSlots} of the {@link #PACKED_BYTES} packed values at {@code at} of
   * {@code b} and the new article's ({@link #words}), four slots at a time: in the XOR of two words
   * a slot is zero where they agree, and adding 0x7FF to a slot's low 11 bits carries into its top
   * bit exactly when those bits are not all zero (never beyond it). The window's every article is
   * compared: this took a third of the lookup's CPU byte by byte at 1 M.
   */
  static int sharedSlots(long[] keptWords, byte[] b, int at) {
    int differing = 0;
    for (int i = 0; i < keptWords.length; i++) {
      long x = word(b, at, i) ^ keptWords[i];
      differing += Long.bitCount((((x & LOW_11) + LOW_11) | x) & TOP);
    }
    return keptWords.length * 4 - differing;
  }

  /**
   * A segment's dated articles sorted by {@link Schema#DATE}, kept per segment core (12 bytes an
   * article: 12 MB at 1 M). In a segment where every article has a local date (so a date: {@link
   * Schema#toDocument} writes both or neither) the window is the run of it between two binary
   * searches: the same articles as {@link StoryWindow#around} finds there, since a local date is
   * within 18 hours of its instant, inside that query's range widened by a day. Walking the local
   * date's points for them (every leaf the window meets decoded) was a quarter of the lookup's CPU
   * at 1 M.
   */
  private record ByDate(long[] dates, int[] docs) {

    static ByDate read(LeafReader reader) throws IOException {
      ValueDocs sorted = ValueDocs.sorted(reader.getNumericDocValues(Schema.DATE), reader.maxDoc());
      return new ByDate(sorted.values(), sorted.docs());
    }

    /** The first position dated at or after {@code ms}. */
    int from(long ms) {
      int lo = 0;
      int hi = dates.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (dates[mid] < ms) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    /** The first position dated after {@code ms}. */
    int to(long ms) {
      return ms == Long.MAX_VALUE ? dates.length : from(ms + 1);
    }

    /** The documents at positions [{@code from}, {@code to}), in document order. */
    DocIdSetIterator docs(int from, int to) {
      DocList list = new DocList();
      list.docs = Arrays.copyOfRange(docs, from, to);
      list.n = to - from;
      list.sort();
      return list.iterator();
    }
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
