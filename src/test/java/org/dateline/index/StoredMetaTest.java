package org.dateline.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.dateline.enrich.Article;
import org.dateline.enrich.entities.EntityType;
import org.dateline.enrich.entities.Mention;
import org.junit.jupiter.api.Test;

/**
 * The JSON forms of an article's metadata schema 9 and before stored: they still read (issue 20).
 */
class StoredMetaTest {

  private static final String TEXT = "Ronald Reagan spoke in Washington.";

  private static Article article(List<Mention> mentions, List<Mention> recognised) {
    return new Article(
        "a1",
        "/news/a.txt",
        "1",
        null,
        "Reagan speaks",
        TEXT,
        null,
        "Reuters",
        List.of(),
        List.of("Reuters"),
        "en",
        "article",
        "h",
        Map.of("outlet", "file"),
        Article.namesOf(mentions),
        mentions,
        recognised);
  }

  /** A stored document of schema 9 or before: {@code json} as its meta, {@link #TEXT} its body. */
  private static Document stored(String json) {
    Document doc = new Document();
    doc.add(new StoredField(Schema.META, json));
    doc.add(new StoredField(Schema.BODY, TEXT));
    doc.add(new StoredField(Schema.ID, "a1"));
    return doc;
  }

  /** Schema 9's JSON of {@link #article} with {@code rest} after its provenance. */
  private static String schema9(String rest) {
    return "{\"path\":\"/news/a.txt\",\"itemKey\":\"1\",\"url\":null,\"title\":\"Reagan speaks\","
        + "\"date\":null,\"outlet\":\"Reuters\",\"authors\":[],\"agencies\":[\"Reuters\"],"
        + "\"language\":\"en\",\"contentType\":\"article\",\"contentHash\":\"h\","
        + "\"provenance\":{\"outlet\":\"file\"},"
        + rest
        + "}";
  }

  @Test
  void schema9MentionsAsOffsetsAndRecognisedAsNumbersStillRead() {
    Mention reagan = new Mention("Ronald Reagan", EntityType.PERSON, 0, 13, null);
    Mention washington = new Mention("Washington", EntityType.PLACE, 23, 33, null);
    Document doc = stored(schema9("\"mentions\":[[0,13,\"person\"],[23,33,\"place\"]]"));
    assertEquals(article(List.of(reagan, washington), null), Schema.toArticle(doc));

    Mention resolved = new Mention("Ronald Reagan", EntityType.PERSON, 0, 13, "Ronald Reagan");
    Document doc2 =
        stored(
            schema9("\"mentions\":[[0,13,\"person\",0],[23,33,\"place\"]],\"recognised\":[0,1]"));
    assertEquals(
        article(List.of(resolved, washington), List.of(reagan, washington)),
        Schema.toArticle(doc2));
  }

  @Test
  void metadataWrittenBeforeIssue20StillReads() {
    String old =
        "{\"id\":\"a1\",\"path\":\"/news/a.txt\",\"itemKey\":\"1\",\"url\":null,"
            + "\"title\":\"Reagan speaks\",\"text\":\"\",\"date\":null,\"outlet\":\"Reuters\","
            + "\"authors\":[],\"agencies\":[\"Reuters\"],\"language\":\"en\","
            + "\"contentType\":\"article\",\"contentHash\":\"h\",\"provenance\":{\"outlet\":\"file\"},"
            + "\"entities\":{\"person\":[\"Ronald Reagan\"],\"organization\":[],\"place\":[]},"
            + "\"mentions\":[{\"text\":\"Ronald Reagan\",\"type\":\"person\",\"start\":0,\"end\":13,"
            + "\"canonical\":null}],"
            + "\"recognised\":[{\"text\":\"Ronald Reagan\",\"type\":\"person\",\"start\":0,"
            + "\"end\":13,\"canonical\":null}]}";
    Document doc = new Document();
    doc.add(new StoredField(Schema.META, old));
    doc.add(new StoredField(Schema.BODY, TEXT));
    Mention reagan = new Mention("Ronald Reagan", EntityType.PERSON, 0, 13, null);
    assertEquals(article(List.of(reagan), null), Schema.toArticle(doc));
  }

  @Test
  void schema9TextsTheBodyDoesNotHoldAndStatedEntitiesStillRead() {
    Mention inTitle = new Mention("Reagan", EntityType.PERSON, 0, 6, "Ronald Reagan");
    Mention past = new Mention("Congress", EntityType.ORGANIZATION, 30, 90, null);
    Mention renamed = new Mention("Washington", EntityType.PLACE, 23, 33, "Washington, D.C.");
    Mention extra = new Mention("Ronald", EntityType.PERSON, 0, 6, "Ronald");
    Document doc =
        stored(
            schema9(
                "\"mentions\":[[0,6,\"person\",\"Ronald Reagan\",\"Reagan\"],"
                    + "[30,90,\"organization\",null,\"Congress\"],"
                    + "[23,33,\"place\",\"Washington, D.C.\"]],"
                    + "\"recognised\":[[0,6,\"person\",0],1]"));
    assertEquals(
        article(List.of(inTitle, past, renamed), List.of(extra, past)), Schema.toArticle(doc));

    Article renamedOnly = article(List.of(renamed), null);
    Map<String, List<String>> other = Map.of("person", List.of("Someone"));
    Document doc2 =
        stored(
            schema9(
                "\"entities\":{\"person\":[\"Someone\"]},"
                    + "\"mentions\":[[23,33,\"place\",\"Washington, D.C.\"]]"));
    assertEquals(renamedOnly.withEntities(other, renamedOnly.mentions()), Schema.toArticle(doc2));
  }

  @Test
  void theSchema7ArrayFormStillReads() {
    String schema7 =
        "{\"id\":\"a1\",\"path\":\"/news/a.txt\",\"itemKey\":\"1\",\"url\":null,"
            + "\"title\":\"Reagan speaks\",\"date\":null,\"outlet\":\"Reuters\","
            + "\"authors\":[],\"agencies\":[\"Reuters\"],\"language\":\"en\","
            + "\"contentType\":\"article\",\"contentHash\":\"h\",\"provenance\":{\"outlet\":\"file\"},"
            + "\"entities\":{\"person\":[\"Ronald Reagan\"],\"organization\":[],\"place\":[]},"
            + "\"mentions\":[[\"Ronald Reagan\",\"person\",0,13,\"Ronald Reagan\"]],"
            + "\"recognised\":[[\"Ronald Reagan\",\"person\",0,13,null]]}";
    Document doc = new Document();
    doc.add(new StoredField(Schema.META, schema7));
    doc.add(new StoredField(Schema.BODY, TEXT));
    Mention reagan = new Mention("Ronald Reagan", EntityType.PERSON, 0, 13, null);
    Mention resolved = new Mention("Ronald Reagan", EntityType.PERSON, 0, 13, "Ronald Reagan");
    assertEquals(article(List.of(resolved), List.of(reagan)), Schema.toArticle(doc));
  }
}
