package org.dateline.solr;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import java.util.List;
import org.apache.solr.common.SolrInputDocument;
import org.dateline.enrich.Article;
import org.dateline.index.ArticleJson;
import org.dateline.index.Schema;

/**
 * An enriched article as the Solr document Dateline's configset expects: every searchable text
 * pre-analysed by Dateline's own chains ({@link TextValue}, {@link SolrTokens}; the body stored
 * too, to rebuild hits from), the metadata, the instant to sort on, the printed day to filter and
 * count by, each facet dimension's exact values to count, and the story, which routes all copies of
 * a story to one shard. Stateless.
 */
final class SolrDocuments {

  private SolrDocuments() {}

  /**
   * Changes whenever what {@link #of} sends for the same article changes (the fields, the chains),
   * so that a sync sends every article again once.
   */
  static final String FORMAT = "dateline-solr-3/schema-" + Schema.VERSION;

  /** The document of {@code article}, a copy in story {@code story}. */
  static SolrInputDocument of(Article article, long story) {
    SolrInputDocument doc = new SolrInputDocument();
    String meta = ArticleJson.metadata(article);
    doc.addField(Schema.ID, article.id());
    doc.addField(Schema.STORY, storyKey(story));
    doc.addField(SolrFields.HASH, hash(meta, article.text(), story));
    for (TextValue text : TextValue.of(article)) {
      doc.addField(text.field(), SolrTokens.json(text, text.field().equals(Schema.BODY)));
    }
    doc.addField(Schema.META, meta);
    doc.addField(Schema.PATH, article.path());
    if (article.date() != null) {
      doc.addField(Schema.DATE, Date.from(article.date().instant()));
      doc.addField(Schema.LOCAL_DATE, new Date(article.date().localMillis()));
    }
    for (String dim : Schema.FACET_DIMS) {
      for (String value : facetValues(article, dim)) {
        doc.addField(SolrFields.facet(dim), value);
      }
    }
    if (facetValues(article, Schema.OUTLET).isEmpty()) {
      doc.addField(SolrFields.facet(Schema.OUTLET), Schema.UNKNOWN_OUTLET); // as Schema writes it
    }
    return doc;
  }

  /**
   * What a Solr copy of an article is made from (its metadata as sent, its text, its story and
   * {@link #FORMAT}), hashed to 64 bits: equal hashes mean the collection already holds this
   * article as Dateline would send it now.
   */
  static long hash(String meta, String text, long story) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    for (String part : new String[] {FORMAT, storyKey(story), meta, text}) {
      sha.update(part.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
    }
    return ByteBuffer.wrap(sha.digest()).getLong();
  }

  /** A story id as the routing key: 16 hex digits, as the API writes story ids. */
  static String storyKey(long story) {
    return String.format(java.util.Locale.ROOT, "%016x", story);
  }

  /** The values of facet dimension {@code dim} in {@code article}, blanks left out. */
  static List<String> facetValues(Article article, String dim) {
    List<String> values =
        switch (dim) {
          case Schema.OUTLET -> article.outlet() == null ? List.of() : List.of(article.outlet());
          case Schema.AGENCY -> article.agencies();
          case Schema.LANGUAGE ->
              article.language() == null ? List.of() : List.of(article.language());
          case Schema.TYPE -> List.of(article.contentType());
          default -> article.entities().getOrDefault(dim, List.of());
        };
    return values.stream().filter(v -> v != null && !v.isBlank()).toList();
  }
}
