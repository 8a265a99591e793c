package org.dateline.ingest.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Finds the elements holding the article prose by scoring paragraphs up their ancestry. */
final class ContentFinder {

  /** Tags whose text is one paragraph; they lend their score to ancestors, never take it. */
  private static final Set<String> PARAGRAPHS =
      Set.of("p", "pre", "li", "dd", "dt", "h2", "h3", "h4", "h5", "h6", "blockquote", "td");

  /** Tags a page never wraps the article in: never kept even if their name looks harmless. */
  private static final Set<String> FURNITURE_ONLY =
      Set.of("script", "style", "noscript", "template", "svg", "iframe", "button", "select");

  // A name match that still holds this share of the page's prose is a wrapper, not furniture.
  private static final double WRAPPER_SHARE = 0.4;
  private static final int MIN_PARAGRAPH = 25;
  private static final double LINK_CLUSTER_DENSITY = 0.9;
  private static final int LINK_CLUSTER_LINKS = 3;
  private static final int MAX_ANCESTORS = 5;
  // Siblings (and same-class twins) of the top container join it above this share of its score.
  private static final double SIBLING_SHARE = 0.2;
  private static final double MIN_SIBLING_SCORE = 10;

  private ContentFinder() {}

  /** Removes furniture from the body in place so scoring and output see prose only. */
  static void removeFurniture(Element body) {
    TextStats stats = TextStats.of(body);
    double total = Math.max(1, stats.proseChars(body));
    List<Element> junk = new ArrayList<>();
    for (Element e : body.getAllElements()) {
      if (e == body) {
        continue;
      }
      if (isLinkCluster(e, stats)) {
        junk.add(e); // menus, story lists and hover cards, even when nested in a paragraph
        continue;
      }
      if (!Boilerplate.isJunk(e)) {
        continue;
      }
      boolean wrapper = stats.proseChars(e) >= WRAPPER_SHARE * total && total > 500;
      if (FURNITURE_ONLY.contains(e.normalName()) || !wrapper) {
        junk.add(e);
      }
    }
    // Removing a parent first detaches its children too; remove() on those is harmless.
    junk.forEach(Element::remove);
  }

  private static boolean isLinkCluster(Element e, TextStats stats) {
    return stats.linkDensity(e) >= LINK_CLUSTER_DENSITY
        && e.getElementsByTag("a").size() >= LINK_CLUSTER_LINKS;
  }

  /** The best-scoring container and those siblings that also read like the article. */
  static List<Element> find(Element body) {
    TextStats stats = TextStats.of(body);
    Map<Element, Double> scores = score(body, stats);
    Element top = body;
    double best = -1;
    for (Map.Entry<Element, Double> entry : scores.entrySet()) {
      Element e = entry.getKey();
      double s = finalScore(e, entry.getValue(), stats);
      if (s > best) {
        best = s;
        top = e;
      }
    }
    if (top == body) {
      return List.of(body);
    }
    double threshold = Math.max(MIN_SIBLING_SCORE, best * SIBLING_SHARE);
    List<Element> picked = withSiblings(top, best, threshold, scores, stats);
    return withSameKind(body, top, picked, threshold, scores, stats);
  }

  /**
   * Pages that interleave the story with ad rows repeat the story's wrapper several times; any
   * element with the top candidate's tag and class that also scores well is part of the story.
   */
  private static List<Element> withSameKind(
      Element body,
      Element top,
      List<Element> picked,
      double threshold,
      Map<Element, Double> scores,
      TextStats stats) {
    if (top.className().isBlank()) {
      return picked;
    }
    List<Element> out = new ArrayList<>();
    for (Element e : body.getAllElements()) {
      boolean chosen = picked.stream().anyMatch(p -> p == e);
      boolean sameKind =
          e.normalName().equals(top.normalName())
              && e.className().equals(top.className())
              && scores.containsKey(e)
              && finalScore(e, scores.get(e), stats) >= threshold;
      if ((chosen || sameKind) && out.stream().noneMatch(o -> isAncestor(o, e))) {
        out.add(e);
      }
    }
    return out;
  }

