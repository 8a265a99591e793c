package org.dateline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Charsets declared wrongly or not at all are detected from the bytes. */
class TextDecoderTest {

  private static final String ITEM =
      "<rss><channel><title>UOL Notícias</title><item>"
          + "<title>Enfermeira de Chávez alega 'perseguição' em Corte espanhola</title>"
          + "<description>A ex-enfermeira de Hugo Chávez, que fugiu para a Espanha, diz sofrer"
          + " perseguição política e pede proteção à Justiça espanhola.</description>"
          + "<pubDate>Seg, 24 Set 2018 19:25:00 -0300</pubDate></item></channel></rss>";

  @Test
  void undeclaredLatin1FeedIsNotReadAsBrokenUtf8(@TempDir Path dir) throws Exception {
    Path feed = Files.write(dir.resolve("uol.rss"), ITEM.getBytes(StandardCharsets.ISO_8859_1));
    List<SourceDoc> docs = new FileParser(1L << 30, 5_000_000, 50_000_000).parse(feed);
    assertEquals(
        "Enfermeira de Chávez alega 'perseguição' em Corte espanhola", docs.get(0).title());
  }

  @Test
  void declarationsAreTrustedOnlyWhenTheBytesFit() {
    byte[] latin =
        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + ITEM).getBytes(StandardCharsets.ISO_8859_1);
    assertEquals(
        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + ITEM), TextDecoder.decodeXml(latin));
    byte[] gb =
        "<?xml version=\"1.0\" encoding=\"gb2312\"?><t>新闻国内</t>"
            .getBytes(Charset.forName("GB2312"));
    assertEquals(
        "<?xml version=\"1.0\" encoding=\"gb2312\"?><t>新闻国内</t>", TextDecoder.decodeXml(gb));
    byte[] bom = "\uFEFFplain".getBytes(StandardCharsets.UTF_8);
    assertEquals("plain", TextDecoder.decode(bom, StandardCharsets.ISO_8859_1));
  }
}
