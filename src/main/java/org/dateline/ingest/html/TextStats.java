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

  /**
   * Counts the text under root in one pass: a text node adds to its parent, and an element, once
   * its subtree is done, adds its counts to its parent (each text node walking up to root was
   * quadratic in the nesting depth: 50,000 nested {@code <b>} took minutes).
   */
  static TextStats of(Element root) {
    TextStats stats = new TextStats();
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode t && t.parent() instanceof Element parent) {
              int len = Text.clean(t.getWholeText()).length();
              if (len > 0) {
                stats.counts.computeIfAbsent(parent, k -> new int[2])[0] += len;
              }
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (!(node instanceof Element e) || !(stats.counts.get(e) instanceof int[] c)) {
              return;
            }
            if (e.normalName().equals("a")) {
              c[1] = c[0]; // all text under a link is link text
            }
            if (e != root && e.parent() instanceof Element parent) {
              int[] up = stats.counts.computeIfAbsent(parent, k -> new int[2]);
              up[0] += c[0];
              up[1] += c[1];
            }
          }
        },
        root);
    return stats;
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
