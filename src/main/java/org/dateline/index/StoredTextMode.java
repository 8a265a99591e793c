package org.dateline.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.compressing.Compressor;
import org.apache.lucene.codecs.compressing.Decompressor;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.store.IndexInput;
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
 * never the whole chunk; and the dictionary only at a chunk's first hit, since a segment keeps its
 * chunks' decoded dictionaries ({@link Dictionaries}).
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
    return new ChunkDecompressor(new Dictionaries());
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

  /**
   * Reads a hit's dictionary and blocks with Lucene's LZ4 decoder, each part first copied whole
   * into an array (its compressed length is in the chunk's header) and decoded from there: the
   * decoder reads a token, a length or an offset a byte at a time, and from the mapped index file
   * every such read pays the memory segment's bounds and liveness checks, where one bulk copy pays
   * them once.
   */
  private static final class ChunkDecompressor extends Decompressor {
    private int[] lengths = new int[0];
    private byte[] window = BytesRef.EMPTY_BYTES;
    private byte[] compressed = BytesRef.EMPTY_BYTES;
    private final ByteArrayDataInput part = new ByteArrayDataInput();
    private final Dictionaries dictionaries;

    ChunkDecompressor(Dictionaries dictionaries) {
      this.dictionaries = dictionaries;
    }

    @Override
    public void decompress(DataInput in, int originalLength, int offset, int length, BytesRef bytes)
        throws IOException {
      if (length == 0) {
        bytes.length = 0;
        return;
      }
      long chunk = in instanceof IndexInput file ? file.getFilePointer() : -1;
      int dict = in.readVInt();
      int block = in.readVInt();
      int dictCompressed = in.readVInt();
      int blocks = (originalLength - dict + block - 1) / block;
      lengths = ArrayUtil.growNoCopy(lengths, blocks);
      for (int i = 0; i < blocks; i++) {
        lengths[i] = in.readVInt();
      }
      window = ArrayUtil.growNoCopy(window, dict + block);
      byte[] known = chunk < 0 ? null : dictionaries.get(chunk);
      if (known != null && known.length == dict) {
        in.skipBytes(dictCompressed);
        System.arraycopy(known, 0, window, 0, dict);
      } else {
        if (LZ4.decompress(read(in, dictCompressed), dict, window, 0) != dict) {
          throw new CorruptIndexException("stored-values dictionary of the wrong length", in);
        }
        if (chunk >= 0) {
          dictionaries.keep(chunk, Arrays.copyOf(window, dict));
        }
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
        if (LZ4.decompress(read(in, lengths[i++]), n, window, dict) < dict + n) {
          throw new CorruptIndexException("stored-values block shorter than written", in);
        }
        System.arraycopy(window, dict, bytes.bytes, bytes.length, n);
        bytes.length += n;
        at += block;
      }
      bytes.offset = offset - first;
      bytes.length = length;
    }

    /** The next {@code n} bytes of {@code in}, copied at once, to decode from memory. */
    private DataInput read(DataInput in, int n) throws IOException {
      compressed = ArrayUtil.growNoCopy(compressed, n);
      in.readBytes(compressed, 0, n);
      part.reset(compressed, 0, n);
      return part;
    }

    @Override
    public Decompressor clone() {
      return new ChunkDecompressor(dictionaries);
    }
  }

  /**
   * The decompressed dictionaries of one segment's chunks, by the chunk's place in the file, shared
   * by every reader of the segment (the decompressor and its clones) and dropped with it: a chunk's
   * dictionary is the same for each of its documents, so after its first hit a chunk's later hits
   * (of any request) decompress only their blocks. Bounded: once it holds {@link #MAX_CHUNKS}
   * dictionaries it keeps no more (a Reuters segment of 11,000 articles has 142 chunks, 570 KB of
   * dictionaries; in a larger segment the first chunks read are kept, 1 MB a segment). Thread-safe.
   */
  static final class Dictionaries {

    /** At most this many dictionaries a segment (4 KB each at the default size: 1 MB). */
    static final int MAX_CHUNKS = 256;

    private final Map<Long, byte[]> byChunk = new ConcurrentHashMap<>();

    byte[] get(long chunk) {
      return byChunk.get(chunk);
    }

    void keep(long chunk, byte[] dictionary) {
      if (byChunk.size() < MAX_CHUNKS) {
        byChunk.putIfAbsent(chunk, dictionary);
      }
    }

    int size() {
      return byChunk.size();
    }
  }
}
