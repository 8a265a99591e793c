package org.dateline.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterDirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOBooleanSupplier;
import org.dateline.enrich.story.Fingerprint;
import org.dateline.index.MinHashTerms;
import org.dateline.index.Schema;
import org.dateline.index.StoryStamp;
import org.junit.jupiter.api.Test;

/**
 * The lookup's candidates ({@link StoryAssigner#candidates(Fingerprint, Long)}) against the same
 * query asked of the MinHash terms ({@link StoryAssigner#candidatesByTerms}) of a twin index where
 * every article has them: the same documents with the same scores, on segments of articles written
 * with the packed values only (schema 12: no term looked up), with both (schema 11: compared from
 * the values, or asked of the terms where the window holds more than {@link
 * StoryWindowSharing#MAX_WINDOW_DOCS} articles), with the terms only for some (before 11: their
 * terms asked) and with all three forms.
 */
class StoryWindowSharingTest {

  private static final long DAY = 86_400_000L;
  private static final long HOUR = 3_600_000L;
  private static final long D = 1_773_133_200_000L; // 2026-03-10T09:00:00Z
  private static final int SLOTS = Fingerprint.MIN_HASHES;

  private final SplittableRandom rnd = new SplittableRandom(16);
  private final int[] wire = randomValues();

  /** The latest date of the articles made so far: an undated lookup's window is around it. */
  private long latest = Long.MIN_VALUE;

  private int[] randomValues() {
    int[] v = new int[SLOTS];
    for (int i = 0; i < SLOTS; i++) {
      v[i] = rnd.nextInt(1 << Fingerprint.VALUE_BITS);
    }
    return v;
  }

  /**
   * The wire's values with all but {@code shared} slots changed, {@code shared} mostly around the
   * bar of {@link StoryAssigner#MIN_SHARED}; in one copy of three, one changed slot differs above
   * the indexed bits only (so it is equal as a term, and shared).
   */
  private int[] copyOfWire() {
    int[] v = wire.clone();
    int shared = rnd.nextInt(4) == 0 ? rnd.nextInt(SLOTS + 1) : rnd.nextInt(8);
    int highOnly = rnd.nextInt(3) == 0 ? rnd.nextInt(SLOTS) : -1;
    for (int i = 0; i < SLOTS; i++) {
      // slot i kept with the chance that leaves `shared` of the remaining slots kept
      if (rnd.nextInt(SLOTS - i) >= shared) {
        v[i] = i == highOnly ? v[i] ^ (1 << 20) : v[i] ^ (1 + rnd.nextInt(4095));
      } else {
        shared--;
      }
    }
    return v;
  }

  /** Which forms of its MinHash values an article was written with. */
  private enum Form {
    /** Schema 12: the packed values only. */
    VALUES,
    /** Schema 11: the values and the 64 terms. */
    BOTH,
    /** Schemas 7 to 10: the terms only. */
    TERMS
  }

  /**
   * An article sharing some of the wire's values, dated within {@code spreadDays} of {@link #D}
   * (some undated, some without a local date), as {@code twins}: [0] written in {@code form}, [1]
   * the same with terms and values (what {@link StoryAssigner#candidatesByTerms} is right on).
   */
  private Document[] article(int n, long spreadDays, Form form) {
    return article(n, spreadDays, form, false);
  }

  /** {@code allLocal}: dated, with a local date (the segment's window read from points alone). */
  private Document[] article(int n, long spreadDays, Form form, boolean allLocal) {
    return article(n, spreadDays, form, allLocal ? 2 + rnd.nextInt(18) : rnd.nextInt(20));
  }

