package org.dateline.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.lucene.codecs.DocValuesProducer;
import org.apache.lucene.codecs.FieldsProducer;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValuesSkipper;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FilterCodecReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.FixedBitSet;
import org.dateline.index.Schema;

/**
 * A copy of an index (one segment per source segment) with its story fields as schema 12 writes
 * them, and a share of its articles made undated: their {@link Schema#DATE} and {@link
 * Schema#LOCAL_DATE} doc values dropped, and only theirs keep the {@link Schema#MINHASH} terms (the
 * dated articles' terms dropped). For timing the story lookup at scale without ingesting again. Not
 * a faithful archive: the made-undated articles keep their stored date and their local date's
 * points (the lookup of schema 12 segments reads neither; a lookup's verification reads the stored
 * date, so only the candidate query's figures are meant).
 */
public final class Schema12Copy {

  private Schema12Copy() {}

  /** Writes the copy of {@code src} into {@code dst}; {@code undatedShare} of 0 to 1. */
  public static void write(Path src, Path dst, double undatedShare, long seed) throws IOException {
    SplittableRandom rnd = new SplittableRandom(seed);
    try (Directory in = FSDirectory.open(src);
        DirectoryReader reader = DirectoryReader.open(in);
        Directory out = FSDirectory.open(dst)) {
      IndexWriterConfig iwc =
          new IndexWriterConfig()
              .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
              .setMergePolicy(NoMergePolicy.INSTANCE);
      try (IndexWriter w = new IndexWriter(out, iwc)) {
        for (LeafReaderContext leaf : reader.leaves()) {
          CodecReader codec = (CodecReader) FilterLeafReader.unwrap(leaf.reader());
          FixedBitSet undated = new FixedBitSet(codec.maxDoc());
          for (int d = 0; d < codec.maxDoc(); d++) {
            if (rnd.nextDouble() < undatedShare) {
              undated.set(d);
            }
          }
          w.addIndexes(new Undated(codec, undated));
        }
        Map<String, String> data = new HashMap<>(SegmentInfos.readLatestCommit(in).getUserData());
        w.setLiveCommitData(data.entrySet());
        w.commit();
      }
    }
  }

  /** A segment with the dates of {@code undated} dropped, and the MinHash terms of the others. */
  private static final class Undated extends FilterCodecReader {
    private final FixedBitSet undated;

    Undated(CodecReader in, FixedBitSet undated) {
      super(in);
      this.undated = undated;
    }

    @Override
    public FieldsProducer getPostingsReader() {
      FieldsProducer p = in.getPostingsReader();
      return new FieldsProducer() {
        @Override
        public Iterator<String> iterator() {
          return p.iterator();
        }

        @Override
        public Terms terms(String field) throws IOException {
          Terms t = p.terms(field);
          return t == null || !field.equals(Schema.MINHASH) ? t : new OnlyTerms(t, undated);
        }

        @Override
        public int size() {
          return p.size();
        }

        @Override
        public void close() throws IOException {
          p.close();
        }

        @Override
        public void checkIntegrity() throws IOException {
          p.checkIntegrity();
        }
      };
    }

    @Override
    public DocValuesProducer getDocValuesReader() {
      DocValuesProducer p = in.getDocValuesReader();
      return new DocValuesProducer() {
        @Override
        public NumericDocValues getNumeric(FieldInfo field) throws IOException {
          NumericDocValues v = p.getNumeric(field);
          boolean date = field.name.equals(Schema.DATE) || field.name.equals(Schema.LOCAL_DATE);
          return date ? new Dated(v, undated) : v;
        }

        @Override
        public BinaryDocValues getBinary(FieldInfo field) throws IOException {
          return p.getBinary(field);
        }

        @Override
        public SortedDocValues getSorted(FieldInfo field) throws IOException {
          return p.getSorted(field);
        }

        @Override
        public SortedNumericDocValues getSortedNumeric(FieldInfo field) throws IOException {
          return p.getSortedNumeric(field);
        }

        @Override
        public SortedSetDocValues getSortedSet(FieldInfo field) throws IOException {
          return p.getSortedSet(field);
        }

        @Override
        public DocValuesSkipper getSkipper(FieldInfo field) throws IOException {
          return p.getSkipper(field);
        }

        @Override
        public void checkIntegrity() throws IOException {
          p.checkIntegrity();
        }

        @Override
        public void close() throws IOException {
          p.close();
        }
      };
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

  /** Terms whose postings hold only the documents of {@code keep}. */
  private static final class OnlyTerms extends FilterLeafReader.FilterTerms {
    private final FixedBitSet keep;

    OnlyTerms(Terms in, FixedBitSet keep) {
      super(in);
      this.keep = keep;
    }

    @Override
    public TermsEnum iterator() throws IOException {
      return new FilterLeafReader.FilterTermsEnum(in.iterator()) {
        @Override
        public PostingsEnum postings(PostingsEnum reuse, int flags) throws IOException {
          return new FilterLeafReader.FilterPostingsEnum(in.postings(null, flags)) {
            @Override
            public int nextDoc() throws IOException {
              int d = in.nextDoc();
              while (d != NO_MORE_DOCS && !keep.get(d)) {
                d = in.nextDoc();
              }
              return d;
            }

            @Override
            public int advance(int target) throws IOException {
              int d = in.advance(target);
              while (d != NO_MORE_DOCS && !keep.get(d)) {
                d = in.nextDoc();
              }
              return d;
            }
          };
        }
      };
    }
  }

  /** Doc values without the documents of {@code drop}. */
  private static final class Dated extends NumericDocValues {
    private final NumericDocValues in;
    private final FixedBitSet drop;

    Dated(NumericDocValues in, FixedBitSet drop) {
      this.in = in;
      this.drop = drop;
    }

    @Override
    public long longValue() throws IOException {
      return in.longValue();
    }

    @Override
    public boolean advanceExact(int target) throws IOException {
      return !drop.get(target) && in.advanceExact(target);
    }

    @Override
    public int docID() {
      return in.docID();
    }

    @Override
    public int nextDoc() throws IOException {
      int d = in.nextDoc();
      while (d != DocIdSetIterator.NO_MORE_DOCS && drop.get(d)) {
        d = in.nextDoc();
      }
      return d;
    }

    @Override
    public int advance(int target) throws IOException {
      int d = in.advance(target);
      while (d != DocIdSetIterator.NO_MORE_DOCS && drop.get(d)) {
        d = in.nextDoc();
      }
      return d;
    }

    @Override
    public long cost() {
      return in.cost();
    }
  }
}
