package org.dateline.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.store.Directory;
import org.dateline.index.Schema;
import org.dateline.search.facet.FacetSearcher;
import org.dateline.search.facet.FacetValue;

/** What the archive holds: article count, per-outlet counts, undated count, size, last ingest. */
public record IndexStats(
    long articles, long undated, List<FacetValue> outlets, long indexBytes, String lastIngest) {

  /** The figures of the archive {@code searcher} reads, stored in {@code directory}. */
  static IndexStats of(FacetSearcher searcher, Directory directory) throws IOException {
    long total = searcher.getIndexReader().numDocs();
    long dated = searcher.count(new FieldExistsQuery(Schema.DATE));
    List<FacetValue> outlets = List.of();
    if (searcher.hasFacets()) {
      outlets = FacetValue.top(searcher.everyArticle(), Schema.OUTLET, 1000);
    }
    long bytes = 0;
    for (String file : directory.listAll()) {
      bytes += directory.fileLength(file);
    }
    String lastIngest = null;
    if (SegmentInfos.getLastCommitGeneration(directory) >= 0) {
      lastIngest =
          SegmentInfos.readLatestCommit(directory).getUserData().get(Schema.LAST_INGEST_KEY);
    }
    return new IndexStats(total, total - dated, outlets, bytes, lastIngest);
  }
}
