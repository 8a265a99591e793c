package org.dateline.ingest;

import static org.dateline.ingest.ReaderFixtures.meta;
import static org.dateline.ingest.ReaderFixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.junit.jupiter.api.Test;

/**
 * The general path through Tika: one article per document, one per member of a container, the
 * document's own metadata as candidates, and Tika's failures mapped onto failure kinds.
 */
class TikaReaderTest {

  private final TikaReader reader = new TikaReader(1_000_000);

  private List<SourceDoc> read(String fixture) throws IOException, ParseException {
    try (InputStream in = Files.newInputStream(ReaderFixtures.path(fixture))) {
      Metadata md = new Metadata();
      md.set(TikaCoreProperties.RESOURCE_NAME_KEY, fixture);
      return reader.read(in, md);
    }
  }

  @Test
  void anRtfDocumentGivesItsTitleAuthorAndCreationDate() throws Exception {
    SourceDoc memo = only(read("memo.rtf"));
    assertEquals("", memo.itemKey());
    assertEquals("Night shift rota for the print hall", memo.title());
    // Tika's text starts with the document's title (the head of its XHTML)
    assertEquals(
        "Night shift rota for the print hall\n\nThe print hall moves to two night shifts"
            + " from Monday.\nEach shift runs from ten in the evening to six in the morning.",
        memo.text());
    assertEquals("rtf", memo.contentType());
    assertEquals(List.of("Pia Lind"), memo.authors());
    // RTF times carry no zone: Tika reads them in the JVM's, UTC in the tests
    // (when it was made: a document's properties state no publication date)
    assertEquals(
        List.of(meta("2016-11-04T17:20:00Z", "document created (embedded metadata)")),
        memo.dates());
  }

  @Test
  void anEmailIsOneArticleAndItsAttachmentIsNotAnother() throws Exception {
    SourceDoc mail = only(read("tip-with-attachment.eml"));
    assertEquals("Photos of the flooded underpass", mail.title());
    assertEquals(
        "Photos of the flooded underpass\n\nThe underpass on Station Road has been under"
            + " water since Saturday night.",
        mail.text(),
        "the subject, then the body; no attachment");
    assertEquals("email", mail.contentType());
    assertEquals(List.of("Reader <reader@example.net>"), mail.authors());
    assertEquals("2020-02-02T07:15:00Z", mail.dates().get(0).value());
    assertEquals("e-mail Date header", mail.dates().get(0).source(), "when it was sent");
  }

  @Test
  void eachMemberOfAZipIsAnArticleWithAKeyOfItsOwn() throws Exception {
    byte[] zip =
        zip(
            "2019/report.txt",
            "Council meets on Thursday.",
            "2019/minutes.txt",
            "The bridge vote is postponed.",
            "2020/report.txt",
            "The budget passed.");
    List<SourceDoc> docs = reader.read(new ByteArrayInputStream(zip), new Metadata());
    // Tika names a member without its folder, so the second report.txt is told apart by its
    // position (an equal key would give two articles one id)
    assertEquals(
        List.of("/report.txt", "/minutes.txt", "/report.txt#/3"),
        docs.stream().map(SourceDoc::itemKey).toList());
    assertEquals(
        List.of(
            "Council meets on Thursday.", "The bridge vote is postponed.", "The budget passed."),
        docs.stream().map(SourceDoc::text).toList());
    assertEquals(
        List.of("text", "text", "text"), docs.stream().map(SourceDoc::contentType).toList());
  }

  @Test
  void aZipInsideAZipContributesItsMembersNotItself() throws Exception {
    byte[] inner = zip("story.txt", "Inner story about the harbour.");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream outer = new ZipOutputStream(bytes)) {
      outer.putNextEntry(new ZipEntry("story.txt"));
      outer.write("Outer story about the quarry.".getBytes(StandardCharsets.UTF_8));
      outer.putNextEntry(new ZipEntry("more.zip"));
      outer.write(inner);
    }
    List<SourceDoc> docs =
        reader.read(new ByteArrayInputStream(bytes.toByteArray()), new Metadata());
    assertEquals(
        List.of("/story.txt", "/more.zip/story.txt"),
        docs.stream().map(SourceDoc::itemKey).toList());
    assertEquals(
        List.of("Outer story about the quarry.", "Inner story about the harbour."),
        docs.stream().map(SourceDoc::text).toList());
  }

  /** A zip of (name, text) pairs. */
  private static byte[] zip(String... nameAndText) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (int i = 0; i < nameAndText.length; i += 2) {
        zip.putNextEntry(new ZipEntry(nameAndText[i]));
        zip.write(nameAndText[i + 1].getBytes(StandardCharsets.UTF_8));
      }
    }
    return bytes.toByteArray();
  }

  @Test
  void anEmptyFileIsEmptyAndABrokenPdfIsCorrupt() {
    ParseException empty =
        assertThrows(
            ParseException.class,
            () -> reader.read(new ByteArrayInputStream(new byte[0]), new Metadata()));
    assertEquals(FailureKind.EMPTY, empty.kind());
    byte[] pdf =
        "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer"
            .getBytes(StandardCharsets.US_ASCII);
    ParseException broken =
        assertThrows(
            ParseException.class, () -> reader.read(new ByteArrayInputStream(pdf), new Metadata()));
    assertEquals(FailureKind.CORRUPT, broken.kind());
  }
}
