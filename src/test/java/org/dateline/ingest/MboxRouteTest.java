package org.dateline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.dateline.TestIndexes;
import org.junit.jupiter.api.Test;

/**
 * An mbox is read as mail whatever its first message's body is, on the real files of formats-tika
 * as stored: single_mail.mbox opens with a "From " line, then a header Tika's test put there "to
 * confuse detection", then an HTML body, and Tika's detection alone calls the file a web page.
 */
class MboxRouteTest {

  private final FileParser parser = new FileParser(1L << 30, 5_000_000, 50_000_000);

  @Test
  void anMboxWhoseMessageIsHtmlIsReadAsMailNotAsAPage() throws Exception {
    Path dir = TestIndexes.sharedOrSkip("formats-tika", "");
    Path file = dir.resolve("single_mail.mbox");
    assertEquals(FileParser.Route.TIKA, parser.route(file));
    List<SourceDoc> docs = parser.parse(file);
    assertEquals(1, docs.size());
    SourceDoc mail = docs.get(0);
    assertEquals("email", mail.contentType());
    // the envelope ("From core-user-return-14700-...") and the headers are not the article's text
    assertEquals("", mail.title());
    // the body's first line as the file holds it (its UTF-8 was encoded twice before it was saved)
    assertEquals(
        "EntÃ£o talvez resolva fazendo uma imagem da partiÃ§Ã£o lÃ³gica apÃ³s",
        mail.text().strip().lines().findFirst().orElseThrow());
    // the mail has no Date header: nothing to date it by (the envelope's time is the delivery's)
    assertEquals(List.of(), mail.dates());
  }

  @Test
  void mboxesTikaAlreadyReadAsMailKeepTheirMessages() throws Exception {
    Path dir = TestIndexes.sharedOrSkip("formats-tika", "");
    assertEquals(3, parser.parse(dir.resolve("complex.mbox")).size());
    assertEquals(1, parser.parse(dir.resolve("testMBOX_complex.mbox")).size());
  }
}
