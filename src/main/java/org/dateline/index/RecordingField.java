package org.dateline.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;

/**
 * An exact text field whose tokens are kept in a {@link TokenRecording} as the writer reads them,
 * for the stem field over the same text to replay.
 */
final class RecordingField extends Field {

  private final TokenRecording recording;

  private RecordingField(String name, String text, FieldType type, TokenRecording recording) {
    super(name, text, type);
    this.recording = recording;
  }

  /** The field {@code name}, recording into {@code recording} unless that is null. */
  static Field of(String name, String text, FieldType type, TokenRecording recording) {
    return recording == null
        ? new Field(name, text, type)
        : new RecordingField(name, text, type, recording);
  }

  @Override
  public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
    return recording.record(super.tokenStream(analyzer, reuse));
  }
}
