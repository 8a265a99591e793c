package org.dateline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SlowCodecReaderWrapper;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.dateline.index.DatelineCodec;

/**
 * What each field of an index costs on disk: the index is rewritten into one segment once whole and
 * once without each field; a field's cost is the difference. Exact for what the field alone holds
 * (its postings, doc values, points, norms, stored values), where the file kinds of {@link
 * IndexSizes} mix all fields together.
 */
public final class FieldCosts {

  /**
   * One field's bytes, its share of the whole rewritten index, and (for {@link #alone}) its bytes
   * by Lucene file kind ({@link IndexSizes#byKind}; empty for {@link #of}, whose differences mix
   * kinds).
   */
  public record Cost(String field, long bytes, double share, Map<String, Long> byKind) {
    public Cost(String field, long bytes, double share) {
      this(field, bytes, share, Map.of());
    }
  }

  /** The rewritten index's size and the cost of each field, largest first. */
  public record Result(long wholeBytes, List<Cost> fields) {}

  private FieldCosts() {}

  /** Rewrites the index of {@code indexDir} into scratch folders under {@code scratch}. */
  public static Result of(Path indexDir, Path scratch) throws IOException {
    try (Directory dir = FSDirectory.open(indexDir);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      Set<String> fields = fieldsOf(reader);
      long whole = rewrite(reader, FieldCosts::asIs, scratch.resolve("whole"), null);
      List<Cost> costs = new ArrayList<>();
      for (String field : fields) {
        long without =
            rewrite(
                reader,
                leaf -> new FieldHidingReader(leaf, Set.of(field)),
                scratch.resolve("without"),
                null);
        costs.add(new Cost(field, whole - without, (double) (whole - without) / whole));
      }
      costs.sort((a, b) -> Long.compare(b.bytes(), a.bytes()));
      return new Result(whole, costs);
    }
  }

  /**
   * Each field's bytes in a one-segment index holding that field alone (the documents kept, every
   * other field left out). Where {@link #of} rewrites the whole index once per field, this writes
   * only the field's own bytes each time, so it stays affordable on an archive of a million
   * articles; stored values alone compress a little differently than among the others. {@code
   * only}: the fields to measure (empty: every field of the index).
   */
  public static Result alone(Path indexDir, Path scratch, Set<String> only) throws IOException {
    try (Directory dir = FSDirectory.open(indexDir);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      Set<String> fields = fieldsOf(reader);
      long total = 0;
      List<Cost> costs = new ArrayList<>();
      for (String field : only.isEmpty() ? fields : only) {
        if (!fields.contains(field)) {
          throw new IllegalArgumentException(
              "the index has no field " + field + "; its fields: " + String.join(", ", fields));
        }
        Set<String> others = new TreeSet<>(fields);
        others.remove(field);
        Map<String, Long> kinds = new TreeMap<>();
        long bytes =
            rewrite(
                reader,
                leaf -> new FieldHidingReader(leaf, others),
                scratch.resolve("alone"),
                null,
                kinds);
        costs.add(new Cost(field, bytes, 0, kinds));
        total += bytes;
      }
      List<Cost> shared = new ArrayList<>();
      for (Cost c : costs) {
        shared.add(
            new Cost(
                c.field(), c.bytes(), total == 0 ? 0 : (double) c.bytes() / total, c.byKind()));
      }
      shared.sort((a, b) -> Long.compare(b.bytes(), a.bytes()));
      return new Result(total, shared);
    }
  }

  /**
   * The index rewritten into one segment whole and without {@code fields} (all of them at once),
   * each with its bytes by file kind: what an archive would take without those features.
   */
  public static List<Cost> without(Path indexDir, Path scratch, Set<String> fields)
      throws IOException {
    try (Directory dir = FSDirectory.open(indexDir);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      Set<String> present = fieldsOf(reader);
      for (String f : fields) {
        if (!present.contains(f)) {
          throw new IllegalArgumentException(
              "the index has no field " + f + "; its fields: " + String.join(", ", present));
        }
      }
      Map<String, Long> wholeKinds = new TreeMap<>();
      long whole = rewrite(reader, FieldCosts::asIs, scratch.resolve("whole"), null, wholeKinds);
      Map<String, Long> lessKinds = new TreeMap<>();
      long less =
          rewrite(
              reader,
              leaf -> new FieldHidingReader(leaf, fields),
              scratch.resolve("without"),
              null,
              lessKinds);
      return List.of(
          new Cost("(all)", whole, 1, wholeKinds),
          new Cost(
              "without " + String.join(",", new TreeSet<>(fields)),
              less,
              (double) less / whole,
              lessKinds));
    }
  }

