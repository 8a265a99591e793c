package org.dateline.alert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.BytesTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.util.BytesRef;

/**
 * The terms of one field of an alert's query document, copied out of the stream the presearcher
 * made them in and given again in the same order. The presearcher's stream keeps a hash table of
 * the terms with a 32 KB block per field until the document is written, and the monitor writes a
 * whole registration's documents at once: 10,000 alerts in two parts ran out of a 2 GB heap (issue
 * 17). A copy holds only the terms' bytes. Not thread-safe: one per field, read once.
 */
final class QueryTerms extends TokenStream {

  private final BytesTermAttribute term = addAttribute(BytesTermAttribute.class);
  private final BytesRef[] terms;
  private int next;

  private QueryTerms(BytesRef[] terms) {
    this.terms = terms;
  }

  /** The terms {@code stream} gives (consumed and closed here), as bytes, in their order. */
  static QueryTerms copyOf(TokenStream stream) {
    List<BytesRef> terms = new ArrayList<>();
    try (stream) {
      TermToBytesRefAttribute bytes = stream.addAttribute(TermToBytesRefAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(BytesRef.deepCopyOf(bytes.getBytesRef()));
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // an in-memory stream of a query's terms: never
    }
    return new QueryTerms(terms.toArray(BytesRef[]::new));
  }

  /** The terms, in their order. */
  List<BytesRef> terms() {
    return List.of(terms);
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    next = 0;
  }

  @Override
  public boolean incrementToken() {
    if (next == terms.length) {
      return false;
    }
    clearAttributes();
    term.setBytesRef(terms[next++]);
    return true;
  }
}
