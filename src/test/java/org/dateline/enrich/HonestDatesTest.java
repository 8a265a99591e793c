package org.dateline.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dateline.TestIndexes;
import org.dateline.enrich.entities.EntityExtractor;
import org.dateline.ingest.FileParser;
import org.dateline.ingest.SourceDoc;
import org.junit.jupiter.api.Test;

/**
 * Dates from formats other than web pages, on the real files of formats-tika as stored: a capture
 * date is not a publication date, an item without one is undated, a mail is dated by its own Date
 * header in the offset it was written in, a document by when it was made (said so).
 */
class HonestDatesTest {

  private final Enricher enricher = Enricher.standard(EntityExtractor.NONE);
  private final FileParser parser = new FileParser(1L << 30, 5_000_000, 50_000_000);

  /** Each article of {@code name}: its printed day, or "undated", and where that came from. */
  private Map<String, String> dates(Path dir, String name) throws Exception {
    Map<String, String> out = new TreeMap<>();
    for (SourceDoc doc : parser.parse(dir.resolve(name))) {
      Article a = enricher.enrich(name, doc, null);
      out.put(
          name + "#" + doc.itemKey(),
          (a.date() == null ? "undated" : a.date().localDay().toString())
              + " / "
              + a.provenance().get("date"));
    }
    return out;
  }

  @Test
  void webArchivesAndUndatedFeedItemsStayUndated() throws Exception {
    Path dir = TestIndexes.sharedOrSkip("formats-tika", "");
    for (String name :
        new String[] {
          "cc.warc.gz",
          "example.arc.gz",
          "testARC.arc",
          "testWARC_multiple.warc",
          "rsstest_091.rss",
          "rsstest_20.rss"
        }) {
      dates(dir, name)
          .forEach(
              (item, date) ->
                  assertEquals("undated / none found (undated)", date, item + " took a date"));
    }
  }

  @Test
  void aMailIsOnTheDayItsDateHeaderPrintsADocumentOnTheDayItWasMade() throws Exception {
    Path dir = TestIndexes.sharedOrSkip("formats-tika", "");
    // "Date: Wed, 7 Dec 2011 16:30:39 -0800": Tika's created time is the UTC instant, the 8th
    assertEquals(
        Map.of("testMSG_forwarded.msg#", "2011-12-07 / e-mail Date header"),
        dates(dir, "testMSG_forwarded.msg"));
    assertEquals(
        Map.of("testWORD.docx#", "2008-12-11 / document created (embedded metadata)"),
        dates(dir, "testWORD.docx"));
  }

  @Test
  void aPageABrowserSavedIsUndatedAndHasNoAuthorButItsAddress() throws Exception {
    Path dir = TestIndexes.sharedOrSkip("formats-tika", "");
    // "From: <Saved by Mozilla 5.0 (Windows; en-US)>", "Date: Fri Mar 10 2006 13:40:00 GMT+0100":
    // when Firefox saved the page, not when it was published
    assertEquals(
        Map.of("testMHTMLFirefox.mhtml#", "undated / none found (undated)"),
        dates(dir, "testMHTMLFirefox.mhtml"));
    SourceDoc page = parser.parse(dir.resolve("testMHTMLFirefox.mhtml")).get(0);
    assertEquals(List.of(), page.authors());
    assertEquals("http://aperture.sourceforge.net/", page.url());
    Article a = enricher.enrich("testMHTMLFirefox.mhtml", page, null);
    assertEquals("Aperture Framework", a.title());
    assertEquals("aperture.sourceforge.net", a.outlet());
  }
}
