package org.dateline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Small file helpers shared by the benchmarks. */
public final class BenchFiles {

  private BenchFiles() {}

  /** Bytes of every file under {@code dir} (an index's size on disk). */
  public static long sizeOf(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      long total = 0;
      for (Path p : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(p)) {
          total += Files.size(p);
        }
      }
      return total;
    }
  }

  /** Deletes {@code dir} and everything under it (a benchmark's own scratch index). */
  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }

  /** Copies the files of {@code from} (one level, as an index folder has) into {@code to}. */
  public static void copyIndex(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(p) && !p.getFileName().toString().equals("write.lock")) {
          Files.copy(p, to.resolve(p.getFileName()));
        }
      }
    }
  }

  /** The machine's one-minute load average, or -1 where the JVM cannot read it. */
  public static double loadAverage() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  /** Receives one stored document. */
  @FunctionalInterface
  public interface StoredVisitor {
    void visit(org.apache.lucene.document.Document stored) throws IOException;
  }

  /** Visits the stored fields of every live document of the index in {@code indexDir}. */
  public static void forEachStored(Path indexDir, StoredVisitor visitor) throws IOException {
    try (org.apache.lucene.store.Directory d = org.apache.lucene.store.FSDirectory.open(indexDir);
        org.apache.lucene.index.DirectoryReader reader =
            org.apache.lucene.index.DirectoryReader.open(d)) {
      for (org.apache.lucene.index.LeafReaderContext leaf : reader.leaves()) {
        org.apache.lucene.util.Bits live = leaf.reader().getLiveDocs();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if (live == null || live.get(doc)) {
            visitor.visit(leaf.reader().storedFields().document(doc));
          }
        }
      }
    }
  }
}