  private static Set<String> fieldsOf(DirectoryReader reader) {
    Set<String> fields = new TreeSet<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      for (FieldInfo fi : leaf.reader().getFieldInfos()) {
        fields.add(fi.name);
      }
    }
    return fields;
  }

  /**
   * Bytes of the index rewritten into one segment with stored values under Lucene's default codec
   * (LZ4, BEST_SPEED), under Dateline's ({@link DatelineCodec}, what indexes are written with) and
   * under DEFLATE (Lucene's BEST_COMPRESSION mode): what each would save, before choosing it.
   */
  public static long[] bestCompression(Path indexDir, Path scratch) throws IOException {
    try (Directory dir = FSDirectory.open(indexDir);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      long lz4 =
          rewrite(
              reader,
              FieldCosts::asIs,
              scratch.resolve("lz4"),
              new Lucene104Codec(Lucene104Codec.Mode.BEST_SPEED));
      long dateline = rewrite(reader, FieldCosts::asIs, scratch.resolve("dateline"), null);
      long deflate =
          rewrite(
              reader,
              FieldCosts::asIs,
              scratch.resolve("deflate"),
              new Lucene104Codec(Lucene104Codec.Mode.BEST_COMPRESSION));
      return new long[] {lz4, dateline, deflate};
    }
  }

  /**
   * Bytes of the index rewritten into one segment as it is, and with the fields of {@code lowered}
   * indexed with fewer options (a body without offsets, say): what those parts of the postings
   * cost, before dropping them.
   */
  public static long[] withIndexOptions(
      Path indexDir, Path scratch, Map<String, IndexOptions> lowered) throws IOException {
    try (Directory dir = FSDirectory.open(indexDir);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      long as = rewrite(reader, FieldCosts::asIs, scratch.resolve("as-is"), null);
      long less =
          rewrite(
              reader, leaf -> new IndexOptionsReader(leaf, lowered), scratch.resolve("less"), null);
      return new long[] {as, less};
    }
  }

  /**
   * A segment as it is, through the same reader as the others (a plain segment would take Lucene's
   * bulk-copy merge path, whose sizes do not compare with the ones the filtered copies get).
   */
  private static LeafReader asIs(LeafReader leaf) {
    return new FieldHidingReader(leaf, Set.of());
  }

  /**
   * Bytes of one segment holding {@code reader}'s documents, each segment seen through {@code view}
   * (fields hidden, index options lowered), written by {@code codec} (null: Dateline's, {@link
   * DatelineCodec}).
   */
  private static long rewrite(
      DirectoryReader reader, UnaryOperator<LeafReader> view, Path out, Codec codec)
      throws IOException {
    return rewrite(reader, view, out, codec, null);
  }

  /** As above; {@code kinds}, when not null, receives the copy's bytes by file kind. */
  private static long rewrite(
      DirectoryReader reader,
      UnaryOperator<LeafReader> view,
      Path out,
      Codec codec,
      Map<String, Long> kinds)
      throws IOException {
    BenchFiles.deleteTree(out);
    Files.createDirectories(out);
    TieredMergePolicy plainFiles = new TieredMergePolicy();
    plainFiles.setNoCFSRatio(0.0);
    IndexWriterConfig iwc =
        new IndexWriterConfig()
            .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
            .setUseCompoundFile(false)
            .setMergePolicy(plainFiles);
    iwc.setCodec(codec == null ? DatelineCodec.writing() : codec);
    try (Directory target = FSDirectory.open(out);
        IndexWriter writer = new IndexWriter(target, iwc)) {
      List<CodecReader> parts = new ArrayList<>();
      for (LeafReaderContext leaf : reader.leaves()) {
        parts.add(SlowCodecReaderWrapper.wrap(view.apply(leaf.reader())));
      }
      writer.addIndexes(parts.toArray(CodecReader[]::new));
      writer.commit();
    }
    long bytes = BenchFiles.sizeOf(out);
    if (kinds != null) {
      IndexSizes.byKind(out).forEach((kind, b) -> kinds.merge(kind, b, Long::sum));
    }
    BenchFiles.deleteTree(out);
    return bytes;
  }
}
