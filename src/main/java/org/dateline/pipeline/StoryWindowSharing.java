package org.dateline.pipeline;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSet;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.IOSupplier;
import org.dateline.enrich.story.Fingerprint;
import org.dateline.index.MinHashTerms;
import org.dateline.index.Schema;
import org.dateline.index.SegmentCoreCache;
import org.dateline.index.ValueDocs;

/**
 * The story lookup's candidates: the articles within {@link StoryWindow} of a date (undated ones
 * are in every window; an undated article's window is that of the archive's latest date) that share
 * at least {@code minShared} MinHash values with the new article, scored by how many. Matches and
 * scores are those of the MinHash term clauses ({@link #byTerms}) over articles written with terms;
 * what differs is how each segment is asked. A dated article written since schema 12 has its {@link
 * Schema#MINHASH_VALUES} only, an undated one those and the terms, one written by schema 11 both,
 * one written before only the terms ({@link Forms}). Where no dated article has terms (a segment
 * written since 12) the window's dated articles are compared in memory (a run of the segment's
 * articles by date; about 100 bytes each, 0.1-0.3 us an article) and the undated ones asked of
 * their terms: a lookup's cost follows the window's articles and the undated ones' postings, never
 * every undated article nor every dated one. In older segments the window's articles that have
 * values are compared and those with terms only asked; where every article has both (schema 11) and
 * the window holds more than {@link #MAX_WINDOW_DOCS} articles the terms are asked instead, as
 * schema 11 did: a term look-up costs as much as comparing about a dozen articles, and a segment
 * the window meets costs 64 of them however few articles it holds there. Immutable; thread-safe.
 */
final class StoryWindowSharing extends Query {

  /**
   * In a segment where every article has both terms and values: the most window articles compared
   * directly (counted exactly from {@link ByDate}, or the points' estimate where some article lacks
   * a local date); more, and the terms are asked. Not calibrated: at 1 M in random order an article
   * compared cost about 0.45 us in session 13 and about 0.3 us since session 14, a segment's 64
   * term look-ups about 350 us (break-even near 800 to 1,100 articles; docs/figures-issue-16.md).
   * The points' estimate can exceed the window by about a leaf (512): the bar is the break-even
   * plus a leaf and some, so a dense window costs at most about twice the terms.
   */
  static final int MAX_WINDOW_DOCS = 1536;

  /**
   * In a segment where only undated articles have terms: the most of them compared directly; more,
   * and their terms are asked. At 1 M in 12 segments with about 830 undated articles each,
   * comparing them cost 2.6 ms of CPU a lookup against about 1.5 ms for their terms (session 16,
   * load 17): a segment's 64 look-ups cost about as much as comparing 400 articles there. Not
   * calibrated.
   */
  static final int MAX_UNDATED_COMPARED = 256;

  /** Per segment core: which articles have MinHash terms, which have packed values. */
  private static final SegmentCoreCache<Forms> FORMS = new SegmentCoreCache<>(Forms::read);

  /**
   * Per segment core: which MinHash terms of today's form it holds (where only undated articles
   * have terms, theirs).
   */
  private static final SegmentCoreCache<UndatedTerms> UNDATED_TERMS =
      new SegmentCoreCache<>(UndatedTerms::read);

  /** Undated articles' terms looked up since the start (the tests count what a lookup seeks). */
  private static final LongAdder UNDATED_SEEKS = new LongAdder();

  /** Per segment core where every article has a local date: its articles by date. */
  private static final SegmentCoreCache<ByDate> BY_DATE = new SegmentCoreCache<>(ByDate::read);

  /**
   * Values compared since the start, over every lookup (the tests count what a lookup compares).
   */
  private static final LongAdder COMPARED = new LongAdder();

  /** The new article's date (epoch ms), or null: undated. */
  private final Long dateMs;

  private final int[] values;
  private final int minShared;

  /** Every article, however dated, compared (the brute force the bench and tests check with). */
  private final boolean anyDate;

  StoryWindowSharing(Long dateMs, int[] values, int minShared) {
    this(dateMs, values, minShared, false);
  }

