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

  /**
   * A compressed file whose text is this many times its size is a decompression bomb: real archives
   * and office files of prose expand 2 to 10 times. Applies only beyond {@link #BOMB_MIN_CHARS}.
   */
  private static final long BOMB_RATIO = 20;

  private static final long BOMB_MIN_CHARS = 1_000_000;

  /**
   * A gzip, bzip2 or xz file may expand to this many times its size (markup compresses well) and
   * always to {@link #BOMB_MIN_UNPACKED_BYTES}; more is a decompression bomb.
   */
  private static final long BOMB_UNPACK_RATIO = 200;

  private static final long BOMB_MIN_UNPACKED_BYTES = 16L << 20;

  /** Compressed files inside compressed files, unpacked level by level up to this depth. */
  private static final int MAX_UNPACK_DEPTH = 3;

  private final TikaReader tika;
  private final PlainTextReader plainText;
  private final HtmlReader html = new HtmlReader();
  private final WebArchiveReader archives = new WebArchiveReader(html);
  private final Detector detector = TikaConfig.getDefaultConfig().getDetector();
  private final long maxFileBytes;
  private final long maxFileTextChars;

  public FileParser(long maxFileBytes, int maxArticleChars, long maxFileTextChars) {
    this.maxFileBytes = maxFileBytes;
    this.maxFileTextChars = maxFileTextChars;
    this.tika = new TikaReader(maxArticleChars);
    this.plainText = new PlainTextReader(maxArticleChars);
  }

  /**
   * Which reader takes a file: one of Dateline's own, Tika's streaming plain-text reader, or Tika
   * for everything else (the formats whose parsers are big, build large structures in memory, or
   * unpack containers).
   */
  public enum Route {
    REUTERS_SGML,
    FEED,
    NEWSML,
    WARC,
    ARC,
    HTML,
    PLAIN_TEXT,
    TIKA
  }

  /**
   * The articles in {@code file}, never empty: a file without text is an EMPTY failure. A gzip,
   * bzip2, xz or compress file gives exactly what the file inside it would give.
   */
  public List<SourceDoc> parse(Path file) throws ParseException {
    long size = checkSize(file);
    return parse(file, route(file), size, 0);
  }

  /** {@link #parse(Path)} when the caller has already asked {@link #route(Path)}. */
  public List<SourceDoc> parse(Path file, Route route) throws ParseException {
    return parse(file, route, checkSize(file), 0);
  }

  private List<SourceDoc> parse(Path file, Route route, long size, int depth)
      throws ParseException {
    String head = head(file, 8);
    Compressed.Format packed = Compressed.format(head);
    boolean readsGzip = route == Route.WARC || route == Route.ARC; // jwarc unpacks per record
    if (packed != null && !(readsGzip && packed == Compressed.Format.GZIP)) {
      return parseInside(file, packed, size, depth);
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    List<SourceDoc> docs =
        switch (route) {
          case REUTERS_SGML -> ReutersSgmlReader.read(readLatin1(file));
          case FEED -> orTika(FeedReader.read(parseXml(file)), file, head);
          case NEWSML -> orTika(NewsMlReader.read(parseXml(file)), file, head);
          case WARC -> archives.readWarc(file);
          case ARC -> archives.readArc(file);
          case HTML -> List.of(readHtml(file));
          case PLAIN_TEXT -> plainText.read(file);
          // deeper than that, Tika's own recursion (and its bounds) reads what is left
          case TIKA ->
              depth < MAX_UNPACK_DEPTH && isPlainZip(file, head)
                  ? zipMembers(file, size, depth)
                  : viaTika(file, head);
        };
    boolean anyText = docs.stream().anyMatch(d -> !d.text().isBlank() || !d.title().isBlank());
    if (!anyText || isImageOnlyPdf(docs)) {
      throw noText(name, docs);
    }
    long chars = docs.stream().mapToLong(d -> d.text().length()).sum();
    if (route == Route.TIKA && chars > BOMB_MIN_CHARS && chars > BOMB_RATIO * size) {
      throw new ParseException(
          FailureKind.TOO_LARGE,
          "a zip bomb: "
              + size
              + " bytes expand to "
              + chars
              + " characters of text (cut there), over "
              + BOMB_RATIO
              + " times the file's"
              + " size");
    }
    if (chars > maxFileTextChars) {
      throw new ParseException(
          FailureKind.TOO_LARGE,
          "the file holds more than "
              + maxFileTextChars
              + " characters of text (the per-file text limit)");
    }
    // A container's empty member (a Reuters story with no text) is still an article: keep it.
    return docs;
  }

  /**
   * Unpacks a compressed file into a private temporary folder under its inner name and parses that,
   * so the file inside takes the route and the readers it would take on its own.
   */
  private List<SourceDoc> parseInside(Path file, Compressed.Format packed, long size, int depth)
      throws ParseException {
    if (depth >= MAX_UNPACK_DEPTH) {
      throw new ParseException(
          FailureKind.TOO_LARGE, "compressed files nested more than " + MAX_UNPACK_DEPTH + " deep");
    }
    long maxBytes = unpackLimit(size);
    Path dir = null;
    try {
      dir = Files.createTempDirectory("dateline-unpack");
      Path inner = Compressed.unpack(file, packed, dir, maxBytes);
      return parse(inner, route(inner), checkSize(inner), depth + 1);
    } catch (IOException e) {
      throw new ParseException(
          FailureKind.UNREADABLE, "cannot unpack into a temporary folder: " + e.getMessage(), e);
    } finally {
      deleteQuietly(dir);
    }
  }

  /** A zip archive that is only that (not a Word, OpenDocument or EPUB file, also zips). */
  private boolean isPlainZip(Path file, String head) throws ParseException {
    return ZipMembers.isZip(head) && detect(file).equals("application/zip");
  }

  /** Each member of a zip read as the file it is, one level deeper (as a compressed file's). */
  private List<SourceDoc> zipMembers(Path file, long size, int depth) throws ParseException {
    long maxBytes = unpackLimit(size);
    return ZipMembers.read(
        file, maxBytes, member -> parse(member, route(member), checkSize(member), depth + 1));
  }

  /** How many bytes a compressed file or archive of {@code size} bytes may expand to. */
  private long unpackLimit(long size) {
    return Math.min(maxFileBytes, Math.max(BOMB_MIN_UNPACKED_BYTES, BOMB_UNPACK_RATIO * size));
  }

  static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (var files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // a temporary file left behind is harmless; the system's temp cleaner removes it
    }
  }

  /** Which reader {@link #parse} would send {@code file} to (reads its first bytes). */
  public Route route(Path file) throws ParseException {
    return route(
        file, file.getFileName().toString().toLowerCase(Locale.ROOT), head(file, HEAD_BYTES));
  }

  private Route route(Path file, String name, String head) throws ParseException {
    Route known = FileSniffer.routeByHead(name, head);
    if (known != null) {
      return known;
    }
    Compressed.Format packed = Compressed.format(head);
    if (packed != null) {
      return routeInside(file, name, packed);
    }
    return FileSniffer.byType(detect(file));
  }

  /**
   * The route of the file inside a compressed file, told from its unpacked first bytes and its
   * inner name; a compressed file inside goes to Tika's route (the strictest isolation), and {@link
   * #parse} unpacks it level by level.
   */
  private Route routeInside(Path file, String name, Compressed.Format packed)
      throws ParseException {
    String innerName = Compressed.innerName(name);
    String head =
        new String(Compressed.head(file, packed, HEAD_BYTES), StandardCharsets.ISO_8859_1);
    Route known = FileSniffer.routeByHead(innerName, head);
    if (known != null) {
      return known;
    }
    if (Compressed.format(head) != null) {
      return Route.TIKA;
    }
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, innerName);
    try (TikaInputStream in = TikaInputStream.get(Compressed.open(file, packed))) {
      return FileSniffer.byType(detector.detect(in, metadata).getBaseType().toString());
    } catch (IOException e) {
      throw new ParseException(
          FailureKind.CORRUPT, "a damaged compressed stream: " + e.getMessage(), e);
    }
  }

  private static ParseException noText(String name, List<SourceDoc> docs) {
    if (docs.isEmpty()) {
      return new ParseException(FailureKind.EMPTY, "no article found in the file");
    }
    if (name.endsWith(".pdf") || isImageOnlyPdf(docs)) {
      return new ParseException(
          FailureKind.IMAGE_ONLY,
          "the PDF holds no text layer (a scan or"
              + " image-only PDF needs OCR, which Dateline does not run)");
    }
    String type = docs.get(0).contentType();
    if (docs.size() == 1 && ContentTypes.label("application/octet-stream").equals(type)) {
      return new ParseException(
          FailureKind.UNSUPPORTED, "binary data in no format Dateline can read");
    }
    return new ParseException(FailureKind.EMPTY, "the file holds no text");
  }

  /**
   * A PDF without a text layer: no text at all, or only its title (Tika writes the document title
   * into the text, so a scan titled "Presentation1" reads as that one word).
   */
  private static boolean isImageOnlyPdf(List<SourceDoc> docs) {
    if (docs.size() != 1 || !"pdf".equals(docs.get(0).contentType())) {
      return false;
    }
    String text = docs.get(0).text().strip();
    return text.isEmpty() || text.equals(docs.get(0).title());
  }

  /** The file's size in bytes, once it is known to be neither empty nor over the limit. */
  private long checkSize(Path file) throws ParseException {
    long size = sizeOf(file);
    if (size == 0) {
      throw new ParseException(FailureKind.EMPTY, "the file is empty (0 bytes)");
    }
    if (size > maxFileBytes) {
      throw new ParseException(
          FailureKind.TOO_LARGE, "the file has " + size + " bytes; the limit is " + maxFileBytes);
    }
    return size;
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

  private static String head(Path file, int bytes) throws ParseException {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readNBytes(bytes), StandardCharsets.ISO_8859_1);
    } catch (AccessDeniedException e) {
      throw new ParseException(FailureKind.UNREADABLE, "permission denied", e);
    } catch (IOException e) {
      throw new ParseException(FailureKind.UNREADABLE, "cannot read: " + e.getMessage(), e);
    }
  }

  private static String readLatin1(Path file) throws ParseException {
    try {
      return Files.readString(file, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new ParseException(FailureKind.UNREADABLE, "cannot read: " + e.getMessage(), e);
    }
  }

  private static Document parseXml(Path file) throws ParseException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ParseException(FailureKind.UNREADABLE, "cannot read: " + e.getMessage(), e);
    }
    // BOM, then the XML declaration (UTF-8, ISO-8859-1, GB2312 ...), but only when the bytes are
    // valid in it: an undeclared Latin-1 feed is detected, not read as broken UTF-8.
    return Jsoup.parse(TextDecoder.decodeXml(bytes), "", Parser.xmlParser());
  }

  /** XML that only looked like a feed or wire item (no items found) still gets Tika's reading. */
  private List<SourceDoc> orTika(List<SourceDoc> docs, Path file, String head)
      throws ParseException {
    return docs.isEmpty() ? viaTika(file, head) : docs;
  }

  private String detect(Path file) throws ParseException {
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
    try (TikaInputStream in = TikaInputStream.get(file, metadata)) {
      return detector.detect(in, metadata).getBaseType().toString();
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

  /** Tika's reading of {@code file}, whose first bytes {@link #parse} has read as {@code head}. */
  private List<SourceDoc> viaTika(Path file, String head) throws ParseException {
    Metadata metadata = new Metadata();
    String name = file.getFileName().toString();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
    if (FileSniffer.isMbox(name.toLowerCase(Locale.ROOT), head)) {
      metadata.set(TikaCoreProperties.CONTENT_TYPE_USER_OVERRIDE, "application/mbox");
    }
    try (TikaInputStream in = TikaInputStream.get(file, metadata)) {
      return tika.read(in, metadata);
    } catch (IOException e) {
      throw new ParseException(FailureKind.UNREADABLE, "cannot read: " + e.getMessage(), e);
    }
  }
}