  /** {@code kind} 0: undated; 1: an instant without a local date; more: both. */
  private Document[] article(int n, long spreadDays, Form form, int kind) {
    int[] values = copyOfWire();
    long ms = D + rnd.nextLong(-spreadDays * DAY, spreadDays * DAY);
    long local = ms + rnd.nextLong(-12 * HOUR, 14 * HOUR);
    if (kind != 0) {
      latest = Math.max(latest, ms);
    }
    Document[] twins = new Document[2];
    for (int t = 0; t < 2; t++) {
      Form f = t == 0 ? form : Form.BOTH;
      Fingerprint fp = new Fingerprint(new long[0], new long[0], new long[0], values, 0);
      // schema 12 writes an undated article's terms (kind 0) beside its values
      Document doc = Schema.storyFields(new StoryStamp(n, fp), f == Form.VALUES && kind == 0);
      if (f == Form.TERMS) {
        doc.removeFields(Schema.MINHASH_VALUES);
      }
      if (f != Form.VALUES) {
        addTerms(doc, values);
      }
      doc.add(new StringField(Schema.ID, "a" + n, Field.Store.YES));
      if (kind != 0) { // kind 0: undated
        doc.add(new NumericDocValuesField(Schema.DATE, ms));
        if (kind != 1) { // kind 1: an instant without a local date (before schema 3)
          doc.add(new LongPoint(Schema.LOCAL_DATE, local));
          doc.add(new NumericDocValuesField(Schema.LOCAL_DATE, local));
        }
      }
      twins[t] = doc;
    }
    return twins;
  }

  /** The 64 MinHash terms schemas 9 to 11 wrote beside (or, before 11, instead of) the values. */
  static void addTerms(Document doc, int[] values) {
    for (int slot = 0; slot < values.length; slot++) {
      doc.add(
          new StringField(Schema.MINHASH, MinHashTerms.term(slot, values[slot]), Field.Store.NO));
    }
  }

