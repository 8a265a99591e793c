package org.dateline.ingest;

import java.util.Locale;
import java.util.Map;

/** Short, journalist-readable names for content types, used as the {@code type} facet. */
public final class ContentTypes {

  public static final String TEXT = "text";
  public static final String HTML = "html";
  public static final String FEED = "feed";
  public static final String NEWSML = "newsml";
  public static final String NITF = "nitf";
  public static final String REUTERS_SGML = "reuters-sgml";
  public static final String EMAIL = "email";
  public static final String WEB_ARCHIVE = "web-archive";

  private static final Map<String, String> BY_MIME =
      Map.ofEntries(
          Map.entry("text/plain", TEXT),
          Map.entry("text/html", HTML),
          Map.entry("application/xhtml+xml", HTML),
          Map.entry("multipart/related", HTML),
          Map.entry("application/x-mimearchive", HTML),
          Map.entry("application/pdf", "pdf"),
          Map.entry("application/msword", "word"),
          Map.entry(
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "word"),
          Map.entry("application/vnd.oasis.opendocument.text", "odt"),
          Map.entry("application/rtf", "rtf"),
          Map.entry("application/epub+zip", "epub"),
          Map.entry("message/rfc822", EMAIL),
          Map.entry("application/vnd.ms-outlook", EMAIL),
          Map.entry("application/mbox", EMAIL),
          Map.entry("application/rss+xml", FEED),
          Map.entry("application/atom+xml", FEED),
          Map.entry("application/warc", WEB_ARCHIVE),
          Map.entry("application/x-internet-archive", WEB_ARCHIVE),
          // a raw MIME type in the type facet read as an error to a newsroom
          // ("application/vnd.openxmlformats-officedocument.presentationml.presentation")
          Map.entry("application/vnd.ms-powerpoint", "slides"),
          Map.entry(
              "application/vnd.openxmlformats-officedocument.presentationml.presentation",
              "slides"),
          Map.entry("application/vnd.oasis.opendocument.presentation", "slides"),
          Map.entry("application/vnd.ms-excel", "spreadsheet"),
          Map.entry(
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "spreadsheet"),
          Map.entry("application/vnd.oasis.opendocument.spreadsheet", "spreadsheet"),
          Map.entry("application/xml", "xml"),
          Map.entry("text/xml", "xml"),
          Map.entry("application/json", "json"));

  private ContentTypes() {}

  /** The facet label for a MIME type: known types get a short name, others their MIME base type. */
  public static String label(String mime) {
    if (mime == null || mime.isBlank()) {
      return "unknown";
    }
    String base = mime.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return BY_MIME.getOrDefault(base, base);
  }
}
