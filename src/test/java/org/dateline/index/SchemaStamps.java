package org.dateline.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/** Test help: an index made to say an older Dateline wrote it. */
public final class SchemaStamps {

  private SchemaStamps() {}

  /** Commits {@code w} naming schema {@code version}, keeping the commit's other user data. */
  public static void stamp(IndexWriter w, String version) throws IOException {
    Map<String, String> data = new HashMap<>();
    w.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
    data.put(ArticleIndex.SCHEMA_KEY, version);
    w.setLiveCommitData(data.entrySet());
    w.commit();
  }

  /** Rewrites the schema version the index's last commit names, keeping its other user data. */
  public static void stamp(Path index, String version) throws IOException {
    try (FSDirectory dir = FSDirectory.open(index);
        IndexWriter w =
            new IndexWriter(
                dir, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
      stamp(w, version);
    }
  }
}