  @Test
  void sameCandidatesAsTheTermsWhateverFormEachArticleWasWrittenIn() throws IOException {
    int dense = StoryWindowSharing.MAX_WINDOW_DOCS + 500;
    try (Directory dir = new ByteBuffersDirectory();
        Directory twin = new ByteBuffersDirectory()) {
      try (IndexWriter w = writer(dir);
          IndexWriter t = writer(twin)) {
        int n = 0;
        for (int i = 0; i < 800; i++) {
          add(w, t, article(n++, 40, Form.BOTH, true));
        }
        commit(w, t); // segment 0: schema 11, every article with a local date
        for (int i = 0; i < 400; i++) {
          add(w, t, article(n++, 40, i % 2 == 0 ? Form.BOTH : Form.TERMS));
        }
        commit(w, t); // segment 1: half of them without values (written, or merged from, before 11)
        for (int i = 0; i < dense; i++) {
          add(w, t, article(n++, 3, Form.BOTH));
        }
        commit(w, t); // segment 2: schema 11, more than MAX_WINDOW_DOCS in any window around D
        for (int i = 0; i < dense; i++) {
          add(w, t, article(n++, 3, Form.VALUES));
        }
        commit(w, t); // segment 3: schema 12, as dense
        for (int i = 0; i < 600; i++) {
          add(w, t, article(n++, 40, Form.values()[i % 3]));
        }
        commit(w, t); // segment 4: all three forms (a merge of segments of schemas 10, 11 and 12)
        for (int i = 0; i < 300; i++) {
          add(w, t, article(n++, 40, Form.VALUES, true));
        }
        commit(w, t); // segment 5: schema 12, every article with a local date
      }
      List<AtomicInteger> seeks = new ArrayList<>();
      try (DirectoryReader reader = new CountingSeeks(DirectoryReader.open(dir), seeks);
          DirectoryReader terms = DirectoryReader.open(twin)) {
        assertEquals(6, reader.leaves().size());
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setQueryCache(null);
        IndexSearcher byTermsSearcher = new IndexSearcher(terms);
        byTermsSearcher.setQueryCache(null);
        // comparable: as many shingles as a text compared by its MinHash values has
        long[] shingles = new long[Fingerprint.MIN_SHINGLES];
        Fingerprint query = new Fingerprint(shingles, shingles, shingles, wire, 0);
        assertTrue(query.comparable());
        // Which articles have which form is read once per segment (slot 0's terms: 2 seeks).
        List<StoryWindowSharing.Forms> forms = new ArrayList<>();
        for (var leaf : reader.leaves()) {
          forms.add(StoryWindowSharing.forms(leaf.reader()));
        }
        int compared = 0;
        for (Long dateMs : new Long[] {D, D - 30 * DAY, D + 5 * DAY, D + 200 * DAY, null}) {
          // undated: the undated articles and those dated within the window of the latest date
          ScoreDoc[] byTerms =
              byTermsSearcher.search(
                      StoryAssigner.candidatesByTerms(query, dateMs == null ? latest : dateMs),
                      100_000)
                  .scoreDocs;
          seeks.forEach(s -> s.set(0));
          Query q = StoryAssigner.candidates(query, dateMs);
          ScoreDoc[] found = searcher.search(q, 100_000).scoreDocs;
          assertEquals(byTerms.length, found.length, "matches around " + dateMs);
          for (int i = 0; i < found.length; i++) {
            assertEquals(byTerms[i].doc, found[i].doc, "rank " + i + " around " + dateMs);
            assertEquals(byTerms[i].score, found[i].score, "rank " + i + " around " + dateMs);
          }
          compared += found.length;
          assertEquals(0, seeks.get(0).get(), "segment 0 is compared from its values");
          assertEquals(0, seeks.get(3).get(), "segment 3's few undated articles are compared");
          assertEquals(0, seeks.get(5).get(), "segment 5 has no undated article, hence no terms");
          if (dateMs != null && dateMs == D) {
            assertTrue(seeks.get(1).get() > 0, "segment 1 asks its terms");
            assertTrue(seeks.get(2).get() > 0, "segment 2's window is dense: its terms");
            assertTrue(seeks.get(4).get() > 0, "segment 4 asks the terms of its older articles");
            assertTrue(found.length > 200, "many matches around D: " + found.length);
          }
          if (dateMs != null && dateMs == D + 200 * DAY) {
            assertEquals(0, seeks.get(2).get(), "nothing of segment 2 in the window");
          }
          // The top the lookup reads is the same too.
          ScoreDoc[] top = searcher.search(q, 50).scoreDocs;
          for (int i = 0; i < top.length; i++) {
            assertEquals(byTerms[i].doc, top[i].doc);
          }
          // and the same query asked of this index's terms misses the articles without any
          if (dateMs != null && dateMs == D) {
            int termsHere =
                searcher.search(StoryAssigner.candidatesByTerms(query, dateMs), 100_000)
                    .scoreDocs
                    .length;
            assertTrue(termsHere < found.length, termsHere + " of " + found.length);
          }
        }
        assertTrue(compared > 1000, "candidates compared: " + compared);
        assertTrue(forms.get(0).both());
        assertTrue(forms.get(1).termsWithoutValues() && !forms.get(1).valuesWithoutTerms());
        assertTrue(forms.get(2).both());
        assertTrue(forms.get(3).valuesWithoutTerms() && !forms.get(3).datedWithTerms());
        assertTrue(forms.get(3).withTerms().cardinality() > 0, "undated articles' terms");
        assertTrue(forms.get(5).withTerms() == null && forms.get(5).undatedValuesOnly() == null);
        assertTrue(forms.get(4).termsWithoutValues() && forms.get(4).valuesWithoutTerms());
        // 400 written before 12, and the 6 undated ones of those written by 12
        assertEquals(406, forms.get(4).withTerms().cardinality());
      }
    }
  }

