package org.dateline.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.LeafReader;

/**
 * A segment whose fields report fewer index options than they were written with (say a body without
 * offsets), so that an index rewritten from it shows what the dropped parts of the postings cost on
 * disk: the writer asks the postings only for what the field info names. Reads only.
 */
final class IndexOptionsReader extends FilterLeafReader {

  private final FieldInfos infos;

  /** {@code lowered}: field name to the index options it is rewritten with (never more). */
  IndexOptionsReader(LeafReader in, Map<String, IndexOptions> lowered) {
    super(in);
    List<FieldInfo> out = new ArrayList<>();
    for (FieldInfo fi : in.getFieldInfos()) {
      IndexOptions to = lowered.get(fi.name);
      out.add(to == null || to.compareTo(fi.getIndexOptions()) >= 0 ? fi : withOptions(fi, to));
    }
    this.infos = new FieldInfos(out.toArray(FieldInfo[]::new));
  }

  private static FieldInfo withOptions(FieldInfo fi, IndexOptions options) {
    return new FieldInfo(
        fi.name,
        fi.number,
        fi.hasTermVectors(),
        fi.omitsNorms(),
        fi.hasPayloads() && options.compareTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS) >= 0,
        options,
        fi.getDocValuesType(),
        fi.docValuesSkipIndexType(),
        fi.getDocValuesGen(),
        fi.attributes(),
        fi.getPointDimensionCount(),
        fi.getPointIndexDimensionCount(),
        fi.getPointNumBytes(),
        fi.getVectorDimension(),
        fi.getVectorEncoding(),
        fi.getVectorSimilarityFunction(),
        fi.isSoftDeletesField(),
        fi.isParentField());
  }

  @Override
  public FieldInfos getFieldInfos() {
    return infos;
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
