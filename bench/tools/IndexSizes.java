import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Bytes of a Lucene index by file kind (stored fields, positions, offsets, ...), compound files
 * opened. Run: java -cp "target/lib/*" bench/tools/IndexSizes.java INDEX_DIR
 */
public class IndexSizes {
  public static void main(String[] args) throws Exception {
    Directory dir = FSDirectory.open(Path.of(args[0]));
    Map<String, Long> byKind = new TreeMap<>();
    for (SegmentCommitInfo si : SegmentInfos.readLatestCommit(dir)) {
      boolean compound = si.info.getUseCompoundFile();
      Directory files = compound
          ? si.info.getCodec().compoundFormat().getCompoundReader(dir, si.info) : dir;
      for (String f : compound ? files.listAll() : si.files().toArray(String[]::new)) {
        byKind.merge(f.substring(f.lastIndexOf('.') + 1), files.fileLength(f), Long::sum);
      }
    }
    long total = byKind.values().stream().mapToLong(Long::longValue).sum();
    byKind.forEach((kind, bytes) -> System.out.printf("%-5s %10.1f MB %5.1f %%%n", kind,
        bytes / 1e6, 100.0 * bytes / total));
  }
}
