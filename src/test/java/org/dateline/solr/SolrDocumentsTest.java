package org.dateline.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.apache.solr.common.SolrInputDocument;
import org.dateline.enrich.Article;
import org.dateline.index.ArticleJson;
import org.dateline.index.Schema;
import org.junit.jupiter.api.Test;

/** An article as the Solr document of Dateline's configset: pre-analysed texts, exact facets. */
class SolrDocumentsTest {

  private static Article article(String text) {
    return article(text, "Reuters");
  }

  private static Article article(String text, String outlet) {
    return new Article(
        "a1",
        "/tmp/a.txt",
        "1",
        null,
        "Strikes",
        text,
        null,
        outlet,
        List.of("Jane Doe"),
        List.of(),
        "en",
        "article",
        "h1",
        Map.of(),
        Map.of("place", List.of("Deir ez-Zor")),
        List.of(),
        null);
  }

  @Test
  void textsArriveAsDatelinesOwnTokensAndStemsOfTheArticlesLanguage() {
    SolrInputDocument doc = SolrDocuments.of(article("Workers struck."), 7);
    assertEquals(
        "{\"v\":\"1\",\"str\":\"Workers struck.\",\"tokens\":[{\"t\":\"workers\"},"
            + "{\"t\":\"struck\"}]}",
        doc.getFieldValue(Schema.BODY));
    assertEquals(
        "{\"v\":\"1\",\"tokens\":[{\"t\":\"en:strike\"}]}", doc.getFieldValue(Schema.TITLE_STEM));
    // a hyphenated name: its parts and their catenation at the same position, as indexed
    assertEquals(
        "{\"v\":\"1\",\"tokens\":[{\"t\":\"deir\"},{\"t\":\"ezzor\"},"
            + "{\"t\":\"ez\",\"i\":0},{\"t\":\"zor\"}]}",
        doc.getFieldValue(Schema.PLACE));
    assertEquals("Deir ez-Zor", doc.getFieldValue("place_facet"));
    assertEquals("000000000000000007", "00" + doc.getFieldValue(Schema.STORY));
    assertNull(doc.getFieldValue(Schema.LOCAL_DATE), "undated");
  }

  @Test
  void anArticleWithoutAnOutletIsInTheUnknownOutletBucketAsInTheEmbeddedIndex() {
    assertEquals("Reuters", SolrDocuments.of(article("x"), 7).getFieldValue("outlet_facet"));
    SolrInputDocument unknown = SolrDocuments.of(article("x", null), 7);
    assertEquals(Schema.UNKNOWN_OUTLET, unknown.getFieldValue("outlet_facet"));
    assertNull(unknown.getFieldValue(Schema.OUTLET), "a facet value, not a word of the field");
  }

  @Test
  void theHashChangesWithWhatIsSentAndOnlyThen() {
    String meta = "{\"id\":\"a1\"}";
    long h = SolrDocuments.hash(meta, "text", 7);
    assertEquals(h, SolrDocuments.hash(meta, "text", 7));
    assertNotEquals(h, SolrDocuments.hash(meta, "text", 8), "another story");
    assertNotEquals(h, SolrDocuments.hash(meta, "text.", 7), "another text");
    assertNotEquals(h, SolrDocuments.hash("{\"id\":\"a2\"}", "text", 7), "other metadata");
    assertNotEquals(
        SolrDocuments.hash("ab", "c", 7), SolrDocuments.hash("a", "bc", 7), "parts kept apart");
    Article a = article("x");
    assertEquals(
        SolrDocuments.hash(ArticleJson.metadata(a), "x", 7),
        SolrDocuments.of(a, 7).getFieldValue(SolrFields.HASH));
  }
}
