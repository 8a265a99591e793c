package org.dateline.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.document.TextField;
import org.junit.jupiter.api.Test;

/**
 * The stem field built from the exact field's recorded tokens gives, token for token, what its own
 * language's chain gives on the text: terms, positions, position lengths, offsets and the end.
 */
class StemReplayTest {

  private static final List<String[]> TEXTS =
      List.of(
          new String[] {
            "en", "U.S.-led strikes hit Deir ez-Zor's oil fields, 29.06.2017 (Reuters)"
          },
          new String[] {"en", "Strikes   STRIKING striker's  AT&T e-mail 3-4-5 x"},
          new String[] {"de", "Open-Source-Projekte der Bundesländer: Straße, Größe, „Zitat“ -"},
          new String[] {
            "fr", "L'économie française s'est contractée de 0,2 % au premier trimestre"
          },
          new String[] {"ru", "Мустафа Бали заявил: ёлки, йогурт — и всё."},
          new String[] {"ar", "الباغوز قال مصطفى بالي إن القوات"},
          new String[] {"en", "北京大学 and 서울에서 and ビール and スタートメニュー in one text"},
          new String[] {"en", ""},
          new String[] {"it", "  l'Italia   "});

  @Test
  void replayedStemsEqualTheStemChain() throws IOException {
    Analyzer writer = Schema.indexAnalyzer();
    for (String[] t : TEXTS) {
      String language = t[0];
      String text = t[1];
      TokenRecording recording = new TokenRecording();
      var exact = RecordingField.of(Schema.BODY, text, TextField.TYPE_NOT_STORED, recording);
      List<String> exactTokens = tokens(exact.tokenStream(writer, null));
      var stems =
          new StemmedField(
              Schema.BODY_STEM,
              text,
              TextField.TYPE_NOT_STORED,
              Schema.stemAnalyzer(language),
              language,
              recording);
      List<String> replayed = tokens(stems.tokenStream(writer, null));
      List<String> analysed =
          tokens(Schema.stemAnalyzer(language).tokenStream(Schema.BODY_STEM, text));
      assertEquals(analysed, replayed, text);
      assertEquals(exactTokens.size(), replayed.size(), text);
    }
  }

  @Test
  void nothingToReplayBeforeTheExactFieldIsReadToItsEnd() throws IOException {
    TokenRecording recording = new TokenRecording();
    assertNull(recording.replay());
    TokenStream exact = recording.record(Schema.indexAnalyzer().tokenStream(Schema.BODY, "a b c"));
    exact.reset();
    exact.incrementToken();
    assertNull(recording.replay());
    exact.close();
    // Without a recording the stem field analyses the text itself: "en:strike".
    var stems =
        new StemmedField(
            Schema.BODY_STEM,
            "strikes",
            TextField.TYPE_NOT_STORED,
            Schema.stemAnalyzer("en"),
            "en",
            recording);
    assertEquals(
        List.of("en:strike +1 len1 0-7", "end 7 +0"),
        tokens(stems.tokenStream(Schema.indexAnalyzer(), null)));
  }

  /** Each token as "term +posInc lenN start-end", then the end's offset and position increment. */
  private static List<String> tokens(TokenStream stream) throws IOException {
    List<String> out = new ArrayList<>();
    try (stream) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = stream.addAttribute(PositionIncrementAttribute.class);
      PositionLengthAttribute len = stream.addAttribute(PositionLengthAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        out.add(
            term
                + " +"
                + inc.getPositionIncrement()
                + " len"
                + len.getPositionLength()
                + " "
                + offset.startOffset()
                + "-"
                + offset.endOffset());
      }
      stream.end();
      out.add("end " + offset.endOffset() + " +" + inc.getPositionIncrement());
    }
    return out;
  }
}
