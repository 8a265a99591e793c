package org.dateline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Bytes of a Lucene index by file kind (stored fields, postings, positions, offsets, doc values,
 * ...), compound files opened, so it can be seen where an index's disk goes; and the index folder's
 * other files (Dateline's entity catalog, desks), which are not Lucene's.
 */
public final class IndexSizes {

  /** What each Lucene file extension holds (Lucene 10's default codec). */
  public static final Map<String, String> KINDS =
      Map.ofEntries(
          Map.entry("fdt", "stored values"),
          Map.entry("fdx", "stored values: index"),
          Map.entry("fdm", "stored values: meta"),
          Map.entry("doc", "postings: documents and frequencies"),
          Map.entry("pos", "postings: positions"),
          Map.entry("pay", "postings: offsets (and payloads)"),
          Map.entry("psm", "postings: meta"),
          Map.entry("tim", "terms dictionary"),
          Map.entry("tip", "terms index"),
          Map.entry("tmd", "terms: meta"),
          Map.entry("dvd", "doc values"),
          Map.entry("dvm", "doc values: meta"),
          Map.entry("nvd", "norms"),
          Map.entry("nvm", "norms: meta"),
          Map.entry("kdd", "points"),
          Map.entry("kdi", "points: index"),
          Map.entry("kdm", "points: meta"),
          Map.entry("fnm", "field infos"),
          Map.entry("si", "segment info"),
          Map.entry("liv", "deleted documents"));

  private IndexSizes() {}

  /** Bytes per file extension of the last commit of the index in {@code indexDir}. */
  public static Map<String, Long> byKind(Path indexDir) throws IOException {
    Map<String, Long> byKind = new TreeMap<>();
    try (Directory dir = FSDirectory.open(indexDir)) {
      for (SegmentCommitInfo si : SegmentInfos.readLatestCommit(dir)) {
        boolean compound = si.info.getUseCompoundFile();
        Directory files =
            compound ? si.info.getCodec().compoundFormat().getCompoundReader(dir, si.info) : dir;
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

  /**
   * Bytes of every file in the index folder (and below) that the last commit does not name: the
   * entity catalog, desks, and Lucene files an open writer has not committed or deleted yet.
   */
  public static Map<String, Long> otherFiles(Path indexDir) throws IOException {
    Set<String> committed = new HashSet<>();
    try (Directory dir = FSDirectory.open(indexDir)) {
      SegmentInfos infos = SegmentInfos.readLatestCommit(dir);
      committed.addAll(infos.files(true));
    }
    Map<String, Long> out = new TreeMap<>();
    try (Stream<Path> all = Files.walk(indexDir)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        String name = indexDir.relativize(p).toString();
        if (Files.isRegularFile(p) && !committed.contains(name) && !name.equals("write.lock")) {
          out.put(name, Files.size(p));
        }
      }
    }
    return out;
  }
}
