package org.dateline.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** MinHash terms in today's form and schema 8's, and the query finding articles by either. */
class MinHashTermsTest {

  private static final int SLOTS = 64;

  /** Values of a query article: slot i holds 0x10000 * i + 0x123 (distinct above 12 bits too). */
  private static int[] values() {
    int[] v = new int[SLOTS];
    for (int i = 0; i < SLOTS; i++) {
      v[i] = 0x10000 * i + 0x123;
    }
    return v;
  }

  /** The query's values with all but the first {@code shared} slots changed in their low bits. */
  private static int[] sharing(int shared) {
    int[] v = values();
    for (int i = shared; i < SLOTS; i++) {
      v[i] += 1;
    }
    return v;
  }

  /** The query's values changed only above the indexed bits: equal as indexed, not as values. */
  private static int[] equalInLowBits() {
    int[] v = values();
    for (int i = 0; i < SLOTS; i++) {
      v[i] += 1 << MinHashTerms.INDEX_BITS;
    }
    return v;
  }

  private static Document doc(String id, int[] v, BiFunction<Integer, Integer, BytesRef> form) {
    Document d = new Document();
    d.add(new StringField("name", id, Field.Store.NO));
    d.add(new StoredField("name", id));
    for (int slot = 0; slot < v.length; slot++) {
      d.add(new StringField(Schema.MINHASH, form.apply(slot, v[slot]), Field.Store.NO));
    }
    return d;
  }

  private static List<String> found(Directory dir) throws IOException {
    try (DirectoryReader r = DirectoryReader.open(dir)) {
      IndexSearcher s = new IndexSearcher(r);
      ScoreDoc[] hits = s.search(MinHashTerms.sharing(values(), 7), 10).scoreDocs;
      return Arrays.stream(hits).map(h -> name(s, h.doc)).sorted().toList();
    }
  }

