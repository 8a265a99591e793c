package org.dateline.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.dateline.TestIndexes;
import org.dateline.pipeline.IngestReport;
import org.dateline.search.DocumentView;
import org.dateline.search.Hit;
import org.dateline.search.SearchRequest;
import org.dateline.search.SearchService;
import org.dateline.search.SortOrder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One small file per format, made by us, through real Tika (or our feed/wire readers) into a real
 * index: golden titles, dates, outlets, authors and types.
 */
class FormatsTest {

  @TempDir static Path work;
  static SearchService search;
  static IngestReport report;
  static Map<String, Hit> byTitle;

  @BeforeAll
  static void indexFixtures() throws IOException {
    Path sources = Files.createDirectories(work.resolve("sources"));
    for (String name :
        List.of(
            "feed.rss",
            "feed.atom",
            "wire-newsml.xml",
            "wire-nitf.xml",
            "letter.eml",
            "tips.mbox",
            "cp1252.txt",
            "story.html")) {
      try (InputStream in = FormatsTest.class.getResourceAsStream("/fixtures/" + name)) {
        Files.copy(in, sources.resolve(name));
      }
    }
    writePdf(sources.resolve("report.pdf"));
    writeDocx(sources.resolve("memo.docx"));
    writeWarc(sources.resolve("crawl.warc"));
    Path index = work.resolve("index");
    report = TestIndexes.index(index, false, sources);
    search = SearchService.readOnly(index);
    List<Hit> hits =
        search
            .search(
                new SearchRequest("", Map.of(), null, null, SortOrder.OLDEST, 1, 100, null, 0, 10))
            .hits();
    byTitle = hits.stream().collect(Collectors.toMap(Hit::title, Function.identity()));
  }

  @AfterAll
  static void close() throws IOException {
    search.close();
  }

