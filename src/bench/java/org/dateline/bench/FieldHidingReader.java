package org.dateline.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValuesSkipper;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;

/**
 * A segment with some fields left out everywhere (postings, doc values, norms, points, stored
 * values), so that an index rewritten from it shows what those fields cost on disk. Reads only.
 */
final class FieldHidingReader extends FilterLeafReader {

  private final Set<String> hidden;
  private final FieldInfos infos;

  FieldHidingReader(LeafReader in, Set<String> hidden) {
    super(in);
    this.hidden = Set.copyOf(hidden);
    List<FieldInfo> kept = new ArrayList<>();
    for (FieldInfo fi : in.getFieldInfos()) {
      if (!this.hidden.contains(fi.name)) {
        kept.add(fi);
      }
    }
    this.infos = new FieldInfos(kept.toArray(FieldInfo[]::new));
  }

  @Override
  public FieldInfos getFieldInfos() {
    return infos;
  }

  @Override
  public Terms terms(String field) throws IOException {
    return hidden.contains(field) ? null : super.terms(field);
  }

  @Override
  public NumericDocValues getNumericDocValues(String field) throws IOException {
    return hidden.contains(field) ? null : super.getNumericDocValues(field);
  }

  @Override
  public BinaryDocValues getBinaryDocValues(String field) throws IOException {
    return hidden.contains(field) ? null : super.getBinaryDocValues(field);
  }

  @Override
  public SortedDocValues getSortedDocValues(String field) throws IOException {
    return hidden.contains(field) ? null : super.getSortedDocValues(field);
  }

  @Override
  public SortedNumericDocValues getSortedNumericDocValues(String field) throws IOException {
    return hidden.contains(field) ? null : super.getSortedNumericDocValues(field);
  }

  @Override
  public SortedSetDocValues getSortedSetDocValues(String field) throws IOException {
    return hidden.contains(field) ? null : super.getSortedSetDocValues(field);
  }

  @Override
  public DocValuesSkipper getDocValuesSkipper(String field) throws IOException {
    return hidden.contains(field) ? null : super.getDocValuesSkipper(field);
  }

  @Override
  public NumericDocValues getNormValues(String field) throws IOException {
    return hidden.contains(field) ? null : super.getNormValues(field);
  }

  @Override
  public PointValues getPointValues(String field) throws IOException {
    return hidden.contains(field) ? null : super.getPointValues(field);
  }

  @Override
  public StoredFields storedFields() throws IOException {
    StoredFields all = super.storedFields();
    return new StoredFields() {
      @Override
      public void document(int docID, StoredFieldVisitor visitor) throws IOException {
        all.document(docID, new Skipping(visitor));
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

  /** Passes every stored value on, except those of hidden fields. */
  private final class Skipping extends StoredFieldVisitor {
    private final StoredFieldVisitor to;

    Skipping(StoredFieldVisitor to) {
      this.to = to;
    }

    @Override
    public Status needsField(FieldInfo fieldInfo) throws IOException {
      return hidden.contains(fieldInfo.name) ? Status.NO : to.needsField(fieldInfo);
    }

    @Override
    public void binaryField(FieldInfo fieldInfo, byte[] value) throws IOException {
      to.binaryField(fieldInfo, value);
    }

    @Override
    public void stringField(FieldInfo fieldInfo, String value) throws IOException {
      to.stringField(fieldInfo, value);
    }

    @Override
    public void intField(FieldInfo fieldInfo, int value) throws IOException {
      to.intField(fieldInfo, value);
    }

    @Override
    public void longField(FieldInfo fieldInfo, long value) throws IOException {
      to.longField(fieldInfo, value);
    }

    @Override
    public void floatField(FieldInfo fieldInfo, float value) throws IOException {
      to.floatField(fieldInfo, value);
    }

    @Override
    public void doubleField(FieldInfo fieldInfo, double value) throws IOException {
      to.doubleField(fieldInfo, value);
    }
  }
}
