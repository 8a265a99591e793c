package org.dateline.ingest;

import java.util.regex.Pattern;

/**
 * What a file's name, first bytes or detected media type say about the reader that takes it:
 * Dateline's own formats are told from their first bytes, before Tika's slower detection.
 */
final class FileSniffer {

  private FileSniffer() {}

  static FileParser.Route byType(String type) {
    if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
      return FileParser.Route.HTML;
    }
    // Tab- or comma-separated text, logs, Markdown: text whose charset Dateline's own plain-text
    // reader decodes (strict UTF-8, then detection), not Tika's CSV sniffing.
    boolean plain =
        type.equals("text/plain")
            || type.startsWith("text/")
                && !type.contains("xml")
                && !type.contains("html")
                && !type.equals("text/rtf");
    return plain ? FileParser.Route.PLAIN_TEXT : FileParser.Route.TIKA;
  }

  /**
   * The route a file's name and first bytes decide alone, or null when its type must be sniffed.
   */
  static FileParser.Route routeByHead(String name, String head) {
    if (name.endsWith(".sgm") || ReutersSgmlReader.looksLike(head)) {
      return FileParser.Route.REUTERS_SGML;
    } else if (isMbox(name, head)) {
      // Tika's detection reads the first message's HTML body as the file's type
      return FileParser.Route.TIKA;
    } else if (isXml(head) && FeedReader.looksLike(head)) {
      return FileParser.Route.FEED;
    } else if (isXml(head) && NewsMlReader.looksLike(head)) {
      return FileParser.Route.NEWSML;
    } else if (WebArchiveReader.isWarc(name, head)) {
      return FileParser.Route.WARC;
    } else if (WebArchiveReader.isArc(name, head)) {
      return FileParser.Route.ARC;
    } else if (isPlainTextName(name) && looksLikePlainText(head)) {
      // Tika's magic detection and its CSV sniffing are most of the cost of a small .txt file.
      return FileParser.Route.PLAIN_TEXT;
    }
    return null;
  }

  /**
   * Whether a file is named an mbox and starts as one does, with a "From " line: an mbox whatever
   * its first message holds (Tika's magic takes one whose first body is HTML for a web page).
   */
  static boolean isMbox(String name, String head) {
    return name.endsWith(".mbox") && head.startsWith("From ");
  }

  private static boolean isPlainTextName(String name) {
    return name.endsWith(".txt") || name.endsWith(".text");
  }

  /**
   * Whether the first bytes of a file named as text really are text: no NUL or other control bytes
   * (UTF-16, binary), and nothing that another reader claims (markup, a PDF or RTF, an e-mail or
   * mbox whose headers come first). Anything in doubt goes to Tika's detection.
   */
  static boolean looksLikePlainText(String head) {
    for (int i = 0; i < head.length(); i++) {
      char c = head.charAt(i);
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B) {
        return false;
      }
    }
    String h = head.startsWith("\u00EF\u00BB\u00BF") ? head.substring(3) : head;
    h = h.stripLeading();
    return !(h.startsWith("<")
        || h.startsWith("%PDF")
        || h.startsWith("{\\rtf")
        || h.startsWith("From ")
        || MAIL_HEADER.matcher(h).lookingAt());
  }

  private static final Pattern MAIL_HEADER =
      Pattern.compile(
          "(?i)(return-path|received|from|to|subject|date|message-id|mime-version|delivered-to):[ \t]");

  static boolean isXml(String head) {
    String h = head.stripLeading();
    if (h.startsWith("\u00EF\u00BB\u00BF")) {
      h = h.substring(3).stripLeading();
    }
    return h.startsWith("<?xml")
        || h.startsWith("<rss")
        || h.startsWith("<feed")
        || h.startsWith("<rdf")
        || h.startsWith("<newsMessage")
        || h.startsWith("<newsItem")
        || h.startsWith("<nitf")
        || h.startsWith("<!--");
  }
}
