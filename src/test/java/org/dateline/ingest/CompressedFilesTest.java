package org.dateline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A compressed file is read exactly as the file inside it: same route, text and metadata. */
class CompressedFilesTest {

  private static final String PAGE =
      """
      <!doctype html><html lang="en"><head><meta charset="utf-8">
      <title>Bridge reopens after repairs | The Harbour Post</title>
      <link rel="canonical" href="https://harbourpost.example/news/bridge-reopens">
      <meta property="og:site_name" content="The Harbour Post">
      <meta property="article:published_time" content="2019-03-05T08:15:00+01:00">
      </head><body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
      <article><h1>Bridge reopens after repairs</h1>
      <p>The old harbour bridge reopened to traffic on Tuesday morning after eight months of
      repairs to its steel deck, the city council said in a statement.</p>
      <p>Engineers replaced more than four hundred rivets and repainted the whole span, which
      carries about twelve thousand vehicles a day between the two halves of the town.</p>
      <p>Shopkeepers on the quay said trade had fallen by a third while the bridge was shut and
      welcomed the end of the long detours.</p></article>
      <footer>Copyright The Harbour Post. All rights reserved.</footer></body></html>
      """;

  private final FileParser parser = new FileParser(1L << 30, 5_000_000, 50_000_000);

  @TempDir Path dir;

  @Test
  void gzipBzip2XzAndZstdPagesReadAsThePageItself() throws Exception {
    byte[] html = PAGE.getBytes(StandardCharsets.UTF_8);
    Path plain = Files.write(dir.resolve("bridge.html"), html);
    List<SourceDoc> expected = parser.parse(plain);
    assertEquals("https://harbourpost.example/news/bridge-reopens", expected.get(0).url());
    for (Path packed :
        List.of(
            Files.write(dir.resolve("a.html.gz"), gzip(html)),
            Files.write(
                dir.resolve("b.html.bz2"), compress(html, BZip2CompressorOutputStream::new)),
            Files.write(dir.resolve("c.html.xz"), compress(html, XZCompressorOutputStream::new)),
            Files.write(dir.resolve("f.html.zst"), compress(html, ZstdCompressorOutputStream::new)),
            // no telling extension: the inner format is sniffed from the unpacked bytes
            Files.write(dir.resolve("d.gz"), gzip(html)),
            Files.write(dir.resolve("e.html.gz.gz"), gzip(gzip(html))))) {
      // twice compressed goes to Tika's (isolated) route; parse unpacks it level by level
      FileParser.Route route =
          packed.toString().endsWith(".gz.gz") ? FileParser.Route.TIKA : FileParser.Route.HTML;
      assertEquals(route, parser.route(packed), packed.toString());
      assertEquals(expected, parser.parse(packed), packed.toString());
    }
  }

  @Test
  void compressedPlainTextTakesThePlainTextRoute() throws Exception {
    byte[] text =
        "Wire copy\n\nLONDON, March 5 - Shares rose on Tuesday.\n".getBytes(StandardCharsets.UTF_8);
    Path packed = Files.write(dir.resolve("wire.txt.gz"), gzip(text));
    assertEquals(FileParser.Route.PLAIN_TEXT, parser.route(packed));
    assertEquals(parser.parse(Files.write(dir.resolve("wire.txt"), text)), parser.parse(packed));
  }

  @Test
  void damagedAndExplodingStreamsAreTypedFailures() throws Exception {
    byte[] gz = gzip(PAGE.getBytes(StandardCharsets.UTF_8));
    Path cut = Files.write(dir.resolve("cut.html.gz"), Arrays.copyOf(gz, gz.length / 2));
    assertEquals(
        FailureKind.CORRUPT, assertThrows(ParseException.class, () -> parser.parse(cut)).kind());
    byte[] zeros = new byte[40 << 20];
    Arrays.fill(zeros, (byte) 'a');
    Path bomb = Files.write(dir.resolve("bomb.txt.gz"), gzip(zeros));
    ParseException e = assertThrows(ParseException.class, () -> parser.parse(bomb));
    assertEquals(FailureKind.TOO_LARGE, e.kind());
    assertEquals(
        "the gzip file expands to more than 16777216 bytes (the limit for the file" + " inside)",
        e.getMessage());
  }

  /** The articlebench pages as stored: the address and outlet of the page itself. */
  @Test
  void storedArticlebenchPagesKeepTheirUrl() throws Exception {
    Path corpus =
        Path.of(
            System.getProperty("dateline.shared", "../shared"), "corpus", "html-news-articlebench");
    Assumptions.assumeTrue(
        Files.isRegularFile(corpus.resolve("ground-truth.json")),
        "corpus not present at " + corpus.toAbsolutePath());
    JsonNode truth = new ObjectMapper().readTree(corpus.resolve("ground-truth.json").toFile());
    String id = "042bb7b5fedab6eac7db576522b89b93904c237d344bcbe14a6a5ab7f7335856";
    SourceDoc doc = parser.parse(corpus.resolve("html").resolve(id + ".html.gz")).get(0);
    assertEquals(ContentTypes.HTML, doc.contentType());
    assertEquals(truth.path(id).path("url").asText(), doc.url());
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    return compress(bytes, GZIPOutputStream::new);
  }

  private interface Wrap {
    OutputStream around(OutputStream out) throws IOException;
  }

  private static byte[] compress(byte[] bytes, Wrap wrap) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (OutputStream out = wrap.around(buf)) {
      out.write(bytes);
    }
    return buf.toByteArray();
  }
}
