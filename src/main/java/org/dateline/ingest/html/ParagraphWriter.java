package org.dateline.ingest.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/** Turns the chosen content elements into clean paragraphs, dropping link lists and blurbs. */
final class ParagraphWriter {

  /** Containers dropped whole when their text is mostly links: menus, story lists, tag clouds. */
  private static final Set<String> LINK_LIST_CANDIDATES =
      Set.of("div", "section", "ul", "ol", "dl", "table", "tbody", "tr", "span", "header", "p");

  // Lines that are only a label of the page furniture: "Advertisement", "Share", "Video".
  private static final Pattern LABEL =
      Pattern.compile(
          "(?i)^\\W*(advertisement|advertising|advert|ad|sponsored( content| links)?|loading"
              + "|print|e-?mail|tweet|share( this)?( article| story| on \\w+)?|comments?|video"
              + "|photo|image|listen|watch)\\W*$");

  // Short lines that call for a click or credit a picture rather than report anything.
  private static final Pattern CALL_TO_ACTION =
      Pattern.compile(
          "(?i)^\\W*(read more|read also|also read|related( \\w+)?\\W*:|recommended( for you)?\\W*:"
              + "|listen (to|live|here|now)|more on this|see also|click here|sign up|subscribe"
              + "|follow us|e-?mail [\\w .]{1,40} at |continue reading|skip (to|ad)"
              + "|scroll to continue|story continues|article continues|you may also like"
              + "|most popular|top stories|(photo|image|video|picture)( credit)?s?\\s*[:|/©]"
              + "|getty images|this (slideshow|video|content|feature) requires javascript)"
              + ".{0,80}$");

  private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
  private static final double MAX_LINK_DENSITY = 0.5;
  private static final double MAX_SUMMARY_LINK_DENSITY = 0.8;
  private static final int MIN_SUMMARY_PROSE = 60;
  private static final int HEADER_CHARS = 300;
  private static final Pattern SOURCE_BREAKS = Pattern.compile("[\\r\\n]+");

  private final TextStats stats;
  private final List<String> paragraphs = new ArrayList<>();
  private final List<Boolean> headings = new ArrayList<>();
  private final StringBuilder current = new StringBuilder();
  private int linkChars;
  private boolean inHeading;

  private ParagraphWriter(TextStats stats) {
    this.stats = stats;
  }

  /** The paragraphs of the given elements, in document order. */
  static List<String> write(List<Element> roots) {
    List<String> out = new ArrayList<>();
    for (Element root : roots) {
      ParagraphWriter writer = new ParagraphWriter(TextStats.of(root));
      writer.visit(root);
      writer.flush();
      out.addAll(writer.withoutTrailingHeadings());
    }
    return out;
  }

  /**
   * Walks {@code root} without recursion (a page nested 20,000 tables deep overflowed the stack),
   * collecting text into paragraphs: a block element ends one before and after itself.
   */
  private void visit(Element root) {
    NodeTraversor.filter(
        new NodeFilter() {
          private int links;
          private int pres;

          @Override
          public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode t) {
              text(t, links > 0, pres > 0);
              return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element e) || skip(e)) {
              return FilterResult.SKIP_ENTIRELY;
            }
            String tag = e.normalName();
            if (tag.equals("br")) {
              current.append('\n');
              return FilterResult.SKIP_ENTIRELY;
            }
            if (!TextStats.INLINE.contains(tag)) {
              flush();
            }
            inHeading |= HEADINGS.contains(tag);
            links += tag.equals("a") ? 1 : 0;
            pres += tag.equals("pre") ? 1 : 0;
            return FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            if (node instanceof Element e) {
              String tag = e.normalName();
              if (!TextStats.INLINE.contains(tag)) {
                flush();
              }
              if (HEADINGS.contains(tag)) {
                inHeading = false;
              }
              links -= tag.equals("a") ? 1 : 0;
              pres -= tag.equals("pre") ? 1 : 0;
            }
            return FilterResult.CONTINUE;
          }
        },
        root);
  }

  private void text(TextNode t, boolean inLink, boolean inPre) {
    // Source line breaks are layout, except in <pre>; <br> alone marks a real line break.
    String whole = t.getWholeText();
    String text = inPre ? whole : SOURCE_BREAKS.matcher(whole).replaceAll(" ");
    current.append(text);
    if (inLink) {
      linkChars += Text.clean(text).length();
    }
  }

  private boolean skip(Element e) {
    String tag = e.normalName();
    if (tag.equals("h1") && writtenChars() < HEADER_CHARS) {
      // A headline near the top is the title, and the short lines above it are the header's
      // kicker, dates and labels; h1s further down are some sites' subheadings.
      paragraphs.clear();
      headings.clear();
      current.setLength(0);
      linkChars = 0;
      return true;
    }
    return LINK_LIST_CANDIDATES.contains(tag)
        && stats.chars(e) > 0
        && stats.linkDensity(e) > MAX_LINK_DENSITY;
  }

  private int writtenChars() {
    return paragraphs.stream().mapToInt(String::length).sum() + current.length();
  }

  /** Ends the paragraph being collected; a double line break inside it splits it. */
  private void flush() {
    String raw = current.toString();
    int links = linkChars;
    current.setLength(0);
    linkChars = 0;
    String whole = Text.clean(raw);
    if (whole.isEmpty() || isLinkLine(whole.length(), links)) {
      return;
    }
    for (String part : raw.split("\\n\\s*\\n")) {
      String text = cleanLines(part);
      if (!text.isEmpty() && !isBlurb(text)) {
        paragraphs.add(text);
        headings.add(inHeading);
      }
    }
  }

  private static boolean isBlurb(String text) {
    return LABEL.matcher(text).matches() || CALL_TO_ACTION.matcher(text).matches();
  }

  /** Mostly-link lines are navigation, unless a sentence of their own follows the link. */
  private static boolean isLinkLine(int chars, int links) {
    double density = (double) links / chars;
    return density > MAX_LINK_DENSITY
        && (density > MAX_SUMMARY_LINK_DENSITY || chars - links < MIN_SUMMARY_PROSE);
  }

  /** Headings left at the end introduced a section we dropped, such as a story list. */
  private List<String> withoutTrailingHeadings() {
    int end = paragraphs.size();
    while (end > 0 && headings.get(end - 1)) {
      end--;
    }
    return paragraphs.subList(0, end);
  }

  private static String cleanLines(String part) {
    StringBuilder sb = new StringBuilder();
    for (String line : part.split("\\n")) {
      String clean = Text.clean(line);
      if (!clean.isEmpty()) {
        sb.append(sb.isEmpty() ? "" : "\n").append(clean);
      }
    }
    return sb.toString();
  }
}
