package org.dateline.solr;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.dateline.enrich.Article;
import org.dateline.index.Schema;

/**
 * One searchable text of an article: the field it is searched in, the text, and the analysis chain
 * the embedded index writes it with. Solr receives the tokens of these chains as Dateline computes
 * them (pre-analysed), and the KWIC of a Solr hit re-reads the same texts in memory, so both
 * backends hold the same terms at the same positions. Immutable.
 */
record TextValue(String field, String text, Analyzer analyzer) {

  private static final Analyzer WORDS = Schema.indexAnalyzer();

  /**
   * Every searchable text of {@code article}, as {@link Schema#toDocument} writes them: title and
   * body, their stems when the article's language has a stemmer, each facet value, each author.
   */
  static List<TextValue> of(Article article) {
    List<TextValue> out = new ArrayList<>();
    out.add(new TextValue(Schema.TITLE, article.title(), WORDS));
    out.add(new TextValue(Schema.BODY, article.text(), WORDS));
    Analyzer stems = Schema.stemAnalyzer(article.language());
    if (stems != null) {
      out.add(new TextValue(Schema.TITLE_STEM, article.title(), stems));
      out.add(new TextValue(Schema.BODY_STEM, article.text(), stems));
    }
    for (String dim : Schema.FACET_DIMS) {
      for (String value : SolrDocuments.facetValues(article, dim)) {
        out.add(new TextValue(dim, value, WORDS));
      }
    }
    for (String author : article.authors()) {
      out.add(new TextValue(Schema.AUTHOR, author, WORDS));
    }
    return out;
  }
}
