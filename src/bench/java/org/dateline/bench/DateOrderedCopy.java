package org.dateline.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterCodecReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SlowCodecReaderWrapper;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;
import org.dateline.index.Schema;

/**
 * A copy of an index with its articles in {@code parts} segments, each holding a stretch of
 * publication dates (equal numbers of articles; undated ones in the last), as an archive ingested
 * in publication order has them, unlike a bulk load in random date order, whose every segment spans
 * every year. Made by merging filtered views of the source segments (no article is read again or
 * re-analysed): the documents, their fields and the commit's user data are the source's.
 */
public final class DateOrderedCopy {

  private DateOrderedCopy() {}

  /** Writes the copy of {@code src} into {@code dst} (which must not hold an index). */
  public static void write(Path src, Path dst, int parts) throws IOException {
    try (Directory in = FSDirectory.open(src);
        DirectoryReader reader = DirectoryReader.open(in);
        Directory out = FSDirectory.open(dst)) {
      long[] bounds = bounds(reader, parts);
      IndexWriterConfig iwc =
          new IndexWriterConfig()
              .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
              .setMergePolicy(NoMergePolicy.INSTANCE);
      try (IndexWriter w = new IndexWriter(out, iwc)) {
        for (int part = 0; part < parts; part++) {
          List<CodecReader> views = new ArrayList<>();
          for (LeafReaderContext leaf : reader.leaves()) {
            FixedBitSet keep = part(leaf, bounds, part, parts);
            if (keep.cardinality() > 0) {
              views.add(new Only(SlowCodecReaderWrapper.wrap(leaf.reader()), keep));
            }
          }
          if (!views.isEmpty()) {
            w.addIndexes(views.toArray(CodecReader[]::new)); // one segment of this part
          }
        }
        Map<String, String> data = new HashMap<>(SegmentInfos.readLatestCommit(in).getUserData());
        w.setLiveCommitData(data.entrySet());
        w.commit();
      }
    }
  }

  /** The dates splitting the dated articles into {@code parts} equal shares. */
  private static long[] bounds(DirectoryReader reader, int parts) throws IOException {
    long[] dates = new long[reader.maxDoc()];
    int n = 0;
    for (LeafReaderContext leaf : reader.leaves()) {
      NumericDocValues dv = leaf.reader().getNumericDocValues(Schema.DATE);
      Bits live = leaf.reader().getLiveDocs();
      while (dv != null && dv.nextDoc() != NumericDocValues.NO_MORE_DOCS) {
        if (live == null || live.get(dv.docID())) {
          dates[n++] = dv.longValue();
        }
      }
    }
    long[] sorted = Arrays.copyOf(dates, n);
    Arrays.sort(sorted);
    long[] bounds = new long[parts - 1];
    for (int i = 1; i < parts; i++) {
      bounds[i - 1] = n == 0 ? Long.MAX_VALUE : sorted[(int) ((long) n * i / parts)];
    }
    return bounds;
  }

  /** The live articles of {@code leaf} in part {@code part}: dated in its stretch, or undated. */
  private static FixedBitSet part(LeafReaderContext leaf, long[] bounds, int part, int parts)
      throws IOException {
    int maxDoc = leaf.reader().maxDoc();
    FixedBitSet keep = new FixedBitSet(maxDoc);
    NumericDocValues dv = leaf.reader().getNumericDocValues(Schema.DATE);
    Bits live = leaf.reader().getLiveDocs();
    for (int doc = 0; doc < maxDoc; doc++) {
      if (live != null && !live.get(doc)) {
        continue;
      }
      int p = parts - 1; // undated: the last part
      if (dv != null && dv.advanceExact(doc)) {
        int at = Arrays.binarySearch(bounds, dv.longValue());
        p = at >= 0 ? at + 1 : -at - 1;
      }
      if (p == part) {
        keep.set(doc);
      }
    }
    return keep;
  }

  /** A segment with only the documents of {@code keep} live. */
  private static final class Only extends FilterCodecReader {
    private final FixedBitSet keep;
    private final int live;

    Only(CodecReader in, FixedBitSet keep) {
      super(in);
      this.keep = keep;
      this.live = keep.cardinality();
    }

    @Override
    public Bits getLiveDocs() {
      return keep;
    }

    @Override
    public int numDocs() {
      return live;
    }

    @Override
    public CacheHelper getCoreCacheHelper() {
      return null;
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
      return null;
    }
  }
}
