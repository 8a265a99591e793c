package org.dateline.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.dateline.enrich.Article;
import org.dateline.index.ArticleJson;
import org.dateline.index.Schema;
import org.dateline.search.Hit;
import org.dateline.search.Hits;
import org.dateline.search.kwic.Kwic;

/**
 * Hits from a Solr response: each article rebuilt from its stored metadata and body, its KWIC lines
 * found by {@link SolrKwic} as the embedded index finds them. Stateless.
 */
final class SolrHits {

  private SolrHits() {}

  /** The hits of {@code response} in its order, each with up to {@code kwicLines} lines. */
  static List<Hit> of(QueryResponse response, SolrKwic kwic, int kwicLines, boolean scored)
      throws IOException {
    List<Hit> hits = new ArrayList<>(response.getResults().size());
    for (SolrDocument doc : response.getResults()) {
      Article a = article(doc);
      Kwic.Result lines = kwicLines == 0 ? new Kwic.Result(List.of(), 0) : kwic.lines(a, kwicLines);
      Float score = scored ? ((Number) doc.getFieldValue("score")).floatValue() : null;
      hits.add(Hits.of(a, lines.lines(), lines.total(), score));
    }
    return hits;
  }

  /** The article a Solr document stores. */
  static Article article(SolrDocument doc) {
    Object body = doc.getFieldValue(Schema.BODY);
    return ArticleJson.article(
        (String) doc.getFieldValue(Schema.META), body == null ? "" : body.toString());
  }
}
