package org.dateline.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads the wire industry's XML: IPTC NewsML-G2 (one article per {@code newsItem}, several per
 * {@code newsMessage}) and NITF. The provider is credited as agency and outlet; the item's own
 * creation fields are its publication date. Stateless and thread-safe.
 */
public final class NewsMlReader {

  private NewsMlReader() {}

  /** True when the start of an XML document looks like NewsML-G2 or NITF. */
  public static boolean looksLike(String head) {
    String h = head.toLowerCase(Locale.ROOT);
    return h.contains("<newsmessage")
        || h.contains("<newsitem")
        || h.contains("<nitf")
        || h.contains("iptc.org/std/nar");
  }

  public static List<SourceDoc> read(Document xml) {
    List<SourceDoc> docs = new ArrayList<>();
    for (Element item : Xml.all(xml, "newsItem")) {
      docs.add(newsItem(item));
    }
    for (Element nitf : Xml.all(xml, "nitf")) {
      // an NITF body a newsItem carries in its inlineXML is that item's text, read above: not a
      // second, undated article
      if (nitf.parents().stream().noneMatch(p -> Xml.named(p, "newsItem"))) {
        docs.add(nitf(nitf));
      }
    }
    return docs;
  }

  private static SourceDoc newsItem(Element item) {
    List<MetaValue> dates = new ArrayList<>();
    for (String field : List.of("contentCreated", "firstCreated", "versionCreated")) {
      String value = Xml.text(item, field);
      if (!value.isEmpty()) {
        dates.add(new MetaValue(value, "newsml"));
      }
    }
    Element provider = Xml.first(item, "provider");
    String agency = provider == null ? "" : qcodeValue(provider.attr("qcode"));
    if (agency.isEmpty() && provider != null) {
      agency = provider.text().strip();
    }
    Element body = Xml.first(item, "inlineXML");
    if (body == null) {
      body = Xml.first(item, "inlineData");
    }
    List<String> authors = new ArrayList<>();
    for (Element by : Xml.all(item, "by")) {
      String value = by.text().strip();
      if (!value.isEmpty() && !authors.contains(value)) {
        authors.add(value);
      }
    }
    String lang = item.attr("xml:lang");
    List<String> agencies = agency.isEmpty() ? List.of() : List.of(agency);
    List<MetaValue> outlets =
        agency.isEmpty() ? List.of() : List.of(new MetaValue(agency, "newsml"));
    return new SourceDoc(
        item.attr("guid"),
        Xml.text(item, "headline"),
        body == null ? "" : HtmlText.of(body),
        ContentTypes.NEWSML,
        null,
        lang.isEmpty() ? null : lang,
        dates,
        outlets,
        authors,
        agencies);
  }

  private static SourceDoc nitf(Element nitf) {
    List<MetaValue> dates = new ArrayList<>();
    Element issue = Xml.first(nitf, "date.issue");
    if (issue != null && !issue.attr("norm").isEmpty()) {
      dates.add(new MetaValue(issue.attr("norm"), "nitf"));
    }
    Element docId = Xml.first(nitf, "doc-id");
    String key = docId == null ? "" : docId.attr("id-string");
    String title = Xml.text(nitf, "hl1");
    if (title.isEmpty()) {
      title = Xml.text(nitf, "title");
    }
    String distributor = Xml.text(nitf, "distributor");
    String byline = Xml.text(nitf, "byline").replaceFirst("(?i)^by\\s+", "");
    Element content = Xml.first(nitf, "body.content");
    return new SourceDoc(
        key,
        title,
        content == null ? "" : HtmlText.of(content),
        ContentTypes.NITF,
        null,
        nitf.attr("xml:lang").isEmpty() ? null : nitf.attr("xml:lang"),
        dates,
        distributor.isEmpty() ? List.of() : List.of(new MetaValue(distributor, "nitf")),
        byline.isEmpty() ? List.of() : List.of(byline),
        distributor.isEmpty() ? List.of() : List.of(distributor));
  }

  /** "nprov:dpa" → "dpa". */
  private static String qcodeValue(String qcode) {
    int colon = qcode.indexOf(':');
    return colon < 0 ? qcode.strip() : qcode.substring(colon + 1).strip();
  }
}
