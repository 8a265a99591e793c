package org.dateline.ingest.html;

import java.util.Arrays;
import java.util.List;
import org.dateline.ingest.MetaValue;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Extracts the article from one HTML page. Thread-safe, stateless. */
public final class ArticleExtractor {

  // Below this many characters the DOM pick is likely a teaser; the page's own articleBody wins.
  private static final int MIN_BODY_CHARS = 250;

  /**
   * Reduces a saved web page to its article: headline, body paragraphs and the page's own metadata
   * candidates.
   *
   * @param html the page source
   * @param pageUrl where the page was fetched from, used to resolve links; may be null
   */
  public WebArticle extract(String html, String pageUrl) {
    Document doc = Jsoup.parse(html == null ? "" : html, pageUrl == null ? "" : pageUrl);
    JsonLd jsonLd = JsonLd.read(doc);
    // Metadata first: the body clean-up below removes bylines and time stamps.
    PageMetadata meta = new PageMetadata(doc, jsonLd, pageUrl);
    String title = meta.title();
    List<MetaValue> dates = meta.dates();
    List<MetaValue> outlets = meta.outlets();
    List<String> authors = meta.authors();
    String canonical = meta.canonicalUrl();
    String language = meta.language();
    String body = body(doc, jsonLd, title);
    return new WebArticle(title, body, canonical, language, dates, outlets, authors);
  }

  private static String body(Document doc, JsonLd jsonLd, String title) {
    Element root = doc.body();
    String fromDom = "";
    if (root != null) {
      ContentFinder.removeFurniture(root);
      List<String> paragraphs = ParagraphWriter.write(ContentFinder.find(root));
      fromDom = String.join("\n\n", withoutTitle(paragraphs, title));
    }
    String declared = declaredBody(jsonLd);
    // The DOM pick wins unless it is a stub or a fraction of what the page says its body is.
    boolean stub = fromDom.length() < MIN_BODY_CHARS || declared.length() > 2 * fromDom.length();
    return stub && declared.length() > fromDom.length() ? declared : fromDom;
  }

  /** The headline is a separate field; drop it when the page repeats it atop the body. */
  private static List<String> withoutTitle(List<String> paragraphs, String title) {
    if (title != null && !paragraphs.isEmpty() && paragraphs.get(0).equalsIgnoreCase(title)) {
      return paragraphs.subList(1, paragraphs.size());
    }
    return paragraphs;
  }

  /** JSON-LD articleBody as paragraphs; some sites put markup in it, so it is parsed as HTML. */
  private static String declaredBody(JsonLd jsonLd) {
    String raw = jsonLd.articleBody();
    if (raw.isBlank()) {
      return "";
    }
    if (raw.contains("<p") || raw.contains("<br")) {
      return String.join("\n\n", ParagraphWriter.write(List.of(Jsoup.parse(raw).body())));
    }
    return String.join(
        "\n\n",
        Arrays.stream(raw.split("\\n")).map(Text::clean).filter(s -> !s.isEmpty()).toList());
  }
}
