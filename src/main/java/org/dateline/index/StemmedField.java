package org.dateline.index;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;

/**
 * A text indexed as the stems of its article's language: the writer's analyzer knows only a field's
 * name, so this field brings the chain of its own language. Not stored (the exact field beside it
 * holds the text; KWIC re-analyses that text to find where a stem matched). When the exact field's
 * tokens were recorded ({@link TokenRecording}), they are stemmed as they are, not analysed again.
 */
final class StemmedField extends Field {

  private final Analyzer stems;
  private final String language;
  private final TokenRecording exact;

  StemmedField(
      String name,
      String text,
      FieldType type,
      Analyzer stems,
      String language,
      TokenRecording exact) {
    super(name, text, type);
    this.stems = stems;
    this.language = language;
    this.exact = exact;
  }

  @Override
  public TokenStream tokenStream(Analyzer writerAnalyzer, TokenStream reuse) {
    TokenStream recorded = exact == null ? null : exact.replay();
    if (recorded == null) {
      return stems.tokenStream(name(), stringValue());
    }
    return new StemFilter(recorded, List.of(language));
  }
}
