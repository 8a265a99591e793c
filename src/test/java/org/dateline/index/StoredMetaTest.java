package org.dateline.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.dateline.enrich.Article;
import org.dateline.enrich.entities.EntityType;
import org.dateline.enrich.entities.Mention;
import org.junit.jupiter.api.Test;

/** The stored form of an article's metadata (issue 20: compact, and old indexes still read). */
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

  private static Document stored(Article a) throws Exception {
    Document written = Schema.toDocument(a, new SourceFile("/news/a.txt", 10, 20, "abc"));
    Document read = new Document();
    read.add(new StoredField(Schema.META, written.get(Schema.META)));
    read.add(new StoredField(Schema.BODY, written.get(Schema.BODY)));
    read.add(new StoredField(Schema.ID, written.get(Schema.ID)));
    return read;
  }

  @Test
  void mentionsAreArraysAndTheRecognisedOnesAreKeptOnlyWhenTheyDiffer() throws Exception {
    Mention reagan = new Mention("Ronald Reagan", EntityType.PERSON, 0, 13, null);
    Mention washington = new Mention("Washington", EntityType.PLACE, 23, 33, null);
    Article same = article(List.of(reagan, washington), null);
    Document doc = stored(same);
    String meta = doc.get(Schema.META);
    assertEquals(true, meta.contains("\"mentions\":[[0,13,\"person\"],[23,33,\"place\"]]"), meta);
    assertFalse(meta.contains("Ronald"), meta); // the body holds the text, the mentions its names
    assertFalse(meta.contains("\"entities\""), meta);
    assertFalse(meta.contains("\"id\""), meta);
    assertFalse(meta.contains("recognised"), meta);
    assertFalse(meta.contains("\"text\""), meta);
    assertEquals(same, Schema.toArticle(doc));

    Mention resolved = new Mention("Ronald Reagan", EntityType.PERSON, 0, 13, "Ronald Reagan");
    Article changed = article(List.of(resolved, washington), List.of(reagan, washington));
    Document doc2 = stored(changed);
    String meta2 = doc2.get(Schema.META);
    assertEquals(
        true, meta2.contains("\"mentions\":[[0,13,\"person\",0],[23,33,\"place\"]]"), meta2);
    assertEquals(true, meta2.contains("\"recognised\":[0,1]"), meta2);
    assertEquals(changed, Schema.toArticle(doc2));
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
  void aTextTheBodyDoesNotHoldAtItsOffsetsIsStoredAndEveryOtherCaseReadsBackTheSame()
      throws Exception {
    Mention inTitle = new Mention("Reagan", EntityType.PERSON, 0, 6, "Ronald Reagan");
    Mention past = new Mention("Congress", EntityType.ORGANIZATION, 30, 90, null);
    Mention renamed = new Mention("Washington", EntityType.PLACE, 23, 33, "Washington, D.C.");
    Mention extra = new Mention("Ronald", EntityType.PERSON, 0, 6, "Ronald");
    Article a = article(List.of(inTitle, past, renamed), List.of(extra, past));
    Document doc = stored(a);
    String meta = doc.get(Schema.META);
    assertEquals(
        true,
        meta.contains(
            "\"mentions\":[[0,6,\"person\",\"Ronald Reagan\",\"Reagan\"],"
                + "[30,90,\"organization\",null,\"Congress\"],[23,33,\"place\",\"Washington, D.C.\"]]"),
        meta);
    assertEquals(true, meta.contains("\"recognised\":[[0,6,\"person\",0],1]"), meta);
    assertEquals(a, Schema.toArticle(doc));

    Article renamedOnly = article(List.of(renamed), null);
    Map<String, List<String>> other = Map.of("person", List.of("Someone"));
    Article ownNames = renamedOnly.withEntities(other, renamedOnly.mentions());
    Document doc2 = stored(ownNames);
    assertEquals(true, doc2.get(Schema.META).contains("\"Someone\""), doc2.get(Schema.META));
    assertEquals(ownNames, Schema.toArticle(doc2));
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
