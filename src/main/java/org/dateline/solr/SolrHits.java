package org.dateline.solr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.dateline.enrich.Article;
import org.dateline.index.ArticleJson;
import org.dateline.index.Schema;
import org.dateline.search.Hit;
import org.dateline.search.Hits;
import org.dateline.search.kwic.Kwic;
import org.dateline.search.kwic.KwicLine;

/**
 * Hits from a Solr response: each article rebuilt from its stored metadata and body, its KWIC lines
 * cut by {@link Kwic#line} around the matches the highlighter marked. Stateless.
 */
final class SolrHits {

  private SolrHits() {}

  /** The hits of {@code response} in its order, each with up to {@code kwicLines} lines. */
  static List<Hit> of(QueryResponse response, int kwicLines, boolean scored) {
    List<Hit> hits = new ArrayList<>(response.getResults().size());
    Map<String, Map<String, List<String>>> marked = response.getHighlighting();
    for (SolrDocument doc : response.getResults()) {
      Article a = article(doc);
      List<int[]> spans =
          kwicLines == 0 || marked == null ? List.of() : spans(marked.get(a.id()), a.text());
      List<KwicLine> lines = new ArrayList<>();
      for (int i = 0; i < spans.size() && i < kwicLines; i++) {
        lines.add(Kwic.line(a.text(), spans.get(i)[0], spans.get(i)[1]));
      }
      Float score = scored ? ((Number) doc.getFieldValue("score")).floatValue() : null;
      hits.add(Hits.of(a, lines, spans.size(), score));
    }
    return hits;
  }

  /** The article a Solr document stores. */
  static Article article(SolrDocument doc) {
    Object body = doc.getFieldValue(Schema.BODY);
    return ArticleJson.article(
        (String) doc.getFieldValue(Schema.META), body == null ? "" : body.toString());
  }

  /** The match spans the highlighter marked in one article's body (none when it marked none). */
  static List<int[]> spans(Map<String, List<String>> fields, String text) {
    List<String> snippets = fields == null ? null : fields.get(Schema.BODY);
    return snippets == null || snippets.isEmpty() ? List.of() : spans(snippets.get(0), text);
  }

  /**
   * The spans of {@code marked} (the body with each match between {@link SolrQueries#MATCH_START}
   * and {@link SolrQueries#MATCH_END}) as offsets into {@code text}; none when the unmarked text is
   * not the article's own (the marks themselves occurred in it), so no line is ever misplaced.
   */
  static List<int[]> spans(String marked, String text) {
    StringBuilder plain = new StringBuilder(marked.length());
    List<int[]> spans = new ArrayList<>();
    int open = -1;
    for (int i = 0; i < marked.length(); i++) {
      char c = marked.charAt(i);
      if (c == SolrQueries.MATCH_START) {
        open = plain.length();
      } else if (c == SolrQueries.MATCH_END && open >= 0) {
        spans.add(new int[] {open, plain.length()});
        open = -1;
      } else {
        plain.append(c);
      }
    }
    return text.startsWith(plain.toString()) ? spans : List.of();
  }
}
