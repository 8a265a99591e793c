package org.dateline.ingest.html;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dateline.ingest.MetaValue;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Reads title, URL, language, dates, outlets and authors from a page's own metadata. */
final class PageMetadata {

  private static final String JSON_LD = "json-ld";
  private static final String OPENGRAPH = "opengraph";
  private static final String META = "meta";

  private static final Pattern URL_DATE =
      Pattern.compile(
          "/((?:19|20)\\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\\d|3[01])(?=[/_.-]|$)");
  private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|\\-–—:·•»]+\\s+");

  private final Document doc;
  private final MetaTags meta;
  private final JsonLd jsonLd;
  private final Element scope;
  private final String pageUrl;

  PageMetadata(Document doc, JsonLd jsonLd, String pageUrl) {
    this.doc = doc;
    this.meta = MetaTags.of(doc);
    this.jsonLd = jsonLd;
    this.scope = articleScope(doc);
    this.pageUrl = pageUrl;
  }

  /** The largest article element, else main, else the body: where the story's own tags live. */
  private static Element articleScope(Document doc) {
    Element best = null;
    for (Element article : doc.select("article, [itemtype~=(?i)schema.org/\\w*Article]")) {
      if (best == null || article.text().length() > best.text().length()) {
        best = article;
      }
    }
    if (best == null) {
      best = doc.selectFirst("main, [role=main]");
    }
    return best != null ? best : doc.body();
  }

  String title() {
    String site = Text.firstNonBlank(meta.first("og:site_name"));
    String fromMeta = Text.firstNonBlank(jsonLd.headline(), meta.first("og:title"), h1());
    if (fromMeta != null) {
      return withoutSite(fromMeta, site, false);
    }
    String title = Text.firstNonBlank(doc.title());
    return title == null ? null : withoutSite(title, site, true);
  }

  private String h1() {
    Element h1 = scope.selectFirst("h1");
    if (h1 == null && doc.body() != null && doc.body().select("h1").size() == 1) {
      h1 = doc.body().selectFirst("h1");
    }
    return h1 == null ? null : h1.text();
  }

  /** Drops a " | Site" style tail: always when it names the site, else only from <title>. */
  private static String withoutSite(String title, String site, boolean anyTail) {
    Matcher m = TITLE_SEPARATOR.matcher(title);
    int lastStart = -1;
    int lastEnd = -1;
    while (m.find()) {
      lastStart = m.start();
      lastEnd = m.end();
    }
    if (lastStart <= 0) {
      return title;
    }
    String head = title.substring(0, lastStart).strip();
    String tail = title.substring(lastEnd).strip();
    boolean namesSite = site != null && tail.equalsIgnoreCase(site);
    if (namesSite || (anyTail && tail.length() < head.length())) {
      return head;
    }
    return title;
  }

  String canonicalUrl() {
    Element link = doc.selectFirst("link[rel~=(?i)^canonical$][href]");
    String canonical =
        link == null ? null : Text.firstNonBlank(link.absUrl("href"), link.attr("href"));
    return Text.firstNonBlank(canonical, meta.first("og:url"), pageUrl);
  }

  String language() {
    Element html = doc.selectFirst("html");
    String lang =
        Text.firstNonBlank(
            html == null ? null : html.attr("lang"),
            html == null ? null : html.attr("xml:lang"),
            meta.first("og:locale"),
            meta.first("content-language", "language", "dc.language"));
    return lang == null ? null : lang.replace('_', '-');
  }

  List<MetaValue> dates() {
    Map<String, MetaValue> out = new LinkedHashMap<>();
    add(out, jsonLd.strings("datePublished"), JSON_LD);
    add(
        out,
        meta.all("article:published_time", "og:published_time", "article:published"),
        OPENGRAPH);
    add(
        out,
        meta.all(
            "datepublished",
            "pubdate",
            "publishdate",
            "publish-date",
            "publish_date",
            "date",
            "dc.date.issued",
            "dcterms.issued",
            "sailthru.date",
            "parsely-pub-date",
            "article.published",
            "dc.date",
            "dcterms.date",
            "dc.date.created",
            "dcterms.created"),
        META);
    add(out, timeElements(), "time-element");
    add(out, jsonLd.strings("dateCreated"), JSON_LD);
    add(out, urlDate(), "url");
    // Modified dates come last: a page updated today was still published on its own day.
    add(out, jsonLd.strings("dateModified"), JSON_LD);
    add(out, meta.all("article:modified_time", "og:updated_time"), OPENGRAPH);
    add(out, meta.all("datemodified", "last-modified", "dc.date.modified"), META);
    return List.copyOf(out.values());
  }

  private List<String> timeElements() {
    List<String> out = new ArrayList<>();
    // A <time pubdate> is marked as the publication time, so it goes before other times.
    for (String query : List.of("time[pubdate][datetime]", "time[datetime]")) {
      for (Element time : scope.select(query)) {
        out.add(time.attr("datetime"));
      }
    }
    return out;
  }

  private List<String> urlDate() {
    for (String url : new String[] {pageUrl, canonicalUrl()}) {
      if (url != null) {
        Matcher m = URL_DATE.matcher(url);
        if (m.find()) {
          return List.of(m.group(1) + "-" + m.group(2) + "-" + m.group(3));
        }
      }
    }
    return List.of();
  }

  List<MetaValue> outlets() {
    Map<String, MetaValue> out = new LinkedHashMap<>();
    add(out, jsonLd.names("publisher"), JSON_LD);
    add(out, meta.all("og:site_name"), OPENGRAPH);
    add(out, meta.all("application-name"), META);
    String host = host(Text.firstNonBlank(pageUrl, canonicalUrl()));
    if (host != null) {
      add(out, List.of(host), "url");
    }
    return List.copyOf(out.values());
  }

  /** The URL's host without a leading "www.", or null when there is none. */
  static String host(String url) {
    if (url == null) {
      return null;
    }
    try {
      String host = URI.create(url.strip().replace(" ", "%20")).getHost();
      return host == null ? null : host.toLowerCase(Locale.ROOT).replaceFirst("^www\\d*\\.", "");
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  List<String> authors() {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> names = new ArrayList<>(jsonLd.names("author"));
    names.addAll(meta.all("author", "article:author", "dc.creator", "parsely-author"));
    for (Element link : doc.select("a[rel~=(?i)^author$]")) {
      names.add(link.text());
    }
    for (String name : names) {
      String clean = Text.clean(name).replaceFirst("(?i)^by\\s+", "");
      if (!clean.isEmpty() && !clean.matches("(?i)^(https?:|www\\.|/).*")) {
        out.putIfAbsent(clean.toLowerCase(Locale.ROOT), clean);
      }
    }
    return List.copyOf(out.values());
  }

  /**
   * Adds values not seen before, so the first (best) source of a value wins; a value seen before in
   * lower case alone takes the capitals a later source writes it with ("9to5mac", then "9to5Mac").
   */
  private static void add(Map<String, MetaValue> out, List<String> values, String source) {
    for (String value : values) {
      String clean = Text.clean(value);
      if (clean.isEmpty()) {
        continue;
      }
      String key = clean.toLowerCase(Locale.ROOT);
      MetaValue seen = out.get(key);
      if (seen == null) {
        out.put(key, new MetaValue(clean, source));
      } else if (seen.value().equals(key) && !clean.equals(key)) {
        out.put(key, new MetaValue(clean, seen.source()));
      }
    }
  }
}
