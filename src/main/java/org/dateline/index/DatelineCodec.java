package org.dateline.index;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;

/**
 * The codec every Dateline index is written with (schema 11): Lucene's own codec, except that
 * stored values (an article's text and its {@link CompactMeta}) are compressed by {@link
 * StoredTextMode}, LZ4 with a thorough match search over Lucene's own chunk layout: 7.7 % smaller
 * stored values at Reuters (14.70 -> 13.57 MB), read as fast, since a hit decompresses the same
 * number of bytes with the same LZ4.
 *
 * <p>Lucene finds a segment's codec by the name it was written with ({@link #NAME}, registered in
 * {@code META-INF/services}), so this class must stay as it is while any index written with it may
 * be read: another stored-values layout, or a Lucene upgrade whose default codec changes, needs a
 * codec of another name beside this one (this one then delegating to Lucene's backward codec).
 * Segments written by older Dateline versions keep Lucene's codec and are read as they are; a merge
 * rewrites them with this one.
 */
public final class DatelineCodec extends FilterCodec {

  /** The name segments record. */
  public static final String NAME = "Dateline11";

  /**
   * Dictionary and block sizes of new chunks (the reader takes them from each chunk): Lucene's own
   * (BEST_SPEED: a 4 KB dictionary, ten blocks of about 8 KB), so a hit decompresses as many bytes
   * as before. Larger ones compress better and cost a hit about 2 µs per KB more (session 13,
   * `bench stored --text-blocks`, docs/figures-issue-20.md).
   */
  static final int DICT_LENGTH = 4 * 1024;

  static final int BLOCK_LENGTH = 8 * 1024;

  /** Bytes of documents gathered before a chunk is compressed: a dictionary and ten blocks. */
  static final int CHUNK_LENGTH = DICT_LENGTH + 10 * BLOCK_LENGTH;

  private static final int MAX_DOCS_PER_CHUNK = 1024;

  /** Lucene's default: how many chunks share one entry of the chunk index. */
  private static final int INDEX_BLOCK_SHIFT = 10;

  private final StoredFieldsFormat storedFields;

  /** The codec as Lucene's service loader makes it, to read and write. */
  public DatelineCodec() {
    this(DICT_LENGTH, BLOCK_LENGTH, CHUNK_LENGTH);
  }

  /**
   * A codec writing stored values with other dictionary, block and chunk sizes (benchmarks: what
   * each choice costs in bytes and per hit). Its segments are read by the default instance.
   */
  public DatelineCodec(int dictLength, int blockLength, int chunkLength) {
    super(NAME, new Lucene104Codec());
    storedFields =
        new Lucene90CompressingStoredFieldsFormat(
            "DatelineStoredText",
            new StoredTextMode(dictLength, blockLength),
            chunkLength,
            MAX_DOCS_PER_CHUNK,
            INDEX_BLOCK_SHIFT);
  }

  @Override
  public StoredFieldsFormat storedFieldsFormat() {
    return storedFields;
  }

  /** The codec new segments are written with. */
  public static Codec writing() {
    return new DatelineCodec();
  }
}
