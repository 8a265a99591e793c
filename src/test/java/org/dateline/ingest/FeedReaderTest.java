package org.dateline.ingest;

import static org.dateline.ingest.ReaderFixtures.meta;
import static org.dateline.ingest.ReaderFixtures.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RSS 2.0, RSS 1.0 (RDF) and Atom feeds, one article per item or entry, read field by field. */
class FeedReaderTest {

  @Test
  void rss2ItemsTakeContentEncodedFirstAndTheChannelAsOutlet() {
    List<SourceDoc> docs = FeedReader.read(xml("/fixtures/feed.rss"));
    assertEquals(2, docs.size());
    SourceDoc ferry = docs.get(0);
    assertEquals("hg-1001", ferry.itemKey());
    assertEquals("Ferry strike ends after talks", ferry.title());
    assertEquals(
        "The ferry strike ended on Tuesday.\n\nCrews return to work tomorrow, the union said.",
        ferry.text());
    assertEquals("https://harbour-gazette.example/2021/ferry-strike", ferry.url());
    assertEquals("en-gb", ferry.language());
    assertEquals("feed", ferry.contentType());
    assertEquals(List.of(meta("Tue, 02 Mar 2021 14:05:00 +0100", "feed")), ferry.dates());
    assertEquals(List.of(meta("The Harbour Gazette", "feed")), ferry.outlets());
    assertEquals(List.of("Ada Lund"), ferry.authors());
    assertEquals(List.of(), ferry.agencies());
    SourceDoc crane = docs.get(1);
    assertEquals("hg-1002", crane.itemKey());
    assertEquals("A crane fell into the harbour overnight. Nobody was hurt.", crane.text());
    assertEquals(List.of(), crane.authors());
  }

  @Test
  void aFeedOfOneSectionIsThePublicationItNamesNotTheSectionsTitle() {
    // as the Science feed of the shared corpus: title "Science twis", publicationName "Science"
    SourceDoc race = FeedReader.read(xml("/readers/section-feed.rdf")).get(0);
    assertEquals(
        List.of(meta("Moorland Post", "feed"), meta("Moorland Post wknd", "feed")), race.outlets());
  }

  @Test
  void rdfItemsWithoutGuidAreKeyedByLinkOrPosition() {
    List<SourceDoc> docs = FeedReader.read(xml("/readers/rdf-feed.rdf"));
    assertEquals(2, docs.size());
    SourceDoc reservoir = docs.get(0);
    assertEquals("https://moorland-post.example/2019/reservoir", reservoir.itemKey());
    assertEquals("https://moorland-post.example/2019/reservoir", reservoir.url());
    assertEquals("Reservoir level & rainfall both fall", reservoir.title());
    assertEquals(
        "The upper reservoir stood at 41 per cent on Tuesday.\n\nHosepipe use is still"
            + " allowed.",
        reservoir.text());
    assertEquals("en", reservoir.language(), "dc:language of the channel");
    assertEquals(List.of(meta("2019-08-14T06:30:00+01:00", "feed")), reservoir.dates());
    assertEquals(List.of("Ivo Hart", "Sara Quist"), reservoir.authors(), "each creator once");
    assertEquals(List.of(meta("Moorland Post", "feed")), reservoir.outlets());
    SourceDoc fair = docs.get(1);
    assertEquals("item-1", fair.itemKey());
    assertNull(fair.url());
    assertEquals("Sheep fair cancelled", fair.title());
    assertEquals("Organisers blamed the heat.", fair.text());
    assertEquals(List.of(), fair.dates());
  }

  @Test
  void atomEntriesPreferTheAlternateLinkAndReadAuthorsAndLanguage() {
    List<SourceDoc> docs = FeedReader.read(xml("/readers/atom-entries.atom"));
    assertEquals(2, docs.size());
    SourceDoc dike = docs.get(0);
    assertEquals("urn:pn:5", dike.itemKey());
    assertEquals("Dijk bij Lelystad versterkt", dike.title(), "an HTML title loses its markup");
    assertEquals(
        "https://polder-nieuws.example/dijk-lelystad", dike.url(), "not the rel=self link");
    assertEquals("Het werk aan de dijk is een week eerder klaar dan gepland.", dike.text());
    assertEquals("nl", dike.language(), "the feed's xml:lang");
    assertEquals(List.of(meta("2024-02-20T15:00:00+01:00", "feed")), dike.dates());
    assertEquals(List.of("Femke de Vries"), dike.authors());
    assertEquals(List.of(meta("Polder Nieuws", "feed")), dike.outlets());
    SourceDoc ferry = docs.get(1);
    assertEquals("https://polder-nieuws.example/veerpont", ferry.itemKey(), "no id: keyed by link");
    assertEquals("De veerpont vaart sinds woensdag weer volgens de dienstregeling.", ferry.text());
    assertEquals(List.of(meta("2024-02-21T07:45:00Z", "feed")), ferry.dates());
    assertEquals(List.of("Joost Bakker"), ferry.authors(), "an author element with no name child");
  }

  @Test
  void feedsAreRecognisedByTheirRootElement() {
    assertTrue(FeedReader.looksLike("<?xml version=\"1.0\"?><RSS version=\"2.0\">"));
    assertTrue(FeedReader.looksLike("<feed xmlns=\"http://www.w3.org/2005/Atom\">"));
    assertTrue(FeedReader.looksLike("<rdf:RDF xmlns=\"http://purl.org/rss/1.0/\">"));
    assertFalse(FeedReader.looksLike("<rdf:RDF xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"));
    assertFalse(FeedReader.looksLike("<nitf><head>"));
  }
}
