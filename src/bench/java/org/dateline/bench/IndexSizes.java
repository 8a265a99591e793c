package org.dateline.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Bytes of a Lucene index by file kind (stored fields, postings, positions, offsets, doc values,
 * ...), compound files opened, so it can be seen where an index's disk goes.
 */
public final class IndexSizes {

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
}
