package org.dateline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * The small files the reader tests read, kept in {@code src/test/resources/readers/} (not in {@code
 * fixtures/}, which the browser tests index whole and count).
 */
final class ReaderFixtures {

  private ReaderFixtures() {}

  /** The fixture file on disk. */
  static Path path(String name) {
    URL url = ReaderFixtures.class.getResource("/readers/" + name);
    if (url == null) {
      throw new IllegalArgumentException("no fixture readers/" + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An XML fixture parsed the way {@code FileParser} parses feeds and wire files. */
  static Document xml(String resource) {
    try (InputStream in = ReaderFixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + resource);
      }
      return Jsoup.parse(in, null, "", Parser.xmlParser());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The one article of a single-article source. */
  static SourceDoc only(List<SourceDoc> docs) {
    if (docs.size() != 1) {
      throw new AssertionError("expected one article, got " + docs.size() + ": " + docs);
    }
    return docs.get(0);
  }

  static MetaValue meta(String value, String source) {
    return new MetaValue(value, source);
  }
}
