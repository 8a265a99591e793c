package org.dateline.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.util.BytesRef;
import org.dateline.enrich.Article;
import org.dateline.enrich.PubDate;
import org.dateline.enrich.entities.EntityType;
import org.dateline.enrich.entities.Mention;
import org.junit.jupiter.api.Test;

/** The binary form of an article's metadata (schema 10, issue 20): exact bytes, every case back. */
class CompactMetaTest {

  private static final String TEXT = "Ronald Reagan spoke in Washington.";
  private static final Mention REAGAN =
      new Mention("Ronald Reagan", EntityType.PERSON, 0, 13, null);
  private static final Mention WASHINGTON =
      new Mention("Washington", EntityType.PLACE, 23, 33, null);

  private static Article article(
      PubDate date, String hash, List<Mention> mentions, List<Mention> recognised) {
    return new Article(
        "a1",
        "/news/a.txt",
        "1",
        null,
        "Reagan speaks",
        TEXT,
        date,
        "Reuters",
        List.of(),
        List.of("Reuters"),
        "en",
        "article",
        hash,
        Map.of("outlet", "Reuters"),
        Article.namesOf(mentions),
        mentions,
        recognised);
  }

  /** The article as a search reads it back: the stored meta, body and id of its document. */
  private static Article roundTrip(Article a) throws Exception {
    Document written = Schema.toDocument(a, new SourceFile("/news/a.txt", 10, 20, "abc"));
    BytesRef meta = written.getField(Schema.META).binaryValue();
    assertNotNull(meta, "the meta is stored as bytes");
    assertNull(written.get(Schema.META), "and not as text");
    Document read = new Document();
    read.add(new StoredField(Schema.META, meta));
    read.add(new StoredField(Schema.BODY, written.get(Schema.BODY)));
    read.add(new StoredField(Schema.ID, written.get(Schema.ID)));
    return Schema.toArticle(read);
  }

  @Test
  void theBytesOfASmallArticleAreExactlyTheLayoutAndARepeatedStringIsANumber() {
    byte[] stored = CompactMeta.write(article(null, "00ff", List.of(REAGAN, WASHINGTON), null));
    byte[] expected =
        concat(
            new byte[] {CompactMeta.FORMAT, 0}, // format, no flags
            str("/news/a.txt"),
            str("1"),
            new byte[] {0}, // url: null
            str("Reagan speaks"),
            str("Reuters"),
            str("en"),
            str("article"),
            new byte[] {4 * 2 + 3, 0x00, (byte) 0xff}, // the hash as its 2 bytes
            new byte[] {0}, // no authors
            new byte[] {1, 2 * 3 + 2}, // agencies: "Reuters", string 3 (from 0: path, "1", title)
            new byte[] {1}, // provenance: one entry
            str("outlet"),
            new byte[] {2 * 3 + 2}, // "Reuters" again
            new byte[] {2}, // two mentions
            new byte[] {1, 0, 26}, // person, no canonical, text in the body; start +0, length 13
            new byte[] {3, 46, 20}); // place; start +23, length 10 (zig-zag: 2n)
    assertArrayEquals(expected, stored, HexFormat.of().formatHex(stored));
  }

  @Test
  void everyFormOfDateMentionAndNameReadsBackTheSame() throws Exception {
    PubDate minute =
        new PubDate(
            Instant.parse("1987-03-26T13:05:07.250Z"), PubDate.Precision.MINUTE, "dateline", -300);
    PubDate day = new PubDate(Instant.parse("1969-12-31T00:00:00Z"), PubDate.Precision.DAY, "file");
    Mention resolved = new Mention("Ronald Reagan", EntityType.PERSON, 0, 13, "Ronald Reagan");
    Mention inTitle = new Mention("Reagan", EntityType.PERSON, 0, 6, "Ronald Reagan");
    Mention past = new Mention("Congress", EntityType.ORGANIZATION, 30, 90, null);
    Mention renamed = new Mention("Washington", EntityType.PLACE, 23, 33, "Washington, D.C.");
    Mention noText = new Mention(null, null, 5, 2, "Nobody");
    Mention extra = new Mention("Ronald", EntityType.PERSON, 0, 6, "Ronald");
    List<Article> cases =
        List.of(
            article(null, "h", List.of(), null),
            article(minute, "0123456789abcdef", List.of(REAGAN, WASHINGTON), null),
            article(day, "ABCD", List.of(resolved, WASHINGTON), List.of(REAGAN, WASHINGTON)),
            article(minute, "", List.of(renamed, inTitle, past, noText), List.of(extra, past)),
            article(day, null, List.of(resolved, resolved), List.of(WASHINGTON, REAGAN)));
    for (Article a : cases) {
      assertEquals(a, roundTrip(a));
    }
    // the day an address prints beside a UTC instant, with the stated offset and without one
    for (Integer offset : java.util.Arrays.asList(0, null)) {
      PubDate printed =
          new PubDate(
              Instant.parse("2019-11-19T04:58:46Z"),
              PubDate.Precision.SECOND,
              "json-ld",
              offset,
              LocalDate.of(2019, 11, 18));
      Article a = article(printed, "ab", List.of(REAGAN), null);
      assertEquals(a, roundTrip(a));
      assertEquals(LocalDate.of(2019, 11, 18), roundTrip(a).date().localDay());
    }
    Article ownNames =
        cases
            .get(1)
            .withEntities(Map.of("person", List.of("Someone", "Ünïcode")), cases.get(1).mentions());
    assertEquals(ownNames, roundTrip(ownNames));
    Article authored =
        new Article(
            "a2",
            "/p",
            null,
            "https://example.com/a",
            "",
            "",
            null,
            null,
            List.of("A. Writer", "B. Writer", "A. Writer"),
            List.of(),
            null,
            "html",
            null,
            Map.of(),
            Map.of(),
            List.of(),
            null);
    assertEquals(authored, roundTrip(authored));
  }

  @Test
  void aMentionThatRepeatsAnUnresolvedOneIsStoredAsItsNumber() {
    Mention resolved = new Mention("Ronald Reagan", EntityType.PERSON, 0, 13, "Ronald Reagan");
    int both = CompactMeta.write(article(null, "h", List.of(resolved), List.of(REAGAN))).length;
    int alone = CompactMeta.write(article(null, "h", List.of(resolved), null)).length;
    assertEquals(alone + 2, both, "the recognised list: its size and one number");
  }

  private static byte[] str(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return concat(new byte[] {(byte) (4 * b.length + 1)}, b);
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
