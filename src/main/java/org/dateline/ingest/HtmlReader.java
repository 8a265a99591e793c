package org.dateline.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.tika.detect.AutoDetectReader;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.txt.Icu4jEncodingDetector;
import org.dateline.ingest.html.ArticleExtractor;
import org.dateline.ingest.html.WebArticle;

/**
 * A saved web page (or a WARC record's HTML) reduced to its article: the bytes are decoded with
 * Tika's charset detection (BOM, HTTP header, meta tag, statistics), then {@link ArticleExtractor}
 * drops navigation, ads and other page furniture. Thread-safe.
 */
public final class HtmlReader {

  private final ArticleExtractor extractor = new ArticleExtractor();

  /** One article from HTML bytes; {@code url} is where the page was found, if known. */
  public SourceDoc read(InputStream in, String url, String key) throws ParseException {
    byte[] bytes;
    try {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new ParseException(FailureKind.UNREADABLE, "cannot read: " + e.getMessage(), e);
    }
    if (controlBytes(bytes)) {
      throw new ParseException(FailureKind.UNSUPPORTED, "binary data, not a web page");
    }
    String html = decode(bytes, false);
    long bad = replacements(html);
    if (bad > 0) {
      // The page's declared charset is wrong (it happens): let the byte statistics decide, and
      // keep whichever reading breaks fewer characters (a page may really hold a U+FFFD).
      String detected = decode(bytes, true);
      html = replacements(detected) < bad ? detected : html;
    }
    if (looksBinary(html)) {
      throw new ParseException(FailureKind.UNSUPPORTED, "binary data, not a web page");
    }
    WebArticle page = extractor.extract(html, url);
    String pageUrl = page.canonicalUrl() != null ? page.canonicalUrl() : url;
    return new SourceDoc(
        key,
        page.title(),
        TextNormalizer.normalize(page.body()),
        ContentTypes.HTML,
        pageUrl,
        LanguageGuesser.normalize(page.language()),
        page.dates(),
        page.outlets(),
        page.authors(),
        List.of());
  }

  private static String decode(byte[] bytes, boolean statistical) throws ParseException {
    Metadata metadata = new Metadata();
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      if (statistical) {
        Charset cs = new Icu4jEncodingDetector().detect(in, metadata);
        return new String(bytes, cs == null ? StandardCharsets.UTF_8 : cs);
      }
      try (AutoDetectReader reader = new AutoDetectReader(in, metadata)) {
        StringWriter out = new StringWriter();
        reader.transferTo(out);
        return out.toString();
      }
    } catch (IOException | TikaException e) {
      throw new ParseException(FailureKind.CORRUPT, "cannot decode the page: " + e.getMessage(), e);
    }
  }

  private static long replacements(String s) {
    return s.chars().filter(c -> c == '\uFFFD').count();
  }

  /**
   * Control bytes other than NUL and white space are rare in any text encoding (UTF-16 text has
   * NULs, multi-byte encodings use bytes above 0x3F after a lead byte), common in binary data.
   */
  static boolean controlBytes(byte[] bytes) {
    int sample = Math.min(bytes.length, 4096);
    int bad = 0;
    for (int i = 0; i < sample; i++) {
      int b = bytes[i] & 0xFF;
      if (b > 0 && b < 32 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1B) {
        bad++;
      }
    }
    return sample > 0 && bad * 20 > sample;
  }

  /** Binary noise decodes to many control and replacement characters; real HTML has almost none. */
  static boolean looksBinary(String s) {
    int sample = Math.min(s.length(), 4096);
    int bad = 0;
    for (int i = 0; i < sample; i++) {
      char c = s.charAt(i);
      if (c < 32 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
        bad++;
      }
    }
    return sample > 0 && bad * 20 > sample;
  }
}
