package org.dateline.ingest.html;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Per-element counts of visible characters and of characters inside links, computed once. */
final class TextStats {

  /** Inline tags: their text belongs to the nearest enclosing block. */
  static final Set<String> INLINE =
      Set.of(
          "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "dfn", "em", "font", "i",
          "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u",
          "var", "wbr", "br", "img", "ins", "del", "strike", "tt", "label", "nobr");

  private final Map<Element, int[]> counts = new IdentityHashMap<>();

  private TextStats() {}

  /** Counts the text under root; each text node adds to every ancestor up to root. */
  static TextStats of(Element root) {
    TextStats stats = new TextStats();
    NodeTraversor.traverse(
        (NodeVisitor)
            (node, depth) -> {
              if (node instanceof TextNode t) {
                stats.add(t, root);
              }
            },
        root);
    return stats;
  }

  private void add(TextNode t, Element root) {
    int len = Text.clean(t.getWholeText()).length();
    if (len == 0) {
      return;
    }
    boolean inLink = false;
    for (Node n = t.parent(); n instanceof Element e; n = e.parent()) {
      inLink |= e.normalName().equals("a");
      int[] c = counts.computeIfAbsent(e, k -> new int[2]);
      c[0] += len;
      if (inLink) {
        c[1] += len;
      }
      if (e == root) {
        break;
      }
    }
  }

  /** Visible characters under e. */
  int chars(Element e) {
    int[] c = counts.get(e);
    return c == null ? 0 : c[0];
  }

  /** Visible characters under e that are not link text. */
  int proseChars(Element e) {
    int[] c = counts.get(e);
    return c == null ? 0 : c[0] - c[1];
  }

  /** Share of e's characters that are link text; 0 for an empty element. */
  double linkDensity(Element e) {
    int[] c = counts.get(e);
    return c == null || c[0] == 0 ? 0 : (double) c[1] / c[0];
  }
}
