package org.dateline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcPayload;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * One article per HTML response record of a WARC file (plain or gzipped), each reduced to its
 * article like a saved page. The crawl date is not a publication date, so it is not used as one;
 * the record's target URI is the article's URL. Thread-safe.
 */
public final class WarcArchiveReader {

  private final HtmlReader html;

  public WarcArchiveReader(HtmlReader html) {
    this.html = html;
  }

  /** True for a WARC file by its name or its first bytes. */
  public static boolean looksLike(String lowerCaseName, String head) {
    return lowerCaseName.endsWith(".warc") || lowerCaseName.endsWith(".warc.gz")
        || head.startsWith("WARC/");
  }

  public List<SourceDoc> read(Path file) throws ParseException {
    List<SourceDoc> docs = new ArrayList<>();
    try (WarcReader reader = new WarcReader(file)) {
      reader.setLenient(true);
      for (WarcRecord record : reader) {
        if (record instanceof WarcResponse response) {
          addPage(response, docs);
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

  private void addPage(WarcResponse response, List<SourceDoc> docs) throws IOException {
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
      SourceDoc doc = html.read(body, response.target(), response.id().toString());
      if (!doc.text().isBlank()) {
        docs.add(doc);
      }
    } catch (ParseException e) {
      // one undecodable record does not spoil the archive
    }
  }
}
