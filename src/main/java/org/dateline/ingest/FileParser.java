package org.dateline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * Turns one file into its articles: sniffs the format from the first bytes and the name, sends
 * Reuters SGML, feeds and wire XML to their own readers and everything else through Tika, and maps
 * every way of failing onto a {@link FailureKind}. Thread-safe.
 */
public final class FileParser {

  private static final int HEAD_BYTES = 8192;

  private final TikaReader tika;
  private final HtmlReader html = new HtmlReader();
  private final WebArchiveReader archives = new WebArchiveReader(html);
  private final Detector detector = TikaConfig.getDefaultConfig().getDetector();
  private final long maxFileBytes;

  public FileParser(long maxFileBytes, int maxTextChars) {
    this.maxFileBytes = maxFileBytes;
    this.tika = new TikaReader(maxTextChars);
  }

  /** The articles in {@code file}, never empty: a file without text is an EMPTY failure. */
  public List<SourceDoc> parse(Path file) throws ParseException {
    long size = sizeOf(file);
    if (size == 0) {
      throw new ParseException(FailureKind.EMPTY, "the file is empty (0 bytes)");
    }
    if (size > maxFileBytes) {
      throw new ParseException(FailureKind.TOO_LARGE,
          "the file has " + size + " bytes; the limit is " + maxFileBytes);
    }
    String head = head(file);
    List<SourceDoc> docs;
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".sgm") || ReutersSgmlReader.looksLike(head)) {
      docs = ReutersSgmlReader.read(readLatin1(file));
    } else if (isXml(head) && FeedReader.looksLike(head)) {
      docs = orTika(FeedReader.read(parseXml(file)), file);
    } else if (isXml(head) && NewsMlReader.looksLike(head)) {
      docs = orTika(NewsMlReader.read(parseXml(file)), file);
    } else if (WebArchiveReader.isWarc(name, head)) {
      docs = archives.readWarc(file);
    } else if (WebArchiveReader.isArc(name, head)) {
      docs = archives.readArc(file);
    } else if (isHtml(file)) {
      docs = List.of(readHtml(file));
    } else {
      docs = viaTika(file);
    }
    boolean anyText = docs.stream().anyMatch(d -> !d.text().isBlank() || !d.title().isBlank());
    if (!anyText) {
      throw new ParseException(FailureKind.EMPTY,
          docs.isEmpty() ? "no article found in the file"
              : name.endsWith(".pdf") ? "the PDF holds no text (a scan or image-only PDF needs"
                  + " OCR, which Dateline does not run)"
              : "the file holds no text");
    }
    // A container's empty member (a Reuters story with no text) is still an article: keep it.
    return docs;
  }

  private static long sizeOf(Path file) throws ParseException {
    try {
      return Files.size(file);
    } catch (NoSuchFileException e) {
      throw new ParseException(FailureKind.UNREADABLE, "the file no longer exists", e);
    } catch (IOException e) {
      throw new ParseException(FailureKind.UNREADABLE, "cannot read: " + e.getMessage(), e);
    }
  }

  private static String head(Path file) throws ParseException {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readNBytes(HEAD_BYTES), StandardCharsets.ISO_8859_1);
    } catch (AccessDeniedException e) {
      throw new ParseException(FailureKind.UNREADABLE, "permission denied", e);
    } catch (IOException e) {
      throw new ParseException(FailureKind.UNREADABLE, "cannot read: " + e.getMessage(), e);
    }
  }

  private static boolean isXml(String head) {
    String h = head.stripLeading();
    if (h.startsWith("\u00EF\u00BB\u00BF")) {
      h = h.substring(3).stripLeading();
    }
    return h.startsWith("<?xml") || h.startsWith("<rss") || h.startsWith("<feed")
        || h.startsWith("<rdf") || h.startsWith("<newsMessage") || h.startsWith("<newsItem")
        || h.startsWith("<nitf") || h.startsWith("<!--");
  }

  private static String readLatin1(Path file) throws ParseException {
    try {
      return Files.readString(file, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new ParseException(FailureKind.UNREADABLE, "cannot read: " + e.getMessage(), e);
    }
  }

  private static Document parseXml(Path file) throws ParseException {
    try (InputStream in = Files.newInputStream(file)) {
      // jsoup reads the charset from a BOM or the XML declaration (UTF-8, ISO-8859-1, GB2312 ...).
      return Jsoup.parse(in, null, "", Parser.xmlParser());
    } catch (IOException e) {
      throw new ParseException(FailureKind.CORRUPT, "unreadable XML: " + e.getMessage(), e);
    }
  }

  /** XML that only looked like a feed or wire item (no items found) still gets Tika's reading. */
  private List<SourceDoc> orTika(List<SourceDoc> docs, Path file) throws ParseException {
    return docs.isEmpty() ? viaTika(file) : docs;
  }

  private boolean isHtml(Path file) throws ParseException {
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
    try (TikaInputStream in = TikaInputStream.get(file, metadata)) {
      String type = detector.detect(in, metadata).getBaseType().toString();
      return type.equals("text/html") || type.equals("application/xhtml+xml");
    } catch (IOException e) {
      throw new ParseException(FailureKind.UNREADABLE, "cannot read: " + e.getMessage(), e);
    }
  }

  private SourceDoc readHtml(Path file) throws ParseException {
    try (InputStream in = Files.newInputStream(file)) {
      return html.read(in, null, "");
    } catch (IOException e) {
      throw new ParseException(FailureKind.UNREADABLE, "cannot read: " + e.getMessage(), e);
    }
  }

  private List<SourceDoc> viaTika(Path file) throws ParseException {
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
    try (TikaInputStream in = TikaInputStream.get(file, metadata)) {
      return tika.read(in, metadata);
    } catch (IOException e) {
      throw new ParseException(FailureKind.UNREADABLE, "cannot read: " + e.getMessage(), e);
    }
  }
}
