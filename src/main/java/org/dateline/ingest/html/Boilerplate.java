package org.dateline.ingest.html;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/** Recognises page furniture (menus, ads, share bars, captions) by tag, role, class and id. */
final class Boilerplate {

  /** Tags whose whole subtree never holds article prose. */
  static final Set<String> JUNK_TAGS =
      Set.of(
          "script",
          "style",
          "noscript",
          "template",
          "svg",
          "canvas",
          "iframe",
          "object",
          "embed",
          "video",
          "audio",
          "button",
          "select",
          "input",
          "textarea",
          "option",
          "nav",
          "aside",
          "footer",
          "header",
          "figcaption",
          "figure",
          "dialog",
          "menu",
          "link",
          "meta",
          "head",
          "title",
          "math",
          "map",
          "area",
          "source",
          "track",
          "picture");

  private static final Set<String> JUNK_ROLES =
      Set.of(
          "navigation",
          "complementary",
          "contentinfo",
          "dialog",
          "alertdialog",
          "menu",
          "menubar",
          "toolbar",
          "search",
          "banner",
          "tablist");

  // Class/id words that mark furniture on their own, whatever else the name says.
  private static final Pattern STRONG_JUNK =
      Pattern.compile(
          "related|share|sharing|social|comment|newsletter|promo|advert|sponsor|outbrain|taboola"
              + "|cookie|caption|subscri|signup|popular|trending|recommend|readmore|read-more"
              + "|breadcrumb|disqus|gdpr|consent|paywall-prompt|modal|popup|teaser|also-read"
              + "|more-stories|morestories|more-news|moreon|newsfeed|copyright|disclaimer");

  // Words that mark furniture unless the same name also says it is the article.
  private static final Pattern WEAK_JUNK =
      Pattern.compile(
          "(^|[^a-z])(ads?|adv|nav|navbar|navigation|menu|footer|header|masthead|sidebar|widget"
              + "|banner|toolbar|tags?|byline|author|meta|credit|hidden|sr-only|visually-hidden"
              + "|print|pagination|pager|skip|login|skyscraper|rail|aside|dateline|timestamp)"
              + "([^a-z]|$)");

  private static final Pattern CONTENT =
      Pattern.compile("article|body|content|entry|main|post|story|text|prose|blog");

  private Boilerplate() {}

  /** The element's class and id as one lower-case string, camelCase split by hyphens. */
  static String names(Element e) {
    String raw = e.className() + " " + e.id();
    return raw.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  /** True when tag, role, visibility or name says the element is not article prose. */
  static boolean isJunk(Element e) {
    if (JUNK_TAGS.contains(e.normalName()) || isHidden(e)) {
      return true;
    }
    if (JUNK_ROLES.contains(e.attr("role").toLowerCase(Locale.ROOT))) {
      return true;
    }
    if (e.hasAttr("itemprop") && e.attr("itemprop").contains("articleBody")) {
      return false;
    }
    return hasJunkName(e);
  }

  /** True when the class or id names furniture. */
  static boolean hasJunkName(Element e) {
    String names = names(e);
    if (names.isBlank()) {
      return false;
    }
    if (STRONG_JUNK.matcher(names).find()) {
      return true;
    }
    return WEAK_JUNK.matcher(names).find() && !CONTENT.matcher(names).find();
  }

  /** Score bonus for names that suggest the article, malus for furniture names. */
  static int nameWeight(Element e) {
    String names = names(e);
    int w = 0;
    if (CONTENT.matcher(names).find()) {
      w += 25;
    }
    if (hasJunkName(e)) {
      w -= 25;
    }
    if (e.attr("itemprop").contains("articleBody")) {
      w += 50;
    }
    return w;
  }

  private static boolean isHidden(Element e) {
    if (e.hasAttr("hidden")) {
      return true;
    }
    String style = e.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
    return style.contains("display:none") || style.contains("visibility:hidden");
  }
}