  private static String name(IndexSearcher s, int doc) {
    try {
      return s.storedFields().document(doc).get("name");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static boolean older(Directory dir) throws IOException {
    try (DirectoryReader r = DirectoryReader.open(dir)) {
      return MinHashTerms.holdsOlderForm(new IndexSearcher(r));
    }
  }

  @Test
  void aTermIsTheFormsSlotByteThenTheValuesLowTwelveBits() {
    assertArrayEquals(
        new byte[] {0x43, 0x0D, (byte) 0xEF},
        BytesRef.deepCopyOf(MinHashTerms.term(3, 0xABCDEF)).bytes);
    assertArrayEquals(
        new byte[] {0x03, (byte) 0xAB, (byte) 0xCD, (byte) 0xEF},
        BytesRef.deepCopyOf(MinHashTerms.olderTerm(3, 0xABCDEF)).bytes);
    assertEquals(MinHashTerms.term(63, 0x000FFF), MinHashTerms.term(63, 0xFFFFFF));
  }

  @Test
  void sevenSharedSlotsFindAnArticleSixDoNotInEitherFormAndInAMergedSegment() throws IOException {
    try (Directory dir = new ByteBuffersDirectory();
        IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
      w.addDocument(doc("old7", sharing(7), MinHashTerms::olderTerm));
      w.addDocument(doc("old6", sharing(6), MinHashTerms::olderTerm));
      // equal in the low bits only: schema 8 kept 24 bits, so no candidate there
      w.addDocument(doc("oldHigh", equalInLowBits(), MinHashTerms::olderTerm));
      w.commit();
      assertTrue(older(dir));
      assertEquals(List.of("old7"), found(dir));

      w.addDocument(doc("new7", sharing(7), MinHashTerms::term));
      w.addDocument(doc("new6", sharing(6), MinHashTerms::term));
      w.addDocument(doc("newHigh", equalInLowBits(), MinHashTerms::term));
      w.commit();
      assertEquals(List.of("new7", "newHigh", "old7"), found(dir), "two segments, two forms");

      w.forceMerge(1);
      w.commit();
      assertTrue(older(dir), "one segment holding both forms");
      assertEquals(List.of("new7", "newHigh", "old7"), found(dir));

      w.deleteDocuments(new org.apache.lucene.index.Term("name", "old7"));
      w.deleteDocuments(new org.apache.lucene.index.Term("name", "old6"));
      w.deleteDocuments(new org.apache.lucene.index.Term("name", "oldHigh"));
      w.forceMerge(1);
      w.commit();
      assertFalse(older(dir), "the older articles merged away");
      assertEquals(List.of("new7", "newHigh"), found(dir));
    }
  }

  @Test
  void theCandidatesAreScoredByHowManySlotsTheyShare() throws IOException {
    try (Directory dir = new ByteBuffersDirectory();
        IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
      w.addDocument(doc("old20", sharing(20), MinHashTerms::olderTerm));
      w.commit();
      w.addDocument(doc("new9", sharing(9), MinHashTerms::term));
      w.commit();
      try (DirectoryReader r = DirectoryReader.open(dir)) {
        IndexSearcher s = new IndexSearcher(r);
        ScoreDoc[] hits = s.search(MinHashTerms.sharing(values(), 7), 10).scoreDocs;
        assertEquals(2, hits.length);
        assertEquals("old20", name(s, hits[0].doc));
        assertEquals(20f, hits[0].score);
        assertEquals(9f, hits[1].score);
      }
    }
  }

  @Test
  void packedValuesAgreeInASlotExactlyWhenTheTermsDo() {
    assertArrayEquals(
        new byte[] {(byte) 0xDE, (byte) 0xF1, 0x23},
        BytesRef.deepCopyOf(MinHashTerms.packed(new int[] {0xABCDEF, 0x456123})).bytes);
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(16);
    for (int round = 0; round < 500; round++) {
      int[] a = new int[SLOTS];
      int[] b = new int[SLOTS];
      for (int slot = 0; slot < SLOTS; slot++) {
        a[slot] = rnd.nextInt(1 << 24);
        // a third equal, a third equal in the low bits only, a third apart (mostly)
        int kind = rnd.nextInt(3);
        b[slot] = kind == 0 ? a[slot] : kind == 1 ? a[slot] ^ (1 << 20) : rnd.nextInt(1 << 24);
      }
      int sameTerms = 0;
      for (int slot = 0; slot < SLOTS; slot++) {
        sameTerms +=
            MinHashTerms.term(slot, a[slot]).equals(MinHashTerms.term(slot, b[slot])) ? 1 : 0;
      }
      assertEquals(96, MinHashTerms.packed(b).length);
      assertEquals(
          sameTerms, MinHashTerms.sharedSlots(MinHashTerms.kept(a), MinHashTerms.packed(b)));
    }
    // every kept bit, at either place in a slot pair, and an odd number of slots
    for (int slots : new int[] {SLOTS, 63, 1}) {
      for (int i = 0; i < 200; i++) {
        int[] a = new int[slots];
        int[] b = new int[slots];
        int same = 0;
        for (int slot = 0; slot < slots; slot++) {
          a[slot] = rnd.nextInt(1 << 24);
          boolean flip = rnd.nextBoolean();
          b[slot] = flip ? a[slot] ^ (1 << rnd.nextInt(12)) : a[slot];
          same += flip ? 0 : 1;
        }
        assertEquals(
            same,
            MinHashTerms.sharedSlots(MinHashTerms.kept(a), MinHashTerms.packed(b)),
            "slots: " + slots);
      }
    }
    assertEquals(
        SLOTS,
        MinHashTerms.sharedSlots(
            MinHashTerms.kept(values()), MinHashTerms.packed(equalInLowBits())));
    assertEquals(
        0,
        MinHashTerms.sharedSlots(MinHashTerms.kept(values()), MinHashTerms.packed(new int[32])),
        "values of another number of slots are never compared");
  }

  /** A term of today's form read back: its slot and kept value; an older term is not one. */
  @Test
  void aTermIsReadBackAsItsSlotAndKeptValue() {
    for (int slot = 0; slot < 64; slot++) {
      for (int value : new int[] {0, 1, 0xABC, 0xFFF, 0x7_5FFF, -1}) {
        int kept = value & ((1 << MinHashTerms.INDEX_BITS) - 1);
        assertEquals(
            slot << MinHashTerms.INDEX_BITS | kept,
            MinHashTerms.slotAndValue(MinHashTerms.term(slot, value)),
            slot + " " + value);
      }
      assertEquals(-1, MinHashTerms.slotAndValue(MinHashTerms.olderTerm(slot, 0xABCDEF)));
    }
  }

  @Test
  void packedValuesAreReadBackAsTheirKeptBits() {
    java.util.Random random = new java.util.Random(18);
    for (int round = 0; round < 200; round++) {
      int[] full = new int[SLOTS];
      for (int i = 0; i < SLOTS; i++) {
        full[i] = random.nextInt(1 << 24);
      }
      BytesRef packed = MinHashTerms.packed(full);
      int[] kept = MinHashTerms.unpacked(packed);
      for (int i = 0; i < SLOTS; i++) {
        assertEquals(full[i] & ((1 << MinHashTerms.INDEX_BITS) - 1), kept[i], "slot " + i);
        assertEquals(MinHashTerms.term(i, full[i]), MinHashTerms.term(i, kept[i]), "slot " + i);
      }
      assertEquals(packed, MinHashTerms.packed(kept));
      // read at an offset, as a doc value's bytes may lie
      byte[] shifted = new byte[packed.length + 5];
      System.arraycopy(packed.bytes, 0, shifted, 3, packed.length);
      assertArrayEquals(kept, MinHashTerms.unpacked(new BytesRef(shifted, 3, packed.length)));
    }
    // the highest and lowest values of both halves of a three-byte pair
    int[] edges = {0xFFF, 0, 0, 0xFFF, 0x800, 0x001, 0x001, 0x800};
    assertArrayEquals(edges, MinHashTerms.unpacked(MinHashTerms.packed(edges)));
  }
}
