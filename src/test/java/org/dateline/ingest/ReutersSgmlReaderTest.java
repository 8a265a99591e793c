package org.dateline.ingest;

import static org.dateline.ingest.ReaderFixtures.meta;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reuters-21578 SGML: a story with a body, a brief (title only) and an unprocessed story (text with
 * no title or body), in a Latin-1 file read as {@code FileParser} reads it.
 */
class ReutersSgmlReaderTest {

  private static List<SourceDoc> sample() throws IOException {
    return ReutersSgmlReader.read(
        Files.readString(ReaderFixtures.path("reut2-sample.sgm"), StandardCharsets.ISO_8859_1));
  }

  @Test
  void aStoryKeepsItsBodyDecodedAndItsNewId() throws IOException {
    SourceDoc cocoa = sample().get(0);
    assertEquals("9001", cocoa.itemKey());
    assertEquals("GHANA COCOA CROP SEEN LOWER & LATER", cocoa.title());
    assertEquals(
        "Ghana's main cocoa crop is expected to\ncome in lower and later than last season,"
            + " traders said.\n    Dealers put the crop at <200,000> tonnes, down from\n230,000, with the"
            + " café trade watching closely.\n Reuter",
        cocoa.text());
    assertEquals(List.of(meta("3-MAR-1987 09:15:22.41", "reuters-sgml")), cocoa.dates());
    assertEquals(List.of(meta("Reuters", "reuters-sgml")), cocoa.outlets());
    assertEquals(List.of("Reuters"), cocoa.agencies());
    assertEquals("en", cocoa.language());
    assertEquals("reuters-sgml", cocoa.contentType());
  }

  @Test
  void aBriefIsItsTitleAndAnUnprocessedStoryItsTextWithoutTags() throws IOException {
    List<SourceDoc> docs = sample();
    assertEquals(3, docs.size());
    SourceDoc brief = docs.get(1);
    assertEquals("9002", brief.itemKey());
    assertEquals("SUGAR TENDER RESULT DUE FRIDAY", brief.title());
    assertEquals("SUGAR TENDER RESULT DUE FRIDAY", brief.text());
    assertEquals(List.of(meta("3-MAR-1987 09:20:01.10", "reuters-sgml")), brief.dates());
    SourceDoc unproc = docs.get(2);
    assertEquals("9003", unproc.itemKey());
    assertEquals("", unproc.title());
    // each tag becomes a space, so the words it separated stay apart
    assertEquals("SHIPPING REPORT:  three  tankers waited off the port.", unproc.text());
  }

  @Test
  void sgmlIsRecognisedByItsDoctypeOrStoryTag() {
    assertTrue(ReutersSgmlReader.looksLike("<!DOCTYPE lewis SYSTEM \"lewis.dtd\">"));
    assertTrue(ReutersSgmlReader.looksLike("<REUTERS TOPICS=\"YES\" NEWID=\"1\">"));
    assertFalse(ReutersSgmlReader.looksLike("<reuters>lower case is not the corpus</reuters>"));
  }
}
