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
    return read;
  }

  @Test
  void mentionsAreArraysAndTheRecognisedOnesAreKeptOnlyWhenTheyDiffer() throws Exception {
    Mention reagan = new Mention("Ronald Reagan", EntityType.PERSON, 0, 13, null);
    Mention washington = new Mention("Washington", EntityType.PLACE, 23, 33, null);
    Article same = article(List.of(reagan, washington), null);
    Document doc = stored(same);
    String meta = doc.get(Schema.META);
    assertEquals(
        true, meta.contains("\"mentions\":[[\"Ronald Reagan\",\"person\",0,13,null],"), meta);
    assertFalse(meta.contains("recognised"), meta);
    assertFalse(meta.contains("\"text\""), meta);
    assertEquals(same, Schema.toArticle(doc));

    Mention resolved = new Mention("Ronald Reagan", EntityType.PERSON, 0, 13, "Ronald Reagan");
    Article changed = article(List.of(resolved, washington), List.of(reagan, washington));
    Document doc2 = stored(changed);
    assertEquals(true, doc2.get(Schema.META).contains("\"recognised\":[["), doc2.get(Schema.META));
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
}
