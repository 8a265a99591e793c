package org.dateline.index;

import java.io.IOException;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.compressing.Compressor;
import org.apache.lucene.codecs.compressing.Decompressor;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.compress.LZ4;

/**
 * How {@link DatelineCodec} compresses a chunk of stored documents: LZ4, so a hit decompresses as
 * fast as under Lucene's default (BEST_SPEED), but with LZ4's thorough match search (Lucene's
 * high-compression hash table, which looks back through chains of earlier matches instead of one
 * slot) and a preset dictionary. The chunk's first {@code dictLength} bytes are the dictionary; the
 * rest is cut into blocks of {@code blockLength} bytes, each compressed on its own with the
 * dictionary in front, so a hit decompresses the dictionary and the blocks its document spans,
 * never the whole chunk.
 *
 * <p>A chunk is written as: dictionary length, block length (vInts), the compressed length of the
 * dictionary and of each block (vInts), then the compressed dictionary and blocks. The reader takes
 * both lengths from the chunk, so the writer's choice can change without changing the format.
 * Compressing costs more than BEST_SPEED (at flush and merge), decompressing the same.
 */
final class StoredTextMode extends CompressionMode {

  private final int dictLength;
  private final int blockLength;

  /**
   * A mode writing chunks with a dictionary of up to {@code dictLength} bytes (at most LZ4's
   * window, 64 KB) and blocks of {@code blockLength}.
   */
  StoredTextMode(int dictLength, int blockLength) {
    if (dictLength < 0 || dictLength > LZ4.MAX_DISTANCE || blockLength < 1) {
      throw new IllegalArgumentException(
          "dictionary " + dictLength + " or block " + blockLength + " out of range");
    }
    this.dictLength = dictLength;
    this.blockLength = blockLength;
  }

  @Override
  public Compressor newCompressor() {
    return new ChunkCompressor(dictLength, blockLength);
  }

  @Override
  public Decompressor newDecompressor() {
    return new ChunkDecompressor();
  }

  @Override
  public String toString() {
    return "LZ4 high compression, dictionary " + dictLength + ", blocks " + blockLength;
  }

  private static final class ChunkCompressor extends Compressor {
    private final int maxDict;
    private final int maxBlock;
    private final ByteBuffersDataOutput compressed = ByteBuffersDataOutput.newResettableInstance();
    private final LZ4.HighCompressionHashTable table = new LZ4.HighCompressionHashTable();
    private byte[] window = BytesRef.EMPTY_BYTES;

    ChunkCompressor(int maxDict, int maxBlock) {
      this.maxDict = maxDict;
      this.maxBlock = maxBlock;
    }

    @Override
    public void compress(ByteBuffersDataInput in, DataOutput out) throws IOException {
      int length = Math.toIntExact(in.length() - in.position());
      // A short chunk (a segment's last, or a small flush) is better as blocks than as dictionary.
      int dict = Math.min(maxDict, length / 4);
      int block = Math.max(1, Math.min(maxBlock, length - dict));
      window = ArrayUtil.growNoCopy(window, dict + block);
      out.writeVInt(dict);
      out.writeVInt(block);
      compressed.reset();
      in.readBytes(window, 0, dict);
      part(window, 0, dict, out);
      for (int start = dict; start < length; start += block) {
        int n = Math.min(block, length - start);
        in.readBytes(window, dict, n);
        part(window, dict, n, out);
      }
      compressed.copyTo(out);
    }

    /** Compresses {@code n} bytes after the {@code dict} bytes before them; writes its length. */
    private void part(byte[] bytes, int dict, int n, DataOutput lengths) throws IOException {
      long before = compressed.size();
      LZ4.compressWithDictionary(bytes, 0, dict, n, compressed, table);
      lengths.writeVInt(Math.toIntExact(compressed.size() - before));
    }

    @Override
    public void close() {}
  }

  private static final class ChunkDecompressor extends Decompressor {
    private int[] lengths = new int[0];
    private byte[] window = BytesRef.EMPTY_BYTES;

    @Override
    public void decompress(DataInput in, int originalLength, int offset, int length, BytesRef bytes)
        throws IOException {
      if (length == 0) {
        bytes.length = 0;
        return;
      }
      int dict = in.readVInt();
      int block = in.readVInt();
      in.readVInt(); // the dictionary's compressed length: it is always decompressed
      int blocks = (originalLength - dict + block - 1) / block;
      lengths = ArrayUtil.growNoCopy(lengths, blocks);
      for (int i = 0; i < blocks; i++) {
        lengths[i] = in.readVInt();
      }
      window = ArrayUtil.growNoCopy(window, dict + block);
      if (LZ4.decompress(in, dict, window, 0) != dict) {
        throw new CorruptIndexException("stored-values dictionary of the wrong length", in);
      }
      int end = offset + length;
      bytes.bytes = ArrayUtil.growNoCopy(bytes.bytes, length + block + dict);
      bytes.length = 0;
      // Bytes of the chunk before what `bytes` holds: the copy starts at `first`.
      int first;
      if (offset < dict) {
        System.arraycopy(window, 0, bytes.bytes, 0, dict);
        bytes.length = dict;
        first = 0;
      } else {
        first = dict;
      }
      int at = dict; // chunk offset of the next block
      int i = 0;
      long skip = 0;
      while (at + block <= offset) {
        skip += lengths[i++];
        at += block;
      }
      if (offset >= dict) {
        first = at;
      }
      in.skipBytes(skip);
      bytes.bytes = ArrayUtil.grow(bytes.bytes, bytes.length + Math.max(0, end - at));
      while (at < end) {
        // LZ4 stops once it has the bytes asked for: the last block is decompressed only so far.
        int n = Math.min(block, end - at);
        if (LZ4.decompress(in, n, window, dict) < dict + n) {
          throw new CorruptIndexException("stored-values block shorter than written", in);
        }
        System.arraycopy(window, dict, bytes.bytes, bytes.length, n);
        bytes.length += n;
        at += block;
      }
      bytes.offset = offset - first;
      bytes.length = length;
    }

    @Override
    public Decompressor clone() {
      return new ChunkDecompressor();
    }
  }
}
