package org.dateline.index;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * How an article's MinHash values are written as terms of {@link Schema#MINHASH}, and the query
 * that finds the articles sharing some of them. Each slot's value is indexed by its low {@link
 * #INDEX_BITS} bits only: two unrelated articles then agree on a slot by chance more often, which
 * only adds candidates (every candidate is verified on its text), while the terms become few and
 * shared instead of one per article and slot. Immutable; thread-safe.
 *
 * <p>Schema 12 writes no MinHash terms: the story lookup compares {@link #packed} values ({@link
 * Schema#MINHASH_VALUES}) alone. The terms of articles written by schemas 7 to 11 are still
 * searched where such articles are left. Schema 8 and older wrote every slot's 24-bit value as a
 * term of its own (the slot's byte, then three value bytes); the query asks each slot in both forms
 * wherever such a segment is left. The two forms cannot be mistaken for each other, since a term of
 * today's form starts with {@link #FORM} plus the slot, above every older slot byte.
 */
public final class MinHashTerms {

  /**
   * Bits of a MinHash value indexed. At 1 M articles a term holds about 1 M / 2^12 = 244 of them,
   * so a lookup reads about 64 x 244 postings; the chance that an unrelated article is a candidate
   * (7 slots of 64 agreeing by chance) stays below 1e-16.
   */
  public static final int INDEX_BITS = 12;

  /** The low bits a term (and {@link #packed}) keeps of a value. */
  private static final int KEPT = (1 << INDEX_BITS) - 1;

  /** Added to the slot in a term's first byte: every older term's first byte is below it. */
  private static final int FORM = 0x40;

  private MinHashTerms() {}

  /**
   * The term schemas 9 to 11 wrote for {@code slot} with MinHash {@code value}: the form's slot
   * byte, then 2 bytes (schema 12 writes none; older indexes and tests still hold them).
   */
  public static BytesRef term(int slot, int value) {
    int kept = value & KEPT;
    return new BytesRef(new byte[] {(byte) (FORM + slot), (byte) (kept >>> 8), (byte) kept});
  }

  /**
   * The slot and kept value a term of today's form ({@link #term}) holds, as {@code slot << }{@link
   * #INDEX_BITS}{@code | value}; -1 for a term of the older form (schema 8 and older) or another.
   */
  public static int slotAndValue(BytesRef term) {
    if (term.length != 3) {
      return -1;
    }
    int slot = (term.bytes[term.offset] & 0xFF) - FORM;
    if (slot < 0) {
      return -1;
    }
    return slot << INDEX_BITS
        | (term.bytes[term.offset + 1] & 0xFF) << 8
        | (term.bytes[term.offset + 2] & 0xFF);
  }

  /**
   * Every slot's kept bits ({@link #INDEX_BITS}, the bits its term holds) in slot order, two slots
   * in three bytes: the {@link Schema#MINHASH_VALUES} doc value (96 bytes for 64 slots). Two
   * articles agree on a slot here exactly when they share that slot's term.
   */
  public static BytesRef packed(int[] values) {
    byte[] b = new byte[(values.length * INDEX_BITS + 7) / 8];
    for (int slot = 0; slot < values.length; slot += 2) {
      int first = values[slot] & KEPT;
      int second = slot + 1 < values.length ? values[slot + 1] & KEPT : 0;
      int at = slot / 2 * 3;
      b[at] = (byte) (first >>> 4);
      b[at + 1] = (byte) ((first << 4) | (second >>> 8));
      if (at + 2 < b.length) {
        b[at + 2] = (byte) second;
      }
    }
    return new BytesRef(b);
  }

  /**
   * The kept bits ({@link #INDEX_BITS}) of each slot that {@code packed} (from {@link #packed})
   * holds, in slot order: {@link #packed} of them gives {@code packed} back, and their terms are
   * the ones {@link #term} makes of the full values.
   */
  public static int[] unpacked(BytesRef packed) {
    int[] out = new int[packed.length * 8 / INDEX_BITS];
    byte[] b = packed.bytes;
    for (int slot = 0; slot < out.length; slot++) {
      int at = packed.offset + slot / 2 * 3;
      out[slot] =
          slot % 2 == 0
              ? (b[at] & 0xFF) << 4 | (b[at + 1] & 0xFF) >>> 4
              : (b[at + 1] & 0x0F) << 8 | (b[at + 2] & 0xFF);
    }
    return out;
  }

  /**
   * {@code values}' kept bits ({@link #INDEX_BITS}) packed as {@link #packed} packs them: what
   * {@link #sharedSlots} compares a stored article's values with, byte by byte.
   */
  public static byte[] kept(int[] values) {
    return packed(values).bytes;
  }

  /**
   * In how many slots the {@link #packed} values {@code packed} agree with {@code kept} (from
   * {@link #kept}); 0 when they were packed from another number of slots. Each three bytes hold two
   * slots (the first's 12 bits, then the second's), so a slot agrees when its bytes and its half of
   * the middle byte do: compared as they lie, without unpacking (the window's every article is
   * compared: half the lookup's CPU when each value was unpacked first).
   */
  public static int sharedSlots(byte[] kept, BytesRef packed) {
    if (packed.length != kept.length) {
      return 0;
    }
    byte[] b = packed.bytes;
    int off = packed.offset;
    int n = 0;
    int at = 0;
    for (; at + 3 <= kept.length; at += 3) {
      int middle = b[off + at + 1] ^ kept[at + 1];
      n +=
          (b[off + at] == kept[at] && (middle & 0xF0) == 0 ? 1 : 0)
              + ((middle & 0x0F) == 0 && b[off + at + 2] == kept[at + 2] ? 1 : 0);
    }
    if (at < kept.length) { // an odd number of slots: the last one in the last two bytes
      n += b[off + at] == kept[at] && ((b[off + at + 1] ^ kept[at + 1]) & 0xF0) == 0 ? 1 : 0;
    }
    return n;
  }

  /**
   * The articles of {@code reader} that have MinHash terms (written by schemas 7 to 11), deleted
   * ones included, or null when none has: those holding a term of slot 0 in either form (an article
   * with terms has one for every slot). Reads slot 0's postings once: about one posting an article.
   */
  public static FixedBitSet docsWithTerms(LeafReader reader) throws IOException {
    Terms terms = reader.terms(Schema.MINHASH);
    if (terms == null) {
      return null;
    }
    FixedBitSet docs = new FixedBitSet(reader.maxDoc());
    TermsEnum te = terms.iterator();
    PostingsEnum postings = null;
    for (int first : new int[] {0, FORM}) { // slot 0: schema 7-8's first byte, then today's
      if (te.seekCeil(new BytesRef(new byte[] {(byte) first})) == TermsEnum.SeekStatus.END) {
        continue;
      }
      for (BytesRef t = te.term();
          t != null && t.length > 0 && (t.bytes[t.offset] & 0xFF) == first;
          t = te.next()) {
        postings = te.postings(postings, PostingsEnum.NONE);
        for (int d = postings.nextDoc();
            d != DocIdSetIterator.NO_MORE_DOCS;
            d = postings.nextDoc()) {
          docs.set(d);
        }
      }
    }
    return docs;
  }

  /** The term schema 8 and older wrote: the slot's byte, then the 24-bit value's 3 bytes. */
  static BytesRef olderTerm(int slot, int value) {
    return new BytesRef(
        new byte[] {(byte) slot, (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
  }

  /** Articles sharing at least {@code minShared} of {@code values}, scored by how many. */
  public static Query sharing(int[] values, int minShared) {
    return new Sharing(values.clone(), minShared);
  }

  /** True when a segment of {@code searcher}'s reader still holds terms of the older form. */
  static boolean holdsOlderForm(IndexSearcher searcher) throws IOException {
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Terms terms = leaf.reader().terms(Schema.MINHASH);
      // Terms sort by their bytes, so a segment holding any older term has one as its least.
      BytesRef least = terms == null ? null : terms.getMin();
      if (least != null && least.length > 0 && (least.bytes[least.offset] & 0xFF) < FORM) {
        return true;
      }
    }
    return false;
  }

  /** The query {@link #sharing} builds; rewritten for the reader it runs on. */
  private static final class Sharing extends Query {
    private final int[] values;
    private final int minShared;

    Sharing(int[] values, int minShared) {
      this.values = values;
      this.minShared = minShared;
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
      boolean older = holdsOlderForm(searcher);
      BooleanQuery.Builder slots =
          new BooleanQuery.Builder().setMinimumNumberShouldMatch(minShared);
      for (int slot = 0; slot < values.length; slot++) {
        Query now = new TermQuery(new Term(Schema.MINHASH, term(slot, values[slot])));
        if (older) {
          // An article was written in one form only, so it matches at most one of the two.
          now =
              new BooleanQuery.Builder()
                  .add(now, BooleanClause.Occur.SHOULD)
                  .add(
                      new TermQuery(new Term(Schema.MINHASH, olderTerm(slot, values[slot]))),
                      BooleanClause.Occur.SHOULD)
                  .build();
        }
        slots.add(new ConstantScoreQuery(now), BooleanClause.Occur.SHOULD);
      }
      return slots.build();
    }

    @Override
    public void visit(QueryVisitor visitor) {
      visitor.visitLeaf(this);
    }

    @Override
    public String toString(String field) {
      return "MinHashTerms.sharing(" + minShared + " of " + values.length + ")";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Sharing s && minShared == s.minShared && Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(values) * 31 + minShared;
    }
  }
}
