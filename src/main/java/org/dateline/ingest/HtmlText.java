package org.dateline.ingest;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Plain text from an HTML fragment with paragraph breaks kept: block elements become blank-line
 * separated paragraphs, {@code <br>} a line break, runs of white space inside a paragraph one
 * space.
 */
public final class HtmlText {

  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "li",
          "ul",
          "ol",
          "blockquote",
          "pre",
          "table",
          "tr",
          "section",
          "article",
          "header",
          "footer",
          "figure",
          "figcaption",
          "dd",
          "dt",
          "dl",
          "hr",
          "aside",
          "main",
          "nav");
  private static final Set<String> SKIPPED = Set.of("script", "style", "noscript", "template");

  private HtmlText() {}

  /** Text of an HTML string such as a feed item's description. */
  public static String fromHtml(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    return of(Jsoup.parseBodyFragment(html).body());
  }

  /** Text of one element and everything inside it. */
  public static String of(Element root) {
    StringBuilder sb = new StringBuilder();
    append(root, sb);
    return TextNormalizer.normalize(sb.toString().replaceAll("[ \\t]*\\n[ \\t]*", "\n"));
  }

  private static void append(Node node, StringBuilder sb) {
    if (node instanceof TextNode text) {
      String t = text.text();
      if (!t.isBlank() || (!sb.isEmpty() && sb.charAt(sb.length() - 1) != ' ')) {
        sb.append(t.replaceAll("\\s+", " "));
      }
      return;
    }
    if (!(node instanceof Element el)) {
      return;
    }
    String tag = el.normalName();
    if (SKIPPED.contains(tag)) {
      return;
    }
    if (tag.equals("br")) {
      sb.append('\n');
      return;
    }
    boolean block = BLOCKS.contains(tag);
    if (block) {
      sb.append("\n\n");
    }
    for (Node child : el.childNodes()) {
      append(child, sb);
    }
    if (block) {
      sb.append("\n\n");
    }
  }
}
