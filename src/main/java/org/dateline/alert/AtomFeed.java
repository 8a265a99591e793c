package org.dateline.alert;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An alert as an Atom feed (RFC 4287): one entry per story, the story's first copy, its {@code
 * updated} moved and its summary rewritten ("+N outlets") as later copies arrive, so a feed reader
 * shows a story once. Entry ids are stable ({@code urn:dateline:alert:ID:story:STORY}). An alert in
 * digest mode has one entry per digest instead ({@code urn:dateline:alert:ID:digest:SEQ}), its
 * summary listing the period's stories.
 */
public final class AtomFeed {

  private static final String ATOM = "http://www.w3.org/2005/Atom";

  private AtomFeed() {}

  /** The feed of {@code alert}, whose stories are {@code stories} (the latest first). */
  public static byte[] of(AlertStatus alert, List<AlertEvent> stories) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      XMLStreamWriter w =
          XMLOutputFactory.newFactory().createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
      w.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
      w.writeStartElement("feed");
      w.writeDefaultNamespace(ATOM);
      text(w, "id", "urn:dateline:alert:" + alert.id());
      text(w, "title", "Dateline alert: " + alert.name());
      Instant updated = stories.isEmpty() ? alert.created() : stories.get(0).time();
      text(w, "updated", updated.toString());
      w.writeStartElement("author");
      text(w, "name", "Dateline");
      w.writeEndElement();
      link(w, "self", "/api/alerts/" + alert.id() + "/feed");
      for (AlertEvent e : stories) {
        entry(w, alert.id(), e);
      }
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write an Atom feed: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  private static void entry(XMLStreamWriter w, String alert, AlertEvent e)
      throws XMLStreamException {
    if (e.isDigest()) {
      digestEntry(w, alert, e);
      return;
    }
    w.writeStartElement("entry");
    text(w, "id", "urn:dateline:alert:" + alert + ":story:" + e.story());
    text(w, "title", e.title() == null || e.title().isBlank() ? "(untitled)" : e.title());
    text(w, "updated", e.time().toString());
    link(
        w,
        "alternate",
        "/api/documents/" + URLEncoder.encode(e.firstArticle(), StandardCharsets.UTF_8));
    text(w, "summary", summary(e));
    w.writeEndElement();
  }

  private static void digestEntry(XMLStreamWriter w, String alert, AlertEvent e)
      throws XMLStreamException {
    w.writeStartElement("entry");
    text(w, "id", "urn:dateline:alert:" + alert + ":digest:" + e.seq());
    text(w, "title", e.title() + " from " + e.periodStart() + " to " + e.time());
    text(w, "updated", e.time().toString());
    link(w, "self", "/api/alerts/" + alert + "/events?last_event_id=" + (e.seq() - 1));
    text(w, "summary", digestSummary(e));
    w.writeEndElement();
  }

  /** One line per story: "title (Reuters, +4 outlets (5 copies); published ...)". */
  static String digestSummary(AlertEvent digest) {
    StringBuilder out = new StringBuilder();
    for (AlertEvent story : digest.stories()) {
      if (!out.isEmpty()) {
        out.append('\n');
      }
      String title =
          story.title() == null || story.title().isBlank() ? "(untitled)" : story.title();
      out.append(title).append(" (").append(summary(story)).append(')');
    }
    return out.toString();
  }

  /** "Reuters, +4 outlets (5 copies)", or the first outlet alone for one copy. */
  static String summary(AlertEvent e) {
    String first = e.outlets().isEmpty() ? "unknown outlet" : e.outlets().get(0);
    String more = e.more().isEmpty() ? "" : ", " + e.more();
    String copies = e.copies() > 1 ? " (" + e.copies() + " copies)" : "";
    return first + more + copies + (e.date() == null ? "" : "; published " + e.date());
  }

  private static void link(XMLStreamWriter w, String rel, String href) throws XMLStreamException {
    w.writeEmptyElement("link");
    w.writeAttribute("rel", rel);
    w.writeAttribute("href", href);
  }

  private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
    w.writeStartElement(name);
    w.writeCharacters(xmlSafe(value));
    w.writeEndElement();
  }

  /**
   * {@code value} with every character XML 1.0 cannot hold as U+FFFD: control characters, lone
   * surrogates, U+FFFE and U+FFFF. A title comes from whatever file was indexed, and the writer
   * passes such characters through, which makes the whole feed ill-formed for every reader.
   */
  static String xmlSafe(String value) {
    int bad = firstUnwritable(value);
    if (bad < 0) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length()).append(value, 0, bad);
    for (int i = bad; i < value.length(); ) {
      int c = value.codePointAt(i);
      out.appendCodePoint(isXmlChar(c) ? c : 0xFFFD);
      i += Character.charCount(c);
    }
    return out.toString();
  }

  /**
   * Where the first character of {@code text} that a feed (XML 1.0) cannot hold stands, or -1: a
   * control character but tab and line breaks, half of a surrogate pair, U+FFFE or U+FFFF.
   */
  public static int firstUnwritable(String text) {
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (!isXmlChar(c)) {
        return i;
      }
      i += Character.charCount(c);
    }
    return -1;
  }

  private static boolean isXmlChar(int c) {
    return c == 0x9
        || c == 0xA
        || c == 0xD
        || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD)
        || c >= 0x10000;
  }
}
