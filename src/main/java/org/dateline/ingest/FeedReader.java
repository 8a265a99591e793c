package org.dateline.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Splits an RSS 0.9x/1.0/2.0 or Atom feed into one article per item/entry. The publication the feed
 * names (PRISM's publicationName), else the feed's title, is the outlet; the item's own date fields
 * are its publication date. Stateless and thread-safe.
 */
public final class FeedReader {

  private FeedReader() {}

  /** True when the start of an XML document looks like a feed. */
  public static boolean looksLike(String head) {
    String h = head.toLowerCase(Locale.ROOT);
    return h.contains("<rss")
        || h.contains("<feed")
        || (h.contains("<rdf:rdf") && h.contains("rss"));
  }

  public static List<SourceDoc> read(Document xml) {
    List<MetaValue> outlets = new ArrayList<>();
    String language = null;
    Element channel = Xml.first(xml, "channel");
    Element feed = Xml.first(xml, "feed");
    Element head = channel != null ? channel : feed;
    if (head != null) {
      // A feed is often one section of its publication ("Science twis": This Week in Science), so
      // the publication's own name, where the feed declares it, comes before the feed's title.
      for (String field : List.of("prism:publicationName", "title")) {
        String name = Xml.childText(head, field);
        if (!name.isEmpty()) {
          outlets.add(new MetaValue(name, "feed"));
        }
      }
      language = Xml.childText(head, "language");
      if (language.isEmpty()) {
        language = head.attr("xml:lang");
      }
    }
    outlets = List.copyOf(outlets);
    List<SourceDoc> docs = new ArrayList<>();
    int n = 0;
    for (Element item : Xml.all(xml, "item", "entry")) {
      docs.add(item(item, n++, outlets, language));
    }
    return docs;
  }

  /** The item's key: its guid (Atom: id), else its link, else its place in the feed. */
  private static String key(Element item, String link, int index) {
    String guid = Xml.childText(item, "guid");
    if (guid.isEmpty()) {
      guid = Xml.childText(item, "id");
    }
    return !guid.isEmpty() ? guid : !link.isEmpty() ? link : "item-" + index;
  }

  /**
   * The XML of the one item of the feed in {@code file} whose key is {@code key} (as {@link #read}
   * keys its items), or null when no single item has it or the file no longer reads as a feed.
   */
  public static String itemXml(Path file, String key) throws IOException {
    Document xml =
        Jsoup.parse(TextDecoder.decodeXml(Files.readAllBytes(file)), "", Parser.xmlParser());
    xml.outputSettings().prettyPrint(false);
    List<Element> items = Xml.all(xml, "item", "entry");
    Element found = null;
    for (int i = 0; i < items.size(); i++) {
      if (key(items.get(i), link(items.get(i)), i).equals(key)) {
        if (found != null) {
          return null; // two items share the key: neither can be told apart
        }
        found = items.get(i);
      }
    }
    return found == null ? null : found.outerHtml();
  }

  /** The item's link: RSS's text, or Atom's alternate href. */
  private static String link(Element item) {
    String link = Xml.childText(item, "link");
    for (Element l : Xml.children(item, "link")) {
      String rel = l.attr("rel");
      if (l.hasAttr("href") && (rel.isEmpty() || rel.equals("alternate"))) {
        return l.attr("href");
      }
    }
    return link;
  }

  private static SourceDoc item(Element item, int index, List<MetaValue> outlets, String language) {
    String link = link(item);
    String key = key(item, link, index);
    String html = Xml.childText(item, "content:encoded");
    if (html.isEmpty()) {
      html = Xml.childText(item, "content");
    }
    if (html.isEmpty()) {
      html = Xml.childText(item, "description");
    }
    if (html.isEmpty()) {
      html = Xml.childText(item, "summary");
    }
    List<MetaValue> dates = new ArrayList<>();
    for (String field :
        List.of("pubDate", "dc:date", "published", "issued", "updated", "modified")) {
      String value = Xml.childText(item, field);
      if (!value.isEmpty()) {
        dates.add(new MetaValue(value, "feed"));
      }
    }
    List<String> authors = new ArrayList<>();
    for (String field : List.of("dc:creator", "author")) {
      for (Element a : Xml.children(item, field)) {
        String name = Xml.childText(a, "name");
        String value = name.isEmpty() ? a.text().strip() : name;
        if (!value.isEmpty() && !authors.contains(value)) {
          authors.add(value);
        }
      }
    }
    return new SourceDoc(
        key,
        HtmlText.fromHtml(Xml.childText(item, "title")),
        HtmlText.fromHtml(html),
        ContentTypes.FEED,
        link.isEmpty() ? null : link,
        language == null || language.isEmpty() ? null : language,
        dates,
        outlets,
        authors,
        List.of());
  }
}