  private static boolean isAncestor(Element ancestor, Element e) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      if (p == ancestor) {
        return true;
      }
    }
    return false;
  }

  private static double finalScore(Element e, double raw, TextStats stats) {
    return (raw + tagWeight(e) + Boilerplate.nameWeight(e)) * (1 - stats.linkDensity(e));
  }

  /** Adds each paragraph's score to its nearest ancestors, less with each step up. */
  private static Map<Element, Double> score(Element body, TextStats stats) {
    // Insertion order (document order of paragraphs) makes ties resolve the same on every run.
    Map<Element, Double> scores = new LinkedHashMap<>();
    for (Map.Entry<Element, StringBuilder> entry : paragraphBlocks(body).entrySet()) {
      Element block = entry.getKey();
      String text = Text.clean(entry.getValue().toString());
      if (text.length() < MIN_PARAGRAPH) {
        continue;
      }
      double s = 1 + Text.commas(text) + Math.min(text.length() / 100.0, 3);
      Element e = PARAGRAPHS.contains(block.normalName()) ? block.parent() : block;
      for (int level = 0; e != null && level < MAX_ANCESTORS; level++, e = e.parent()) {
        double divisor = level == 0 ? 1 : level == 1 ? 2 : level * 3;
        scores.merge(e, s / divisor, Double::sum);
        if (e == body) {
          break;
        }
      }
    }
    return scores;
  }

  /** Elements that directly hold text, each with that text: its nested blocks' text excluded. */
  private static Map<Element, StringBuilder> paragraphBlocks(Element body) {
    Map<Element, StringBuilder> blocks = new LinkedHashMap<>();
    NodeTraversor.traverse(
        (NodeVisitor)
            (node, depth) -> {
              if (node instanceof TextNode t && !t.isBlank()) {
                Element block = blockOf(t);
                if (block != null) {
                  blocks
                      .computeIfAbsent(block, k -> new StringBuilder())
                      .append(t.getWholeText())
                      .append(' ');
                }
              }
            },
        body);
    return blocks;
  }

  private static Element blockOf(Node n) {
    Element e = n.parent() instanceof Element p ? p : null;
    while (e != null && TextStats.INLINE.contains(e.normalName())) {
      e = e.parent();
    }
    return e;
  }

  private static int tagWeight(Element e) {
    return switch (e.normalName()) {
      case "article", "main" -> 10;
      case "div", "section" -> 5;
      case "pre", "td", "blockquote" -> 3;
      case "form", "ol", "ul", "dl", "li" -> -3;
      case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
      default -> 0;
    };
  }

  /** Article text split by ads often sits in sibling containers; keep those that score well. */
  private static List<Element> withSiblings(
      Element top, double best, double threshold, Map<Element, Double> scores, TextStats stats) {
    Element parent = top.parent();
    if (parent == null) {
      return List.of(top);
    }
    List<Element> kept = new ArrayList<>();
    for (Element sibling : parent.children()) {
      if (sibling == top) {
        kept.add(sibling);
        continue;
      }
      Double raw = scores.get(sibling);
      double s = raw == null ? 0 : finalScore(sibling, raw, stats);
      if (!sibling.className().isEmpty() && sibling.className().equals(top.className())) {
        s += best * SIBLING_SHARE; // a twin of the top container is likely more of the story
      }
      if (s >= threshold || isLooseParagraph(sibling, stats)) {
        kept.add(sibling);
      }
    }
    return kept;
  }

  /** A bare paragraph next to the container: long and plain, or a full sentence with no link. */
  private static boolean isLooseParagraph(Element e, TextStats stats) {
    if (!e.normalName().equals("p")) {
      return false;
    }
    int len = stats.chars(e);
    double ld = stats.linkDensity(e);
    String text = e.text();
    return (len > 80 && ld < 0.25) || (len > 0 && ld == 0 && text.matches("(?s).*[.!?]\\W*$"));
  }
}
