package org.dateline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plain-text route: which files take it, and how their bytes become text. */
class PlainTextReaderTest {

  @TempDir Path dir;

  private final FileParser parser = new FileParser(1 << 20, 1000, 1 << 20);

  @Test
  void utf8TextIsReadAsIsWithoutItsByteOrderMark() throws Exception {
    Path file = dir.resolve("story.txt");
    Files.writeString(file, "\uFEFFCafé owners in Zürich protest\n\nThe café closed.");
    assertEquals(FileParser.Route.PLAIN_TEXT, parser.route(file));
    SourceDoc doc = only(parser.parse(file));
    assertEquals("Café owners in Zürich protest\n\nThe café closed.", doc.text());
    assertEquals("text", doc.contentType());
  }

  @Test
  void textThatIsNotUtf8GetsItsCharsetDetected() throws Exception {
    Path file = dir.resolve("wire.txt");
    String story =
        "Le président a déclaré mercredi que la réforme des retraites serait votée"
            + " à l'Assemblée nationale avant l'été, malgré les grèves à répétition.";
    Files.write(file, story.getBytes(Charset.forName("windows-1252")));
    assertEquals(story, only(parser.parse(file)).text());
  }

  @Test
  void textIsCutAtTheTextLimit() throws Exception {
    Path file = dir.resolve("long.txt");
    Files.writeString(file, "word ".repeat(1000), StandardCharsets.UTF_8);
    // 1,000 characters are read: 200 words, whose last space the normaliser trims
    assertEquals("word ".repeat(200).strip(), only(parser.parse(file)).text());
  }

  @Test
  void aTxtNameDoesNotHideMarkupMailOrBinary() throws Exception {
    assertTrue(FileParser.looksLikePlainText("Storm closes the harbour\n\nThe port shut."));
    assertFalse(FileParser.looksLikePlainText("<!DOCTYPE html><html><body>x</body></html>"));
    assertFalse(FileParser.looksLikePlainText("From editor@example.org Mon Jan 1 00:00:00 2024\n"));
    assertFalse(FileParser.looksLikePlainText("Received: from mail.example.org\nSubject: x"));
    assertFalse(FileParser.looksLikePlainText("%PDF-1.7\n"));
    assertFalse(FileParser.looksLikePlainText("a\u0000b\u0000c\u0000"));

    Path page = dir.resolve("saved-page.txt");
    Files.writeString(
        page, "<html><head><title>Floods</title></head><body><p>Rain.</p></body></html>");
    assertEquals(FileParser.Route.HTML, parser.route(page));
  }

  private static SourceDoc only(List<SourceDoc> docs) {
    assertEquals(1, docs.size());
    return docs.get(0);
  }
}
