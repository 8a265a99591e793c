package org.dateline.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.apache.lucene.codecs.compressing.Compressor;
import org.apache.lucene.codecs.compressing.Decompressor;
import org.apache.lucene.codecs.lucene90.LZ4WithPresetDictCompressionMode;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersIndexInput;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * {@link StoredTextMode}: any slice of a chunk (in the dictionary, across blocks, at either end,
 * empty) reads back exactly, for chunks shorter and longer than a dictionary and a block; and on
 * text it writes fewer bytes than Lucene's default mode (its reason to exist).
 */
class StoredTextModeTest {

  private static byte[] compress(StoredTextMode mode, byte[] chunk) throws IOException {
    return compress(mode.newCompressor(), chunk);
  }

  private static byte[] compress(Compressor compressor, byte[] chunk) throws IOException {
    ByteBuffersDataOutput out = new ByteBuffersDataOutput();
    compressor.compress(
        new ByteBuffersDataInput(java.util.List.of(java.nio.ByteBuffer.wrap(chunk))), out);
    return out.toArrayCopy();
  }

  private static byte[] slice(Decompressor d, byte[] packed, int total, int offset, int length)
      throws IOException {
    BytesRef bytes = new BytesRef();
    d.decompress(new ByteArrayDataInput(packed), total, offset, length, bytes);
    return Arrays.copyOfRange(bytes.bytes, bytes.offset, bytes.offset + bytes.length);
  }

  /** Words drawn from a small vocabulary: repetitive like news text, not trivially so. */
  private static byte[] text(int length, long seed) {
    String[] words = {
      "the",
      "bank",
      "said",
      "rates",
      "would",
      "rise",
      "in",
      "March",
      "after",
      "a",
      "meeting",
      "of",
      "ministers",
      "Reuters",
      "oil",
      "prices",
      "fell",
      "to",
      "dlrs",
      "per",
      "barrel"
    };
    Random r = new Random(seed);
    StringBuilder b = new StringBuilder();
    while (b.length() < length) {
      b.append(words[r.nextInt(words.length)]).append(r.nextInt(9) == 0 ? ".\n" : " ");
      if (r.nextInt(40) == 0) {
        b.append(r.nextLong());
      }
    }
    return Arrays.copyOf(b.toString().getBytes(StandardCharsets.UTF_8), length);
  }

  @Test
  void everySliceOfAChunkReadsBackExactly() throws IOException {
    StoredTextMode mode = new StoredTextMode(1024, 700);
    Decompressor d = mode.newDecompressor();
    Random r = new Random(7);
    for (int total : new int[] {1, 3, 100, 1024, 1500, 4096, 9000}) {
      byte[] chunk = text(total, total);
      byte[] packed = compress(mode, chunk);
      int[][] slices = {
        {0, total}, {0, 0}, {total - 1, 1}, {0, Math.min(total, 1024)}, {total / 2, total / 2}
      };
      for (int[] s : slices) {
        assertArrayEquals(
            Arrays.copyOfRange(chunk, s[0], s[0] + s[1]),
            slice(d, packed, total, s[0], s[1]),
            total + " bytes, slice " + s[0] + "+" + s[1]);
      }
      for (int i = 0; i < 200; i++) {
        int offset = r.nextInt(total);
        int length = r.nextInt(total - offset + 1);
        assertArrayEquals(
            Arrays.copyOfRange(chunk, offset, offset + length),
            slice(d.clone(), packed, total, offset, length),
            total + " bytes, slice " + offset + "+" + length);
      }
    }
  }

  @Test
  void chunksOfOneFileReadBackExactlyWithTheirDictionariesKept() throws IOException {
    StoredTextMode mode = new StoredTextMode(1024, 700);
    // Three chunks one after the other in one file, as a segment's stored values lie, each with a
    // dictionary of its own, all of one length: a hit in one must never be read with another's.
    byte[][] chunks = {text(5000, 1), text(5000, 2), text(5000, 3)};
    ByteBuffersDataOutput file = new ByteBuffersDataOutput();
    long[] starts = new long[chunks.length];
    for (int c = 0; c < chunks.length; c++) {
      starts[c] = file.size();
      file.writeBytes(compress(mode, chunks[c]));
    }
    Decompressor root = mode.newDecompressor();
    Random r = new Random(5);
    int read = 0;
    for (int i = 0; i < 300; i++) {
      int c = r.nextInt(chunks.length);
      int total = chunks[c].length;
      int offset = r.nextInt(total);
      int length = r.nextInt(total - offset + 1);
      IndexInput in = new ByteBuffersIndexInput(file.toDataInput(), "stored values");
      in.seek(starts[c]);
      BytesRef bytes = new BytesRef();
      (i % 2 == 0 ? root : root.clone()).decompress(in, total, offset, length, bytes);
      assertArrayEquals(
          Arrays.copyOfRange(chunks[c], offset, offset + length),
          Arrays.copyOfRange(bytes.bytes, bytes.offset, bytes.offset + bytes.length),
          "chunk " + c + ", slice " + offset + "+" + length);
      read += length > 0 ? 1 : 0;
    }
    assertTrue(read > 250, read + " non-empty slices");
  }

  @Test
  void textTakesFewerBytesThanUnderLucenesDefaultMode() throws IOException {
    byte[] chunk = text(DatelineCodec.CHUNK_LENGTH, 11);
    int ours =
        compress(new StoredTextMode(DatelineCodec.DICT_LENGTH, DatelineCodec.BLOCK_LENGTH), chunk)
            .length;
    int lucenes = compress(new LZ4WithPresetDictCompressionMode().newCompressor(), chunk).length;
    assertTrue(ours < 0.95 * lucenes, ours + " bytes against Lucene's " + lucenes);
  }
}
