package org.dateline.solr;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * A text as the value of a Solr pre-analysed field (Solr's {@code PreAnalyzedField}, JSON format):
 * the terms and position increments Dateline's own chain makes of it, and the text itself when the
 * field is stored. Solr indexes the terms as given, so a Solr collection holds exactly the terms of
 * the embedded index (every script, ICU folding, stems of the article's language) without any of
 * Dateline's analysis code installed on the cluster. Offsets are not sent: KWIC lines are cut by
 * Dateline. Stateless.
 */
final class SolrTokens {

  private static final JsonFactory JSON = new JsonFactory();

  private SolrTokens() {}

  /** {@code value} as pre-analysed JSON; with {@code stored}, the text too. */
  static String json(TextValue value, boolean stored) {
    StringWriter out = new StringWriter(value.text().length() * 3 + 32);
    try (JsonGenerator g = JSON.createGenerator(out);
        TokenStream ts = value.analyzer().tokenStream(value.field(), value.text())) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      g.writeStartObject();
      g.writeStringField("v", "1");
      if (stored) {
        g.writeStringField("str", value.text());
      }
      g.writeArrayFieldStart("tokens");
      ts.reset();
      while (ts.incrementToken()) {
        g.writeStartObject();
        g.writeStringField("t", term.toString());
        if (inc.getPositionIncrement() != 1) {
          g.writeNumberField("i", inc.getPositionIncrement()); // Solr's parser assumes 1
        }
        g.writeEndObject();
      }
      ts.end();
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing a text in memory failed", e); // cannot happen
    }
    return out.toString();
  }
}