  private StoryWindowSharing(Long dateMs, int[] values, int minShared, boolean anyDate) {
    this.dateMs = dateMs;
    this.values = values.clone();
    this.minShared = minShared;
    this.anyDate = anyDate;
  }

  /**
   * Every article sharing at least {@code minShared} of {@code values}, whenever dated: each
   * segment's every article compared (or its terms asked), a cost that grows with the archive (the
   * brute force the lookup's recall is measured against, not a lookup).
   */
  static StoryWindowSharing anyDate(int[] values, int minShared) {
    return new StoryWindowSharing(null, values, minShared, true);
  }

  /**
   * The same matches and scores asked of the MinHash terms in every segment (before schema 11):
   * within the window of {@code dateMs}, or in all when it is null. Articles written since schema
   * 12 have no terms: this finds none of them.
   */
  static Query byTerms(Long dateMs, int[] values, int minShared) {
    Query sharing = MinHashTerms.sharing(values, minShared);
    return dateMs == null ? sharing : StoryWindow.leading(sharing, dateMs);
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost)
      throws IOException {
    byte[] kept = MinHashTerms.kept(values);
    long[] keptWords = kept.length == PACKED_BYTES ? words(kept, 0) : null;
    // An undated article's window is that of the archive's latest date (its undated articles are
    // in every window): what a rebuild in publication order, undated last, compares it with.
    Long at = anyDate ? null : dateMs != null ? dateMs : latestDate(searcher);
    return new Weight(this) {
      /**
       * The undated articles' terms, asked without a window, made when a segment first needs it.
       */
      private Weight undatedTerms;

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
                  searcher.rewrite(byTerms(at, values, minShared)), scoreMode, boost);
        }
        return terms;
      }

      private synchronized Weight undatedTerms() throws IOException {
        if (undatedTerms == null) {
          undatedTerms =
              searcher.createWeight(
                  searcher.rewrite(MinHashTerms.sharing(values, minShared)), scoreMode, boost);
        }
        return undatedTerms;
      }

      private synchronized Weight window() throws IOException {
        if (window == null) {
          window =
              searcher.createWeight(
                  searcher.rewrite(StoryWindow.around(at)), ScoreMode.COMPLETE_NO_SCORES, 1);
        }
        return window;
      }

      /** The window's articles in this segment, or null when it holds none. */
      private Window window(LeafReader reader, LeafReaderContext context) throws IOException {
        if (at == null) {
          // Every article (anyDate), or none of the archive is dated: each is in the window.
          return new Window(reader.maxDoc(), () -> DocIdSetIterator.all(reader.maxDoc()));
        }
        if (WithoutLocalDate.of(reader) == DocIdSet.EMPTY) {
          // Every article has a local date, hence a date: the window is a run of the segment's
          // articles sorted by date, found by two binary searches (no point visited).
          ByDate byDate = BY_DATE.get(reader);
          long w = StoryAssigner.WINDOW.toMillis();
          int from = byDate.from(at - w);
          int to = byDate.to(at + w);
          return from >= to ? null : new Window(to - from, () -> byDate.docs(from, to));
        }
        ScorerSupplier inWindow = window().scorerSupplier(context);
        return inWindow == null
            ? null
            : new Window(inWindow.cost(), () -> inWindow.get(inWindow.cost()).iterator());
      }

      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
        LeafReader reader = context.reader();
        Forms forms = FORMS.get(reader);
        if (forms.none()) {
          return null; // no article here has MinHash values or terms (short texts only)
        }
        if (!anyDate && !forms.datedWithTerms()) {
          return apart(reader, context, forms);
        }
        Window inWindow = window(reader, context);
        if (inWindow == null) {
          return null; // nothing of this segment is within the window: no term looked up
        }
        boolean askTerms = forms.termsWithoutValues();
        boolean compare = forms.valuesWithoutTerms() || !askTerms;
        if (compare && !askTerms && forms.both() && inWindow.size() > MAX_WINDOW_DOCS) {
          compare = false; // every article has both forms, and the window is dense: the terms
          askTerms = true;
        }
        if (!compare) {
          return terms().scorerSupplier(context);
        }
        // Where some articles have terms only, those with terms are asked of the terms (the
        // values of the ones with both would match the same).
        Found found = compared(reader, inWindow.docs().get(), askTerms ? forms.withTerms() : null);
        if (askTerms) {
          found = found.merged(terms().scorerSupplier(context));
        }
        return found.supplier();
      }

      /**
       * A segment where no dated article has terms (written since schema 12): the dated articles of
       * the window compared (a run of {@link ByDate}), the undated ones asked of their terms, so
       * the cost follows the window's articles and the undated ones' postings, never every undated
       * article (those written by the first schema 12 builds without terms are compared).
       */
      private ScorerSupplier apart(LeafReader reader, LeafReaderContext context, Forms forms)
          throws IOException {
        DocList docs = new DocList();
        if (at != null) {
          ByDate byDate = BY_DATE.get(reader);
          long w = StoryAssigner.WINDOW.toMillis();
          byDate.addRun(byDate.from(at - w), byDate.to(at + w), docs);
        }
        addAll(forms.undatedValuesOnly(), docs);
        // A few undated articles cost less compared than their 64 terms looked up.
        boolean askTerms =
            forms.withTerms() != null
                && (forms.termsWithoutValues() || forms.termCount() > MAX_UNDATED_COMPARED);
        if (!askTerms) {
          addAll(forms.withTerms(), docs);
        }
        docs.sort();
        Found found = compared(reader, docs.iterator(), null);
        if (askTerms) {
          UndatedTerms undated = UNDATED_TERMS.get(reader);
          found =
              found.merged(
                  undated.olderForm()
                      ? undatedTerms().scorerSupplier(context)
                      : counted(reader, undated).supplier());
        }
        return found.supplier();
      }

      /**
       * The articles of a segment where only undated articles have terms that share at least {@code
       * minShared} of the new article's terms, scored by how many: each of its terms the segment
       * holds ({@code undated} says which, without a seek) looked up once, in slot order on one
       * enum, and the postings counted (no clause per term, no scorer per clause). The same matches
       * and scores as {@link MinHashTerms#sharing} there.
       */
      private Found counted(LeafReader reader, UndatedTerms undated) throws IOException {
        Found found = new Found();
        int held = 0;
        for (int slot = 0; slot < values.length; slot++) {
          held += undated.holds(slot, values[slot]) ? 1 : 0;
        }
        if (held < minShared) {
          return found; // fewer of its terms here than a match needs: nothing looked up
        }
        TermsEnum te = reader.terms(Schema.MINHASH).iterator();
        PostingsEnum postings = null;
        int[] hits = new int[64];
        int n = 0;
        for (int slot = 0; slot < values.length; slot++) {
          if (!undated.holds(slot, values[slot])
              || !te.seekExact(MinHashTerms.term(slot, values[slot]))) {
            continue;
          }
          postings = te.postings(postings, PostingsEnum.NONE);
          for (int d = postings.nextDoc();
              d != DocIdSetIterator.NO_MORE_DOCS;
              d = postings.nextDoc()) {
            if (n == hits.length) {
              hits = Arrays.copyOf(hits, n * 2);
            }
            hits[n++] = d;
          }
        }
        Arrays.sort(hits, 0, n);
        for (int i = 0; i < n; ) {
          int j = i + 1;
          while (j < n && hits[j] == hits[i]) {
            j++;
          }
          if (j - i >= minShared) {
            found.add(hits[i], (j - i) * boost);
          }
          i = j;
        }
        UNDATED_SEEKS.add(held);
        return found;
      }

      /**
       * {@code docs} (in document order) that share at least {@code minShared} values with the new
       * article, scored by how many; those in {@code asked} (or without values) skipped.
       */
      private Found compared(LeafReader reader, DocIdSetIterator docs, FixedBitSet asked)
          throws IOException {
        BinaryDocValues packed = reader.getBinaryDocValues(Schema.MINHASH_VALUES);
        Found found = new Found();
        if (packed == null) {
          return found;
        }
        long n = 0;
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
          if ((asked != null && asked.get(doc)) || !packed.advanceExact(doc)) {
            continue; // a short text: it has no MinHash values (nor terms)
          }
          n++;
          BytesRef b = packed.binaryValue();
          int s =
              keptWords != null && b.length == PACKED_BYTES
                  ? sharedSlots(keptWords, b.bytes, b.offset)
                  : MinHashTerms.sharedSlots(kept, b);
          if (s >= minShared) {
            found.add(doc, s * boost);
          }
        }
        COMPARED.add(n);
        return found;
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

  /** How many undated articles' terms all lookups so far have looked up. */
  static long undatedSeeksSoFar() {
    return UNDATED_SEEKS.sum();
  }

  /** How many articles' values all lookups so far have compared. */
  static long comparedSoFar() {
    return COMPARED.sum();
  }

  /**
   * The latest date of {@code searcher}'s articles (deleted ones too), or null when none is dated.
   */
  private static Long latestDate(IndexSearcher searcher) throws IOException {
    Long latest = null;
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Long l = BY_DATE.get(leaf.reader()).latest();
      if (l != null && (latest == null || l > latest)) {
        latest = l;
      }
    }
    return latest;
  }

  /** Adds the documents of {@code bits} (none when null) to {@code docs}. */
  private static void addAll(FixedBitSet bits, DocList docs) {
    if (bits != null) {
      BitSetIterator it = new BitSetIterator(bits, 0);
      for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
        docs.add(d);
      }
    }
  }

  /** A segment's window: how many articles it holds (or an estimate), and them, read once. */
  private record Window(long size, IOSupplier<DocIdSetIterator> docs) {}

  /** Matching documents in increasing order, with their scores. */
  private static final class Found {
    private final DocList docs = new DocList();
    private float[] scores = new float[64];

    void add(int doc, float score) {
      if (docs.n == scores.length) {
        scores = Arrays.copyOf(scores, docs.n * 2);
      }
      scores[docs.n] = score;
      docs.add(doc);
    }

    /** These as a segment's scorer, or null when there are none. */
    ScorerSupplier supplier() {
      if (docs.n == 0) {
        return null;
      }
      Scorer scorer = new ListedScorer(docs, scores);
      long cost = docs.n;
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

    /** These and the term path's matches ({@code terms}, disjoint from these), in doc order. */
    Found merged(ScorerSupplier terms) throws IOException {
      if (terms == null) {
        return this;
      }
      Scorer scorer = terms.get(Long.MAX_VALUE);
      DocIdSetIterator it = scorer.iterator();
      Found out = new Found();
      int i = 0;
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        for (; i < docs.n && docs.docs[i] < doc; i++) {
          out.add(docs.docs[i], scores[i]);
        }
        out.add(doc, scorer.score());
      }
      for (; i < docs.n; i++) {
        out.add(docs.docs[i], scores[i]);
      }
      return out;
    }
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

    /** The latest date, or null when no article of the segment is dated. */
    Long latest() {
      return dates.length == 0 ? null : dates[dates.length - 1];
    }

    /** Adds the documents at positions [{@code from}, {@code to}) to {@code list}. */
    void addRun(int from, int to, DocList list) {
      for (int i = from; i < to; i++) {
        list.add(docs[i]);
      }
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

  /**
   * The MinHash terms of today's form a segment holds, one bit per slot and kept value (64 x 4,096
   * bits: 32 KB a segment), read once per segment core by walking its terms; {@code olderForm} when
   * it holds terms of schema 8's form too (then the term query is asked, which knows both). A term
   * not held costs no seek: at 1 M with 1 % undated a segment holds about a fifth of the values a
   * slot can take, so most of a lookup's 64 seeks per segment are saved.
   */
  record UndatedTerms(long[] held, boolean olderForm) {

    static UndatedTerms read(LeafReader reader) throws IOException {
      long[] held = new long[(Fingerprint.MIN_HASHES << MinHashTerms.INDEX_BITS) / 64];
      Terms terms = reader.terms(Schema.MINHASH);
      if (terms == null) {
        return new UndatedTerms(held, false);
      }
      boolean older = false;
      TermsEnum te = terms.iterator();
      for (BytesRef t = te.next(); t != null; t = te.next()) {
        int key = MinHashTerms.slotAndValue(t);
        if (key < 0 || key >= held.length * 64) {
          older = true;
        } else {
          held[key >>> 6] |= 1L << key;
        }
      }
      return new UndatedTerms(held, older);
    }

    /** Whether the segment holds the term of {@code slot} with MinHash {@code value}. */
    boolean holds(int slot, int value) {
      if (slot >= Fingerprint.MIN_HASHES) {
        return true; // not a slot this table knows: looked up
      }
      int key = slot << MinHashTerms.INDEX_BITS | (value & ((1 << MinHashTerms.INDEX_BITS) - 1));
      return (held[key >>> 6] & 1L << key) != 0;
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
   * Which articles of a segment have MinHash terms (every article written by schemas 7 to 11, the
   * undated ones since 12) and which have packed values (since 11), deleted ones included; found
   * once per segment core.
   *
   * @param withTerms those with terms, or null when none has
   * @param termsWithoutValues whether some article has terms but no values (written before 11)
   * @param valuesWithoutTerms whether some article has values but no terms (written since 12)
   * @param both whether some article has either, and every one that has either has both (11)
   * @param datedWithTerms whether some dated article has terms (written before 12)
   * @param undatedValuesOnly the undated articles with values and no terms (written by the first
   *     schema 12 builds, which wrote no terms at all), or null when there are none
   * @param termCount how many articles have terms
   */
  record Forms(
      FixedBitSet withTerms,
      boolean termsWithoutValues,
      boolean valuesWithoutTerms,
      boolean both,
      boolean datedWithTerms,
      FixedBitSet undatedValuesOnly,
      int termCount) {

    static Forms read(LeafReader reader) throws IOException {
      FixedBitSet terms = MinHashTerms.docsWithTerms(reader);
      FixedBitSet values = new FixedBitSet(reader.maxDoc());
      BinaryDocValues packed = reader.getBinaryDocValues(Schema.MINHASH_VALUES);
      if (packed != null) {
        for (int d = packed.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = packed.nextDoc()) {
          values.set(d);
        }
      }
      FixedBitSet dated = new FixedBitSet(reader.maxDoc());
      NumericDocValues dates = reader.getNumericDocValues(Schema.DATE);
      if (dates != null) {
        for (int d = dates.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = dates.nextDoc()) {
          dated.set(d);
        }
      }
      int withTerms = terms == null ? 0 : terms.cardinality();
      int withValues = values.cardinality();
      int withBoth = terms == null ? 0 : (int) FixedBitSet.intersectionCount(terms, values);
      FixedBitSet valuesOnly = values.clone();
      if (terms != null) {
        valuesOnly.andNot(terms);
      }
      valuesOnly.andNot(dated);
      return new Forms(
          withTerms == 0 ? null : terms,
          withTerms > withBoth,
          withValues > withBoth,
          withBoth > 0 && withTerms == withBoth && withValues == withBoth,
          terms != null && FixedBitSet.intersectionCount(terms, dated) > 0,
          valuesOnly.cardinality() == 0 ? null : valuesOnly,
          withTerms);
    }

    /** No article of the segment has MinHash values or terms. */
    boolean none() {
      return withTerms == null && !valuesWithoutTerms;
    }
  }

  /** The forms of {@code reader}'s MinHash values ({@link Forms}), as the lookup sees them. */
  static Forms forms(LeafReader reader) throws IOException {
    return FORMS.get(reader);
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
    return "StoryWindowSharing("
        + (anyDate ? "any date" : dateMs)
        + ", "
        + minShared
        + " of "
        + values.length
        + ")";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoryWindowSharing s
        && Objects.equals(dateMs, s.dateMs)
        && minShared == s.minShared
        && anyDate == s.anyDate
        && Arrays.equals(values, s.values);
  }

  @Override
  public int hashCode() {
    return ((Objects.hashCode(dateMs) * 31 + Arrays.hashCode(values)) * 31 + minShared) * 2
        + (anyDate ? 1 : 0);
  }
}
