package org.dateline.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Element;

/**
 * Small helpers over jsoup's XML tree that match element names case-insensitively, with or without
 * a namespace prefix ({@code "headline"} matches {@code <headline>} and {@code <g2:headline>}), as
 * wire and feed formats are written with every prefix convention.
 */
final class Xml {

  private Xml() {}

  static boolean named(Element el, String name) {
    String tag = el.tagName().toLowerCase(Locale.ROOT);
    String want = name.toLowerCase(Locale.ROOT);
    if (tag.equals(want)) {
      return true;
    }
    return !want.contains(":") && tag.endsWith(":" + want);
  }

  static Element first(Element root, String name) {
    for (Element el : root.getAllElements()) {
      if (named(el, name)) {
        return el;
      }
    }
    return null;
  }

  /** Every element under root with one of the names, in document order. */
  static List<Element> all(Element root, String... names) {
    List<Element> out = new ArrayList<>();
    for (Element el : root.getAllElements()) {
      for (String name : names) {
        if (named(el, name)) {
          out.add(el);
          break;
        }
      }
    }
    return out;
  }

  static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    for (Element child : parent.children()) {
      if (named(child, name)) {
        out.add(child);
      }
    }
    return out;
  }

  /** Text of the first direct child with that name, "" when there is none. */
  static String childText(Element parent, String name) {
    for (Element child : parent.children()) {
      if (named(child, name)) {
        return child.wholeText().strip();
      }
    }
    return "";
  }

  /** Text of the first descendant with that name, "" when there is none. */
  static String text(Element root, String name) {
    Element el = first(root, name);
    return el == null ? "" : el.text().strip();
  }
}