  static void writePdf(Path path) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.beginText();
        cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        cs.newLineAtOffset(50, 700);
        cs.showText("The audit found irregular payments to the shipping contractor.");
        cs.endText();
      }
      doc.getDocumentInformation().setTitle("Port audit report");
      Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
      created.clear();
      created.set(2018, Calendar.SEPTEMBER, 3, 12, 0, 0);
      doc.getDocumentInformation().setCreationDate(created);
      doc.save(path.toFile());
    }
  }

  static void writeDocx(Path path) throws IOException {
    try (XWPFDocument doc = new XWPFDocument();
        var out = Files.newOutputStream(path)) {
      doc.createParagraph().createRun().setText("Internal memo on the dredging contract.");
      doc.createParagraph().createRun().setText("The contract was extended twice without review.");
      doc.getProperties().getCoreProperties().setTitle("Dredging memo");
      doc.getProperties().getCoreProperties().setCreator("Lena Berg");
      doc.write(out);
    }
  }

  /** An uncompressed WARC with one HTML response record. */
  static void writeWarc(Path path) throws IOException {
    String html =
        "<html><head><title>Lighthouse keeper retires</title></head><body>"
            + "<p>After forty years the lighthouse keeper of North Point retired on Friday.</p>"
            + "</body></html>";
    String http =
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
            + html.getBytes(StandardCharsets.UTF_8).length
            + "\r\n\r\n"
            + html;
    byte[] block = http.getBytes(StandardCharsets.UTF_8);
    String header =
        "WARC/1.0\r\nWARC-Type: response\r\n"
            + "WARC-Target-URI: https://coast-news.example/lighthouse\r\n"
            + "WARC-Date: 2023-03-01T10:00:00Z\r\n"
            + "WARC-Record-ID: <urn:uuid:12345678-1234-1234-1234-123456789abc>\r\n"
            + "Content-Type: application/http; msgtype=response\r\n"
            + "Content-Length: "
            + block.length
            + "\r\n\r\n";
    try (var out = Files.newOutputStream(path)) {
      out.write(header.getBytes(StandardCharsets.UTF_8));
      out.write(block);
      out.write("\r\n\r\n".getBytes(StandardCharsets.UTF_8));
    }
  }

  private static Hit hit(String title) {
    Hit h = byTitle.get(title);
    if (h == null) {
      throw new AssertionError("no article titled '" + title + "'; titles: " + byTitle.keySet());
    }
    return h;
  }

  @Test
  void everyFormatYieldsItsArticles() {
    assertEquals(List.of(), report.failures());
    assertEquals(11, report.filesIndexed());
    assertEquals(
        13, report.articlesWritten(), "11 files: 2 RSS items, 2 mbox messages, 1 each else");
  }

  @Test
  void rssItemsCarryFeedDatesOutletAndAuthor() throws IOException {
    Hit ferry = hit("Ferry strike ends after talks");
    assertEquals("2021-03-02T13:05:00Z", ferry.date());
    assertEquals("The Harbour Gazette", ferry.outlet());
    assertEquals(List.of("Ada Lund"), ferry.authors());
    assertEquals("https://harbour-gazette.example/2021/ferry-strike", ferry.url());
    assertEquals("en", ferry.language());
    DocumentView doc = search.document(ferry.id());
    assertEquals(
        "The ferry strike ended on Tuesday.\n\nCrews return to work tomorrow, the union said.",
        doc.text());
    assertEquals("feed", doc.contentType());
    assertEquals("feed", doc.provenance().get("date"));
    assertEquals("2021-03-03T08:00:00Z", hit("Harbour crane toppled by storm").date());
  }

  @Test
  void atomEntryPrefersPublishedOverUpdated() {
    Hit bridge = hit("Bridge reopens to traffic");
    assertEquals("2020-11-05T09:30:00Z", bridge.date());
    assertEquals("Valley Courier", bridge.outlet());
    assertEquals(List.of("Bo Persson"), bridge.authors());
  }

  @Test
  void wireFormatsCreditTheirAgency() {
    Hit newsml = hit("Hafenarbeiter beenden Streik");
    assertEquals("2022-05-10T09:58:00Z", newsml.date());
    assertEquals(List.of("dpa"), newsml.agencies());
    assertEquals("dpa", newsml.outlet());
    assertEquals("de", newsml.language());
    assertEquals(List.of("Karl Meier"), newsml.authors());
    Hit nitf = hit("City council approves new budget");
    assertEquals("2023-01-14T09:30:00Z", nitf.date());
    assertEquals(List.of("Reuters"), nitf.agencies());
    assertEquals(List.of("Mira Stone"), nitf.authors());
  }

  @Test
  void emailAndMboxMessages() {
    Hit letter = hit("Documents about the harbour contract");
    assertEquals("2019-04-12T16:45:00Z", letter.date());
    assertEquals("2019-01-07T10:00:00Z", hit("First tip about the quarry").date());
    assertEquals("2019-01-08T11:00:00Z", hit("Second tip about the quarry").date());
  }

  @Test
  void legacyCharsetTextIsDecoded() throws IOException {
    Hit cafe = hit("Café owners protest new tax");
    assertNull(cafe.date(), "a plain text file with no date is undated, not dated by mtime");
    assertTrue(search.document(cafe.id()).text().contains("naïve as it may seem"));
  }

  @Test
  void officeAndPdfDocuments() {
    assertEquals("2018-09-03T12:00:00Z", hit("Port audit report").date());
    assertEquals(List.of("Lena Berg"), hit("Dredging memo").authors());
  }

  @Test
  void webPagesAndWebArchives() throws IOException {
    Hit mayor = hit("Mayor resigns over housing scandal");
    assertEquals("Riverside Post", mayor.outlet());
    assertEquals("2024-06-01T07:15:00Z", mayor.date());
    String text = search.document(mayor.id()).text();
    assertTrue(text.startsWith("The mayor of Riverside resigned"), text);
    assertTrue(!text.contains("Read more") && !text.contains("Sport"), text);
    Hit lighthouse = hit("Lighthouse keeper retires");
    assertNull(lighthouse.date(), "the crawl date is not the publication date");
    assertEquals("https://coast-news.example/lighthouse", lighthouse.url());
    assertEquals("coast-news.example", lighthouse.outlet());
  }
}
