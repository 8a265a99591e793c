package org.dateline.solr;

import java.util.Date;
import java.util.List;
import org.apache.solr.common.SolrInputDocument;
import org.dateline.enrich.Article;
import org.dateline.index.ArticleJson;
import org.dateline.index.Schema;

/**
 * An enriched article as the Solr document Dateline's configset expects: the text fields to search,
 * the body and metadata to rebuild hits from, the instant to sort on, the printed day to filter and
 * count by, every facet dimension's values, and the story, which routes all copies of a story to
 * one shard. Stateless.
 */
final class SolrDocuments {

  private SolrDocuments() {}

  /** The document of {@code article}, a copy in story {@code story}. */
  static SolrInputDocument of(Article article, long story) {
    SolrInputDocument doc = new SolrInputDocument();
    doc.addField(Schema.ID, article.id());
    doc.addField(Schema.STORY, storyKey(story));
    doc.addField(Schema.TITLE, article.title());
    doc.addField(Schema.BODY, article.text());
    doc.addField(Schema.META, ArticleJson.metadata(article));
    doc.addField(Schema.PATH, article.path());
    if (article.date() != null) {
      doc.addField(Schema.DATE, Date.from(article.date().instant()));
      doc.addField(Schema.LOCAL_DATE, new Date(article.date().localMillis()));
    }
    add(doc, Schema.OUTLET, article.outlet() == null ? List.of() : List.of(article.outlet()));
    add(doc, Schema.AGENCY, article.agencies());
    add(doc, Schema.LANGUAGE, article.language() == null ? List.of() : List.of(article.language()));
    add(doc, Schema.TYPE, List.of(article.contentType()));
    for (String dim : Schema.ENTITY_DIMS) {
      add(doc, dim, article.entities().getOrDefault(dim, List.of()));
    }
    for (String author : article.authors()) {
      doc.addField(Schema.AUTHOR, author);
    }
    return doc;
  }

  /** A story id as the routing key: 16 hex digits, as the API writes story ids. */
  static String storyKey(long story) {
    return String.format(java.util.Locale.ROOT, "%016x", story);
  }

  /** Searchable under the dimension's name; the configset copies each value to its facet field. */
  private static void add(SolrInputDocument doc, String dim, List<String> values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        doc.addField(dim, value);
      }
    }
  }
}
