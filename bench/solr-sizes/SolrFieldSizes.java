// Bytes of a Lucene 9 index (the Solr peer's) by file kind, and each field alone in a one-segment
// copy of its own with its bytes by file kind: what `dateline bench sizes INDEX --alone` prints for
// Dateline's index, for an index Dateline's Lucene 10 cannot open. Run with the peer's jars:
//   java -cp '/path/to/solr-peer/target/lib/*' bench/solr-sizes/SolrFieldSizes.java \
//       SOLR_HOME/news/data/index SCRATCH
// SCRATCH is a folder it may create and delete. Reads the index only. Written with Lucene 9.12's
// default codec (Solr's SchemaCodecFactory writes the same when the schema names no formats).

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SlowCodecReaderWrapper;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

public class SolrFieldSizes {

  public static void main(String[] args) throws Exception {
    Path index = Path.of(args[0]);
    Path scratch = Path.of(args[1]);
    Map<String, Long> kinds = byKind(index);
    long all = kinds.values().stream().mapToLong(Long::longValue).sum();
    System.out.printf("index as is: %.2f MB%n| kind | MB |%n|---|---|%n", all / 1e6);
    kinds.forEach((k, b) -> System.out.printf("| %s | %.2f |%n", k, b / 1e6));
    try (Directory dir = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      Set<String> fields = new TreeSet<>();
      for (LeafReaderContext leaf : reader.leaves()) {
        for (FieldInfo fi : leaf.reader().getFieldInfos()) {
          fields.add(fi.name);
        }
      }
      record Row(String field, long bytes, Map<String, Long> kinds) {}
      List<Row> rows = new ArrayList<>();
      long sum = 0;
      for (String field : fields) {
        Set<String> others = new TreeSet<>(fields);
        others.remove(field);
        Path out = scratch.resolve("alone");
        delete(out);
        IndexWriterConfig iwc = new IndexWriterConfig(null);
        iwc.setUseCompoundFile(false);
        try (Directory od = FSDirectory.open(out);
            IndexWriter w = new IndexWriter(od, iwc)) {
          List<CodecReader> parts = new ArrayList<>();
          for (LeafReaderContext leaf : reader.leaves()) {
            parts.add(SlowCodecReaderWrapper.wrap(new Hiding(leaf.reader(), others)));
          }
          w.addIndexes(parts.toArray(CodecReader[]::new));
          w.forceMerge(1);
          w.commit();
        }
        Map<String, Long> k = byKind(out);
        long b = k.values().stream().mapToLong(Long::longValue).sum();
        rows.add(new Row(field, b, k));
        sum += b;
        delete(out);
      }
      rows.sort(Comparator.comparingLong(Row::bytes).reversed());
      System.out.printf(
          "%neach field alone (%,d documents; one segment per field, %.2f MB in all)%n"
              + "| field | MB | by kind (MB; under 0.01 left out) |%n|---|---|---|%n",
          reader.numDocs(), sum / 1e6);
      for (Row r : rows) {
        StringBuilder s = new StringBuilder();
        r.kinds()
            .forEach(
                (kind, b) -> {
                  if (b >= 10_000) {
                    s.append(s.isEmpty() ? "" : ", ").append(String.format("%s %.2f", kind, b / 1e6));
                  }
                });
        System.out.printf("| %s | %.2f | %s |%n", r.field(), r.bytes() / 1e6, s);
      }
    }
  }

  static Map<String, Long> byKind(Path indexDir) throws IOException {
    Map<String, Long> byKind = new TreeMap<>();
    try (Directory dir = FSDirectory.open(indexDir)) {
      for (SegmentCommitInfo si : SegmentInfos.readLatestCommit(dir)) {
        boolean compound = si.info.getUseCompoundFile();
        Directory files =
            compound ? si.info.getCodec().compoundFormat().getCompoundReader(dir, si.info, org.apache.lucene.store.IOContext.READONCE)
                : dir;
        for (String f : compound ? files.listAll() : si.files().toArray(String[]::new)) {
          byKind.merge(f.substring(f.lastIndexOf('.') + 1), files.fileLength(f), Long::sum);
        }
        if (compound) {
          files.close();
        }
      }
    }
    return byKind;
  }

  static void delete(Path p) throws IOException {
    if (Files.exists(p)) {
      try (Stream<Path> all = Files.walk(p)) {
        for (Path q : all.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(q);
        }
      }
    }
  }

  /** A segment with some fields left out everywhere. */
  static final class Hiding extends FilterLeafReader {
    final Set<String> hidden;
    final FieldInfos infos;

    Hiding(LeafReader in, Set<String> hidden) {
      super(in);
      this.hidden = hidden;
      List<FieldInfo> kept = new ArrayList<>();
      for (FieldInfo fi : in.getFieldInfos()) {
        if (!hidden.contains(fi.name)) {
          kept.add(fi);
        }
      }
      infos = new FieldInfos(kept.toArray(FieldInfo[]::new));
    }

    @Override
    public FieldInfos getFieldInfos() {
      return infos;
    }

    @Override
    public Terms terms(String f) throws IOException {
      return hidden.contains(f) ? null : super.terms(f);
    }

    @Override
    public NumericDocValues getNumericDocValues(String f) throws IOException {
      return hidden.contains(f) ? null : super.getNumericDocValues(f);
    }

    @Override
    public BinaryDocValues getBinaryDocValues(String f) throws IOException {
      return hidden.contains(f) ? null : super.getBinaryDocValues(f);
    }

    @Override
    public SortedDocValues getSortedDocValues(String f) throws IOException {
      return hidden.contains(f) ? null : super.getSortedDocValues(f);
    }

    @Override
    public SortedNumericDocValues getSortedNumericDocValues(String f) throws IOException {
      return hidden.contains(f) ? null : super.getSortedNumericDocValues(f);
    }

    @Override
    public SortedSetDocValues getSortedSetDocValues(String f) throws IOException {
      return hidden.contains(f) ? null : super.getSortedSetDocValues(f);
    }

    @Override
    public NumericDocValues getNormValues(String f) throws IOException {
      return hidden.contains(f) ? null : super.getNormValues(f);
    }

    @Override
    public PointValues getPointValues(String f) throws IOException {
      return hidden.contains(f) ? null : super.getPointValues(f);
    }

    @Override
    public StoredFields storedFields() throws IOException {
      StoredFields all = super.storedFields();
      return new StoredFields() {
        @Override
        public void document(int doc, StoredFieldVisitor v) throws IOException {
          all.document(
              doc,
              new StoredFieldVisitor() {
                @Override
                public Status needsField(FieldInfo fi) throws IOException {
                  return hidden.contains(fi.name) ? Status.NO : v.needsField(fi);
                }

                @Override
                public void binaryField(FieldInfo fi, byte[] value) throws IOException {
                  v.binaryField(fi, value);
                }

                @Override
                public void stringField(FieldInfo fi, String value) throws IOException {
                  v.stringField(fi, value);
                }

                @Override
                public void intField(FieldInfo fi, int value) throws IOException {
                  v.intField(fi, value);
                }

                @Override
                public void longField(FieldInfo fi, long value) throws IOException {
                  v.longField(fi, value);
                }

                @Override
                public void floatField(FieldInfo fi, float value) throws IOException {
                  v.floatField(fi, value);
                }

                @Override
                public void doubleField(FieldInfo fi, double value) throws IOException {
                  v.doubleField(fi, value);
                }
              });
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
}
