package org.dateline.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;

/**
 * A text indexed as the stems of its article's language: the writer's analyzer knows only a field's
 * name, so this field brings the chain of its own language. Not stored (the exact field beside it
 * holds the text; KWIC re-analyses that text to find where a stem matched).
 */
final class StemmedField extends Field {

  private final Analyzer stems;

  StemmedField(String name, String text, FieldType type, Analyzer stems) {
    super(name, text, type);
    this.stems = stems;
  }

  @Override
  public TokenStream tokenStream(Analyzer writerAnalyzer, TokenStream reuse) {
    return stems.tokenStream(name(), stringValue());
  }
}
