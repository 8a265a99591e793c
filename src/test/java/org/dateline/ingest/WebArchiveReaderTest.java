package org.dateline.ingest;

import static org.dateline.ingest.ReaderFixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A WARC of five records (crawl info, a request, an HTML page, an image, a gzip-encoded HTML page)
 * and an ARC of the same crawl: only the HTML pages become articles.
 */
class WebArchiveReaderTest {

  private static final String FERRY_TEXT =
      "The ferry between the two islands will run every ninety"
          + " minutes from the first of October, the operator said on Monday.\n\nCommuters who cross"
          + " before eight in the morning will keep their early departure, which was saved after a"
          + " petition signed by four hundred residents.\n\nThe operator blamed the change on the cost"
          + " of fuel and on a shortage of trained deck crew.";

  @TempDir Path dir;

  private final WebArchiveReader reader = new WebArchiveReader(new HtmlReader());

  @Test
  void onlyTheHtmlResponsesOfAWarcAreArticles() throws ParseException {
    List<SourceDoc> docs = reader.readWarc(ReaderFixtures.path("crawl.warc"));
    assertEquals(2, docs.size());
    SourceDoc ferry = docs.get(0);
    assertEquals("urn:uuid:00000000-0000-4000-8000-000000000003", ferry.itemKey());
    assertEquals("https://fjord-times.example/ferry", ferry.url());
    assertEquals("Ferry timetable changes in autumn", ferry.title());
    assertEquals(FERRY_TEXT, ferry.text());
    assertEquals("html", ferry.contentType());
    assertEquals("en", ferry.language());
    assertEquals(List.of(), ferry.dates(), "a capture date is not a publication date");
  }

  @Test
  void aGzipEncodedPageIsDecodedBeforeExtraction() throws ParseException {
    SourceDoc roof = reader.readWarc(ReaderFixtures.path("crawl.warc")).get(1);
    assertEquals("https://fjord-times.example/school-roof", roof.url());
    assertEquals("School roof repaired before winter", roof.title());
    assertTrue(
        roof.text()
            .startsWith("Builders finished the new roof of the village school on" + " Friday"),
        roof.text());
  }

  @Test
  void aTruncatedWarcStillYieldsTheRecordsBeforeTheDamage() throws Exception {
    byte[] whole = Files.readAllBytes(ReaderFixtures.path("crawl.warc"));
    String text = new String(whole, java.nio.charset.StandardCharsets.ISO_8859_1);
    int cut = text.indexOf("WARC-Target-URI: https://fjord-times.example/logo.png") + 20;
    Path truncated = dir.resolve("truncated.warc");
    Files.write(truncated, Arrays.copyOf(whole, cut));
    List<SourceDoc> docs = reader.readWarc(truncated);
    assertEquals(
        List.of("https://fjord-times.example/ferry"), docs.stream().map(SourceDoc::url).toList());
  }

  @Test
  void aWarcWithNoReadableRecordIsCorrupt() throws IOException {
    Path junk = dir.resolve("junk.warc");
    Files.writeString(junk, "WARC/1.0\r\nthis is not a record header\r\n\r\n");
    ParseException e = assertThrows(ParseException.class, () -> reader.readWarc(junk));
    assertEquals(FailureKind.CORRUPT, e.kind());
    assertTrue(e.getMessage().startsWith("unreadable WARC: "), e.getMessage());
  }

  @Test
  void anArcYieldsItsHtmlRecordAndSkipsItsHeaderAndImages() throws ParseException {
    SourceDoc ferry = only(reader.readArc(ReaderFixtures.path("crawl.arc")));
    assertEquals("https://fjord-times.example/ferry", ferry.itemKey());
    assertEquals("https://fjord-times.example/ferry", ferry.url());
    assertEquals("Ferry timetable changes in autumn", ferry.title());
    assertEquals(FERRY_TEXT, ferry.text());
  }

  @Test
  void archivesAreRecognisedByNameOrFirstBytes() {
    assertTrue(WebArchiveReader.isWarc("crawl.warc.gz", ""));
    assertTrue(WebArchiveReader.isWarc("capture.bin", "WARC/1.1\r\n"));
    assertFalse(WebArchiveReader.isWarc("crawl.arc", "filedesc://crawl.arc"));
    assertTrue(WebArchiveReader.isArc("crawl.arc.gz", ""));
    assertTrue(WebArchiveReader.isArc("capture.bin", "filedesc://crawl.arc 0.0.0.0"));
    assertFalse(WebArchiveReader.isArc("crawl.warc", "WARC/1.0"));
  }
}
