package org.dateline.ingest;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcPayload;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Web archives: one article per HTML page captured in a WARC file (plain or gzipped) or in an ARC
 * file (the Internet Archive's format before WARC), each page reduced to its article like a saved
 * page. A capture date is not a publication date, so it is not used as one; the captured URL is the
 * article's URL. A damaged archive still yields the records before the damage. Thread-safe.
 */
public final class WebArchiveReader {

  private static final int MAX_HEADER_LINE = 8192;

  private final HtmlReader html;

  public WebArchiveReader(HtmlReader html) {
    this.html = html;
  }

  /** True for a WARC file by its name or its first bytes. */
  public static boolean isWarc(String lowerCaseName, String head) {
    return lowerCaseName.endsWith(".warc")
        || lowerCaseName.endsWith(".warc.gz")
        || head.startsWith("WARC/");
  }

  /** True for an ARC file by its name or its first bytes. */
  public static boolean isArc(String lowerCaseName, String head) {
    return lowerCaseName.endsWith(".arc")
        || lowerCaseName.endsWith(".arc.gz")
        || head.startsWith("filedesc://");
  }

  /** One article per HTML response record of a WARC file. */
  public List<SourceDoc> readWarc(Path file) throws ParseException {
    List<SourceDoc> docs = new ArrayList<>();
    try (WarcReader reader = new WarcReader(file)) {
      reader.setLenient(true);
      for (WarcRecord record : reader) {
        if (record instanceof WarcResponse response) {
          addWarcPage(response, docs);
        }
      }
    } catch (IOException | RuntimeException e) {
      if (docs.isEmpty()) {
        throw new ParseException(FailureKind.CORRUPT, "unreadable WARC: " + e.getMessage(), e);
      }
      // A truncated archive still yields the records before the damage.
    }
    return docs;
  }

  private void addWarcPage(WarcResponse response, List<SourceDoc> docs) throws IOException {
    Optional<WarcPayload> payload = response.payload();
    if (payload.isEmpty()) {
      return;
    }
    MediaType type = payload.get().type();
    String base = type.base().toString().toLowerCase(Locale.ROOT);
    if (!base.equals("text/html") && !base.equals("application/xhtml+xml")) {
      return; // images, scripts, style sheets: not articles
    }
    // bodyDecoded undoes the HTTP Content-Encoding (gzip, br) that crawlers store as sent.
    try (InputStream body = Channels.newInputStream(response.http().bodyDecoded())) {
      addPage(body, response.target(), response.id().toString(), docs);
    }
  }

  /** One article per HTML record of an ARC file. */
  public List<SourceDoc> readArc(Path file) throws ParseException {
    List<SourceDoc> docs = new ArrayList<>();
    try (InputStream in = open(file)) {
      for (String header = line(in); header != null; header = line(in)) {
        if (header.isBlank()) {
          continue;
        }
        String[] f = header.strip().split(" ");
        long length = Long.parseLong(f[f.length - 1]);
        byte[] record = in.readNBytes((int) Math.min(length, Integer.MAX_VALUE));
        String type = f.length >= 5 ? f[3].toLowerCase(Locale.ROOT) : "";
        if (!f[0].startsWith("filedesc:") && type.startsWith("text/html")) {
          int body = indexOfBlankLine(record);
          byte[] page = body < 0 ? record : Arrays.copyOfRange(record, body, record.length);
          addPage(new ByteArrayInputStream(page), f[0], f[0], docs);
        }
      }
    } catch (IOException | RuntimeException e) {
      if (docs.isEmpty()) {
        throw new ParseException(FailureKind.CORRUPT, "unreadable ARC: " + e.getMessage(), e);
      }
    }
    return docs;
  }

  /** Adds the page's article, if it has text; one undecodable page does not spoil the archive. */
  private void addPage(InputStream page, String url, String key, List<SourceDoc> docs) {
    try {
      SourceDoc doc = html.read(page, url, key);
      if (!doc.text().isBlank()) {
        docs.add(doc);
      }
    } catch (ParseException e) {
      // skipped: the rest of the archive is still read
    }
  }

  private static InputStream open(Path file) throws IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(file));
    raw.mark(2);
    int b1 = raw.read();
    int b2 = raw.read();
    raw.reset();
    // GZIPInputStream reads the concatenated members an .arc.gz is made of.
    return b1 == 0x1f && b2 == 0x8b ? new BufferedInputStream(new GZIPInputStream(raw)) : raw;
  }

  /** Start of the HTTP body: just after the first empty line. */
  private static int indexOfBlankLine(byte[] b) {
    for (int i = 0; i + 1 < b.length; i++) {
      if (b[i] == '\n' && b[i + 1] == '\n') {
        return i + 2;
      }
      if (i + 3 < b.length
          && b[i] == '\r'
          && b[i + 1] == '\n'
          && b[i + 2] == '\r'
          && b[i + 3] == '\n') {
        return i + 4;
      }
    }
    return -1;
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int c = in.read();
    if (c < 0) {
      return null;
    }
    while (c >= 0 && c != '\n' && out.size() < MAX_HEADER_LINE) {
      out.write(c);
      c = in.read();
    }
    return out.toString(StandardCharsets.ISO_8859_1);
  }
}
