package org.dateline.ingest;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * One article per HTML record of an ARC file (the Internet Archive's format before WARC), plain or
 * gzipped. A record is a header line "URL IP DATE TYPE LENGTH" and LENGTH bytes: an HTTP response
 * whose body goes through the article extractor. Thread-safe.
 */
public final class ArcReader {

  private static final int MAX_HEADER_LINE = 8192;

  private final HtmlReader html;

  public ArcReader(HtmlReader html) {
    this.html = html;
  }

  /** True for an ARC file by its name or its first bytes. */
  public static boolean looksLike(String lowerCaseName, String head) {
    return lowerCaseName.endsWith(".arc") || lowerCaseName.endsWith(".arc.gz")
        || head.startsWith("filedesc://");
  }

  public List<SourceDoc> read(Path file) throws ParseException {
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
          addPage(f[0], record, docs);
        }
      }
    } catch (IOException | RuntimeException e) {
      if (docs.isEmpty()) {
        throw new ParseException(FailureKind.CORRUPT, "unreadable ARC: " + e.getMessage(), e);
      }
    }
    return docs;
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

  private void addPage(String url, byte[] record, List<SourceDoc> docs) {
    int body = indexOfBlankLine(record);
    byte[] page = body < 0 ? record : java.util.Arrays.copyOfRange(record, body, record.length);
    try {
      SourceDoc doc = html.read(new ByteArrayInputStream(page), url, url);
      if (!doc.text().isBlank()) {
        docs.add(doc);
      }
    } catch (ParseException e) {
      // one undecodable record does not spoil the archive
    }
  }

  /** Start of the HTTP body: just after the first empty line. */
  private static int indexOfBlankLine(byte[] b) {
    for (int i = 0; i + 1 < b.length; i++) {
      if (b[i] == '\n' && b[i + 1] == '\n') {
        return i + 2;
      }
      if (i + 3 < b.length && b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
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
