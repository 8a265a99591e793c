package org.dateline.alert;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.IndexableFieldType;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;

/**
 * A presearcher whose query documents are indexed without norms. The term-filtering presearcher
 * indexes each alert's terms as text fields with norms, one field per article field and pass; its
 * candidates are only ever selected, never scored, so the norms serve nothing, and writing them was
 * half of registering alerts (issue 17's profile: at every flush the postings writer reads a sparse
 * norm per term and document). Which alerts are candidates is the same as without this.
 */
final class NormlessPresearcher extends Presearcher {

  private final Presearcher inner;
  private final Map<IndexableFieldType, FieldType> normless = new IdentityHashMap<>();
  private final ThreadLocal<BiConsumer<Query, Document>> told = new ThreadLocal<>();

  NormlessPresearcher(Presearcher inner) {
    this.inner = inner;
  }

  @Override
  public Query buildQuery(LeafReader reader, BiPredicate<String, BytesRef> termAcceptor) {
    return inner.buildQuery(reader, termAcceptor);
  }

  @Override
  public Document indexQuery(Query query, Map<String, String> metadata) {
    Document out = new Document();
    for (IndexableField f : inner.indexQuery(query, metadata)) {
      out.add(withoutNorms(f));
    }
    BiConsumer<Query, Document> sink = told.get();
    if (sink != null) {
      sink.accept(query, out);
    }
    return out;
  }

  /**
   * Tells {@code sink} each query document made on this thread from now on (with the query it is
   * of), until called again with null: the monitor makes a registration's documents on the
   * registering thread, and {@link CandidateTable} keeps their terms.
   */
  void tellOnThisThread(BiConsumer<Query, Document> sink) {
    if (sink == null) {
      told.remove();
    } else {
      told.set(sink);
    }
  }

  /**
   * {@code f} itself, or the same content in a type without norms when it has them; a field of
   * terms made by the presearcher is given its terms copied out ({@link QueryTerms}).
   */
  private IndexableField withoutNorms(IndexableField f) {
    IndexableFieldType type = f.fieldType();
    if (type.indexOptions() == IndexOptions.NONE || !(f instanceof Field field)) {
      return f;
    }
    IndexableFieldType t = type.omitNorms() ? type : type(type);
    if (field.tokenStreamValue() != null) {
      return new Field(f.name(), QueryTerms.copyOf(field.tokenStreamValue()), t);
    }
    if (t == type) {
      return f;
    }
    if (f.stringValue() != null) {
      return new Field(f.name(), f.stringValue(), t);
    }
    return f.binaryValue() != null ? new Field(f.name(), f.binaryValue(), t) : f;
  }

  private synchronized FieldType type(IndexableFieldType type) {
    return normless.computeIfAbsent(
        type,
        was -> {
          FieldType t = new FieldType(was);
          t.setOmitNorms(true);
          t.freeze();
          return t;
        });
  }
}
