package org.dateline.ingest;

import static org.dateline.ingest.ReaderFixtures.meta;
import static org.dateline.ingest.ReaderFixtures.only;
import static org.dateline.ingest.ReaderFixtures.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** NewsML-G2 messages (one article per newsItem) and NITF documents, read field by field. */
class NewsMlReaderTest {

  @Test
  void aNewsItemCreditsItsProviderQcodeAsAgencyAndOutlet() {
    SourceDoc item = only(NewsMlReader.read(xml("/fixtures/wire-newsml.xml")));
    assertEquals("urn:newsml:example.org:20220510:wire-1", item.itemKey());
    assertEquals("Hafenarbeiter beenden Streik", item.title());
    assertEquals(
        "Hamburg (dpa) - Die Hafenarbeiter in Hamburg haben ihren Streik am Dienstag"
            + " beendet.\n\nDie Gewerkschaft sprach von einem guten Ergebnis für die Beschäftigten.",
        item.text());
    assertEquals("newsml", item.contentType());
    assertEquals("de", item.language());
    assertEquals(List.of(meta("2022-05-10T11:58:00+02:00", "newsml")), item.dates());
    assertEquals(List.of("dpa"), item.agencies());
    assertEquals(List.of(meta("dpa", "newsml")), item.outlets());
    assertEquals(List.of("Karl Meier"), item.authors());
    assertNull(item.url());
  }

  @Test
  void anNitfBodyInsideANewsItemIsThatItemsTextNotASecondArticle() {
    List<SourceDoc> docs = NewsMlReader.read(xml("/readers/newsml-nitf-body.xml"));
    assertEquals(1, docs.size(), "one newsItem, one article");
    SourceDoc ferry = docs.get(0);
    assertEquals("Night ferry returns to the island route", ferry.title());
    assertTrue(ferry.text().contains("sails again from Friday"), ferry.text());
    assertEquals(
        List.of(meta("2024-03-12T09:30:00Z", "newsml"), meta("2024-03-12T09:40:00Z", "newsml")),
        ferry.dates());
    assertEquals(List.of("HarbourWire"), ferry.agencies());
  }

  @Test
  void aMessageOfTwoItemsGivesTwoArticlesWithTheirOwnDates() {
    List<SourceDoc> docs = NewsMlReader.read(xml("/readers/newsml-message.xml"));
    assertEquals(2, docs.size());
    SourceDoc rescue = docs.get(0);
    assertEquals("urn:newsml:coastwire.example:20210901:a1", rescue.itemKey());
    assertEquals("Lifeboat crew rescues two kayakers", rescue.title());
    assertEquals("Two kayakers were brought ashore at dawn. Both were unhurt.", rescue.text());
    assertEquals(
        List.of(
            meta("2021-09-01T06:00:00Z", "newsml"),
            meta("2021-09-01T06:10:00Z", "newsml"),
            meta("2021-09-01T07:55:00Z", "newsml")),
        rescue.dates(),
        "content created, first created, version created: in that order");
    assertEquals(List.of("Coast Wire"), rescue.agencies(), "a provider named in text, no qcode");
    assertEquals(List.of("Nora Vik"), rescue.authors(), "each byline once");
    assertEquals("en", rescue.language());
    SourceDoc tides = docs.get(1);
    assertEquals("Tide tables corrected", tides.title());
    assertEquals(
        "An error in Tuesday's tide tables has been fixed.\n\nHigh water at the inner"
            + " harbour is at 14:12.",
        tides.text());
    assertEquals(List.of(meta("2021-09-01T07:58:00Z", "newsml")), tides.dates());
    assertEquals(List.of(), tides.agencies(), "no provider, no agency");
    assertEquals(List.of(), tides.outlets());
    assertNull(tides.language());
  }

  @Test
  void nitfTakesHeadlineBylineAndDistributor() {
    SourceDoc doc = only(NewsMlReader.read(xml("/fixtures/wire-nitf.xml")));
    assertEquals("nitf-2023-0042", doc.itemKey());
    assertEquals("City council approves new budget", doc.title(), "hl1 before the head's title");
    assertEquals(
        "The city council approved the budget on Saturday by a narrow vote.\n\n"
            + "Opposition members said the plan cuts too deep.",
        doc.text());
    assertEquals("nitf", doc.contentType());
    assertEquals(List.of(meta("20230114T093000Z", "nitf")), doc.dates());
    assertEquals(List.of("Mira Stone"), doc.authors(), "'By ' is not part of the name");
    assertEquals(List.of("Reuters"), doc.agencies());
    assertEquals(List.of(meta("Reuters", "nitf")), doc.outlets());
  }

  @Test
  void nitfWithoutHeadlineOrDistributorFallsBackToItsTitle() {
    SourceDoc doc = only(NewsMlReader.read(xml("/readers/nitf-untitled.xml")));
    assertEquals("", doc.itemKey());
    assertEquals("Mill closes after 90 years", doc.title());
    assertEquals(
        "The paper mill on the river shut its gates for the last time on Monday.", doc.text());
    assertEquals("en-US", doc.language());
    assertEquals(List.of(meta("20170612T000000Z", "nitf")), doc.dates());
    assertEquals(List.of("Tom Reed"), doc.authors());
    assertEquals(List.of(), doc.agencies());
    assertEquals(List.of(), doc.outlets());
  }

  @Test
  void wireXmlIsRecognisedByItsElementsOrNamespace() {
    assertTrue(NewsMlReader.looksLike("<newsMessage xmlns=\"x\">"));
    // a prefixed root is recognised by its namespace, which valid XML must declare
    assertTrue(
        NewsMlReader.looksLike(
            "<nar:newsMessage xmlns:nar=\"http://iptc.org/std/nar/2006-10-01/\">"));
    assertTrue(NewsMlReader.looksLike("<NITF>"));
    assertTrue(NewsMlReader.looksLike("<root xmlns=\"http://iptc.org/std/nar/2006-10-01/\">"));
    assertFalse(NewsMlReader.looksLike("<rss version=\"2.0\">"));
  }
}
