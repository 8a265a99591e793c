package org.dateline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SlowCodecReaderWrapper;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.dateline.index.Schema;

/**
 * What the stored-values compression costs each hit: one index copied under several codecs (stored
 * values under Lucene's LZ4 (BEST_SPEED), Dateline's own, DEFLATE (BEST_COMPRESSION)), each one
 * segment with the same commit data (so either can be served); then the same random documents read
 * from both, in alternating rounds, as a hit is read (a fresh {@code storedFields()}, the whole
 * document, turned back into an article).
 */
public final class StoredValuesCost {

  /** One copy's bytes and the time to read one hit from it, in microseconds. */
  public record Copy(
      String mode, Path dir, long bytes, double meanMicros, double p50Micros, double p99Micros) {}

  /** Characters of text read, summed (published so the JIT keeps every read). */
  public static final AtomicLong CHARS_READ = new AtomicLong();

  private StoredValuesCost() {}

  /**
   * Copies {@code index} to {@code dir} with stored values in {@code mode}: one segment, the
   * source's commit data kept.
   */
  public static void copy(Path index, Path dir, Lucene104Codec.Mode mode) throws IOException {
    copy(index, dir, new Lucene104Codec(mode));
  }

  /**
   * Copies {@code index} to {@code dir} written with {@code codec}: one segment, the source's
   * commit data kept.
   */
  public static void copy(Path index, Path dir, Codec codec) throws IOException {
    BenchFiles.deleteTree(dir);
    Files.createDirectories(dir);
    try (Directory from = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(from);
        Directory to = FSDirectory.open(dir);
        IndexWriter writer =
            new IndexWriter(
                to,
                new IndexWriterConfig()
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                    .setCodec(codec))) {
      List<CodecReader> parts = new ArrayList<>();
      for (LeafReaderContext leaf : reader.leaves()) {
        parts.add(SlowCodecReaderWrapper.wrap(leaf.reader()));
      }
      writer.addIndexes(parts.toArray(CodecReader[]::new));
      writer.forceMerge(1);
      Map<String, String> data = reader.getIndexCommit().getUserData();
      writer.setLiveCommitData(data.entrySet());
      writer.commit();
    }
  }

  /**
   * Reads {@code hits} random documents (seed {@code seed}) from each of {@code dirs}, {@code
   * rounds} times, the copies taking turns; the first round warms up and is not counted.
   */
  public static List<Copy> read(
      List<String> modes, List<Path> dirs, int hits, int rounds, long seed) throws IOException {
    List<long[]> nanos = new ArrayList<>();
    for (int i = 0; i < dirs.size(); i++) {
      nanos.add(new long[hits * Math.max(1, rounds - 1)]);
    }
    for (int round = 0; round < rounds; round++) {
      for (int i = 0; i < dirs.size(); i++) {
        long[] into = round == 0 ? new long[hits] : nanos.get(i);
        int from = round == 0 ? 0 : (round - 1) * hits;
        readRound(dirs.get(i), hits, seed + round, into, from);
      }
    }
    List<Copy> out = new ArrayList<>();
    for (int i = 0; i < dirs.size(); i++) {
      long[] t = nanos.get(i);
      Arrays.sort(t);
      double mean = Arrays.stream(t).average().orElse(0) / 1e3;
      out.add(
          new Copy(
              modes.get(i),
              dirs.get(i),
              BenchFiles.sizeOf(dirs.get(i)),
              mean,
              t[t.length / 2] / 1e3,
              t[(int) Math.min(t.length - 1, Math.round(t.length * 0.99))] / 1e3));
    }
    return out;
  }

  private static void readRound(Path dir, int hits, long seed, long[] into, int from)
      throws IOException {
    try (Directory d = FSDirectory.open(dir);
        DirectoryReader reader = DirectoryReader.open(d)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      Random random = new Random(seed);
      long chars = 0;
      for (int i = 0; i < hits; i++) {
        int doc = random.nextInt(reader.maxDoc());
        long start = System.nanoTime();
        chars += Schema.toArticle(searcher.storedFields().document(doc)).text().length();
        into[from + i] = System.nanoTime() - start;
      }
      CHARS_READ.addAndGet(chars); // kept, so the reads cannot be optimised away
    }
  }
}