  private static IndexWriter writer(Directory dir) throws IOException {
    return new IndexWriter(dir, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE));
  }

  private static void add(IndexWriter w, IndexWriter twin, Document[] docs) throws IOException {
    w.addDocument(docs[0]);
    twin.addDocument(docs[1]);
  }

  private static void commit(IndexWriter w, IndexWriter twin) throws IOException {
    w.commit();
    twin.commit();
  }

  @Test
  void theWindowEndsAreExactWhereEveryArticleHasALocalDate() throws IOException {
    long w = StoryAssigner.WINDOW.toMillis();
    // at the ends, a millisecond outside; local dates 17 h either way of the instant
    long[] dates = {D - w - 1, D - w, D + w, D + w + 1, D - w + 17 * HOUR, D + w - 17 * HOUR};
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
        for (int i = 0; i < dates.length; i++) {
          Fingerprint fp = new Fingerprint(new long[0], new long[0], new long[0], wire, 0);
          Document doc = Schema.storyFields(new StoryStamp(i, fp), false);
          doc.add(new StringField(Schema.ID, "e" + i, Field.Store.YES));
          doc.add(new NumericDocValuesField(Schema.DATE, dates[i]));
          long local = dates[i] + (i % 2 == 0 ? 17 : -17) * HOUR;
          doc.add(new LongPoint(Schema.LOCAL_DATE, local));
          doc.add(new NumericDocValuesField(Schema.LOCAL_DATE, local));
          writer.addDocument(doc);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        long[] shingles = new long[Fingerprint.MIN_SHINGLES];
        Fingerprint query = new Fingerprint(shingles, shingles, shingles, wire, 0);
        List<String> found = new ArrayList<>();
        for (ScoreDoc sd : searcher.search(StoryAssigner.candidates(query, D), 50).scoreDocs) {
          found.add(reader.storedFields().document(sd.doc).get(Schema.ID));
          assertEquals(SLOTS, sd.score);
        }
        found.sort(null);
        assertEquals(List.of("e1", "e2", "e4", "e5"), found);
      }
    }
  }

  /**
   * In an archive of articles written by schema 12, a lookup compares the values of the dated
   * articles of its window only: undated articles (in every window) are asked of the terms written
   * for them alone, and an undated lookup's window is that of the latest date. So neither lookup's
   * cost grows with the undated articles, nor the undated one's with the dated ones. The same
   * candidates and scores as the terms of a twin where every article has them.
   */
  @Test
  void undatedArticlesAreAskedOfTheirTermsAndNoLookupComparesThemAll() throws IOException {
    int undated = 6_000;
    try (Directory dir = new ByteBuffersDirectory();
        Directory twin = new ByteBuffersDirectory()) {
      List<Long> dates = new ArrayList<>();
      try (IndexWriter w = writer(dir);
          IndexWriter t = writer(twin)) {
        for (int n = 0; n < 3_000 + undated; n++) {
          boolean dated = n % 3 == 0; // 3,000 dated over two years, 6,000 undated
          Document[] docs = article(n, 365, Form.VALUES, dated ? 2 : 0);
          if (dated) {
            dates.add(docs[0].getField(Schema.DATE).numericValue().longValue());
          }
          add(w, t, docs);
          if (n == 4_000) {
            commit(w, t); // two segments, both with dated and undated articles
          }
        }
        commit(w, t);
      }
      long window = StoryAssigner.WINDOW.toMillis();
      try (DirectoryReader reader = DirectoryReader.open(dir);
          DirectoryReader terms = DirectoryReader.open(twin)) {
        assertEquals(2, reader.leaves().size());
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setQueryCache(null);
        IndexSearcher byTermsSearcher = new IndexSearcher(terms);
        byTermsSearcher.setQueryCache(null);
        long[] shingles = new long[Fingerprint.MIN_SHINGLES];
        Fingerprint query = new Fingerprint(shingles, shingles, shingles, wire, 0);
        int undatedFound = 0;
        for (Long dateMs : new Long[] {D, D - 200 * DAY, D + 100 * DAY, null}) {
          long at = dateMs == null ? latest : dateMs;
          long inWindow = dates.stream().filter(d -> Math.abs(d - at) <= window).count();
          ScoreDoc[] byTerms =
              byTermsSearcher.search(StoryAssigner.candidatesByTerms(query, at), 100_000).scoreDocs;
          long before = StoryWindowSharing.comparedSoFar();
          ScoreDoc[] found =
              searcher.search(StoryAssigner.candidates(query, dateMs), 100_000).scoreDocs;
          long compared = StoryWindowSharing.comparedSoFar() - before;
          assertEquals(inWindow, compared, "values compared around " + dateMs);
          assertTrue(inWindow > 10 && inWindow < 200, inWindow + " dated in the window");
          assertEquals(byTerms.length, found.length, "matches around " + dateMs);
          for (int i = 0; i < found.length; i++) {
            assertEquals(byTerms[i].doc, found[i].doc, "rank " + i + " around " + dateMs);
            assertEquals(byTerms[i].score, found[i].score, "rank " + i + " around " + dateMs);
            if (found[i].doc % 3 != 0) { // one writer, no merges: document n is article n
              undatedFound++;
            }
          }
        }
        assertTrue(undatedFound > 100, "undated copies found by their terms: " + undatedFound);
      }
    }
  }

  /**
   * Where a segment holds few undated articles (above {@link
   * StoryWindowSharing#MAX_UNDATED_COMPARED}, so their terms are asked), only the new article's
   * terms the segment holds are looked up: 400 unrelated undated articles hold about a tenth of a
   * slot's 4,096 values, so a lookup seeks a handful of its 64 terms there (was 64: a 64-clause
   * query per segment), and none where fewer than {@link StoryAssigner#MIN_SHARED} are held. The
   * same documents and scores as the terms of a twin where every article has them.
   */
  @Test
  void onlyTheTermsASegmentHoldsAreLookedUpAndTheirPostingsCounted() throws IOException {
    try (Directory dir = new ByteBuffersDirectory();
        Directory twin = new ByteBuffersDirectory()) {
      try (IndexWriter w = writer(dir);
          IndexWriter t = writer(twin)) {
        for (int n = 0; n < 1_200; n++) {
          int kind = n % 4 == 0 ? 2 : 0; // a quarter dated, the rest undated
          Document[] docs = article(n, 10, Form.VALUES, kind);
          if (n < 600 && kind == 0) {
            // segment 1: undated articles unrelated to the wire (a random text each)
            int[] other = randomValues();
            Fingerprint fp = new Fingerprint(new long[0], new long[0], new long[0], other, 0);
            docs[0] = Schema.storyFields(new StoryStamp(n, fp), true);
            docs[1] = Schema.storyFields(new StoryStamp(n, fp), false);
            addTerms(docs[1], other);
            for (Document d : docs) {
              d.add(new StringField(Schema.ID, "a" + n, Field.Store.YES));
            }
          }
          add(w, t, docs);
          if (n == 599) {
            commit(w, t);
          }
        }
        commit(w, t);
      }
      List<AtomicInteger> seeks = new ArrayList<>();
      try (DirectoryReader reader = new CountingSeeks(DirectoryReader.open(dir), seeks);
          DirectoryReader terms = DirectoryReader.open(twin)) {
        assertEquals(2, reader.leaves().size());
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setQueryCache(null);
        IndexSearcher byTermsSearcher = new IndexSearcher(terms);
        byTermsSearcher.setQueryCache(null);
        long[] shingles = new long[Fingerprint.MIN_SHINGLES];
        int lookups = 0;
        for (int[] values : new int[][] {wire, randomValues(), randomValues(), copyOfWire()}) {
          Fingerprint query = new Fingerprint(shingles, shingles, shingles, values, 0);
          for (Long dateMs : new Long[] {D, null}) {
            seeks.forEach(c -> c.set(0));
            ScoreDoc[] found =
                searcher.search(StoryAssigner.candidates(query, dateMs), 100_000).scoreDocs;
            ScoreDoc[] byTerms =
                byTermsSearcher.search(
                        StoryAssigner.candidatesByTerms(query, dateMs == null ? latest : dateMs),
                        100_000)
                    .scoreDocs;
            assertEquals(byTerms.length, found.length, "matches around " + dateMs);
            for (int i = 0; i < found.length; i++) {
              assertEquals(byTerms[i].doc, found[i].doc, "rank " + i);
              assertEquals(byTerms[i].score, found[i].score, "rank " + i);
            }
            // segment 1: 450 unrelated undated articles hold about 11 % of each slot's values
            assertTrue(seeks.get(0).get() <= 20, "terms looked up in segment 1: " + seeks.get(0));
            lookups++;
          }
        }
        assertEquals(8, lookups);
        long before = StoryWindowSharing.undatedSeeksSoFar();
        searcher.search(
            StoryAssigner.candidates(new Fingerprint(shingles, shingles, shingles, wire, 0), D),
            10);
        assertTrue(StoryWindowSharing.undatedSeeksSoFar() > before, "the counted path was taken");
      }
    }
  }

  @Test
  void slotsComparedFourAtATimeAgreeWithTheByteWiseCount() {
    for (int round = 0; round < 2_000; round++) {
      int[] a = randomValues();
      int[] b = a.clone();
      int same = SLOTS;
      for (int slot = 0; slot < SLOTS; slot++) {
        int kind = rnd.nextInt(4);
        if (kind == 0) { // one kept bit flipped (any of the 12, at either place in a pair)
          b[slot] ^= 1 << rnd.nextInt(12);
          same--;
        } else if (kind == 1) { // apart
          b[slot] ^= 1 + rnd.nextInt(4095);
          same--;
        } else if (kind == 2) { // apart above the kept bits only: the same slot
          b[slot] ^= 1 << (12 + rnd.nextInt(8));
        }
      }
      byte[] kept = org.dateline.index.MinHashTerms.kept(a);
      BytesRef packed = org.dateline.index.MinHashTerms.packed(b);
      // the value placed at an offset of a larger array, as doc values hand it over
      int at = rnd.nextInt(9);
      byte[] larger = new byte[at + packed.length + rnd.nextInt(3)];
      System.arraycopy(packed.bytes, packed.offset, larger, at, packed.length);
      assertEquals(StoryWindowSharing.PACKED_BYTES, packed.length);
      assertEquals(same, org.dateline.index.MinHashTerms.sharedSlots(kept, packed));
      assertEquals(
          same,
          StoryWindowSharing.sharedSlots(StoryWindowSharing.words(kept, 0), larger, at),
          "round " + round);
    }
  }

  /** A reader counting, per segment, the MinHash terms looked up. */
  private static final class CountingSeeks extends FilterDirectoryReader {
    private final List<AtomicInteger> seeks;

    CountingSeeks(DirectoryReader in, List<AtomicInteger> seeks) throws IOException {
      super(in, wrapper(seeks));
      this.seeks = seeks;
    }

    private static SubReaderWrapper wrapper(List<AtomicInteger> seeks) {
      return new SubReaderWrapper() {
        @Override
        public LeafReader wrap(LeafReader reader) {
          AtomicInteger count = new AtomicInteger();
          seeks.add(count);
          return new CountingLeaf(reader, count);
        }
      };
    }

    @Override
    protected DirectoryReader doWrapDirectoryReader(DirectoryReader in) throws IOException {
      return new CountingSeeks(in, seeks);
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
      return null;
    }
  }

  private static final class CountingLeaf extends FilterLeafReader {
    private final AtomicInteger seeks;

    CountingLeaf(LeafReader in, AtomicInteger seeks) {
      super(in);
      this.seeks = seeks;
    }

    @Override
    public Terms terms(String field) throws IOException {
      Terms terms = super.terms(field);
      if (terms == null || !field.equals(Schema.MINHASH)) {
        return terms;
      }
      return new FilterTerms(terms) {
        @Override
        public TermsEnum iterator() throws IOException {
          return new FilterTermsEnum(in.iterator()) {
            @Override
            public boolean seekExact(BytesRef text) throws IOException {
              seeks.incrementAndGet();
              return in.seekExact(text);
            }

            @Override
            public IOBooleanSupplier prepareSeekExact(BytesRef text) throws IOException {
              seeks.incrementAndGet();
              return in.prepareSeekExact(text);
            }

            @Override
            public SeekStatus seekCeil(BytesRef text) throws IOException {
              seeks.incrementAndGet();
              return in.seekCeil(text);
            }
          };
        }
      };
    }

    @Override
    public CacheHelper getCoreCacheHelper() {
      return in.getCoreCacheHelper();
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
      return null;
    }
  }
}
