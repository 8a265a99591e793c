package org.dateline.ingest.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dateline.ingest.MetaValue;
import org.junit.jupiter.api.Test;

class ArticleExtractorTest {

  private static final String GAZETTE_URL =
      "https://www.coastalgazette.example/news/2024/03/15/harbour-bridge-reopens?utm_source=x";

  private final ArticleExtractor extractor = new ArticleExtractor();

  private static String fixture(String name) throws IOException {
    try (InputStream in =
        ArticleExtractorTest.class.getResourceAsStream("/fixtures/html/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void newsPageKeepsOnlyTheStoryParagraphs() throws IOException {
    WebArticle a = extractor.extract(fixture("news-article.html"), GAZETTE_URL);
    List<String> paragraphs = List.of(a.body().split("\n\n"));
    assertEquals(
        List.of(
            "The harbour bridge reopened to traffic on Friday morning, six months after engineers"
                + " closed it to replace corroded cables.",
            "Commuters, who had faced a forty-minute detour, welcomed the news. \"It feels like"
                + " getting an hour of my day back,\" said Ana Lopes, a nurse who crosses twice a"
                + " day.",
            "What changes for drivers",
            "The speed limit on the bridge drops to 40 km/h, and heavy lorries must use the outer"
                + " lane."),
        paragraphs);
  }

  @Test
  void newsPageHeadlineUrlAndLanguage() throws IOException {
    WebArticle a = extractor.extract(fixture("news-article.html"), GAZETTE_URL);
    assertEquals("Harbour bridge reopens after six months of repairs", a.title());
    assertEquals(
        "https://www.coastalgazette.example/news/2024/03/15/harbour-bridge-reopens",
        a.canonicalUrl());
    assertEquals("en-GB", a.language());
  }

  @Test
  void newsPageDatesPublishedFirstModifiedLast() throws IOException {
    WebArticle a = extractor.extract(fixture("news-article.html"), GAZETTE_URL);
    assertEquals(
        List.of(
            new MetaValue("2024-03-15T08:30:00+00:00", "json-ld"),
            new MetaValue("2024-03-15T08:30:00Z", "opengraph"),
            new MetaValue("2024-03-15T08:31:00Z", "meta"),
            new MetaValue("2024-03-15T09:00:00Z", "time-element"),
            new MetaValue("2024-03-15", "url"),
            new MetaValue("2024-03-16T10:00:00+00:00", "json-ld"),
            new MetaValue("2024-03-16T10:00:00Z", "opengraph")),
        a.dates());
  }

  @Test
  void newsPageOutletsAndAuthors() throws IOException {
    WebArticle a = extractor.extract(fixture("news-article.html"), GAZETTE_URL);
    assertEquals(
        List.of(
            new MetaValue("Coastal Gazette Media", "json-ld"),
            new MetaValue("The Coastal Gazette", "opengraph"),
            new MetaValue("Gazette", "meta"),
            new MetaValue("coastalgazette.example", "url")),
        a.outlets());
    // article:author is a profile URL, and the rel=author link repeats a JSON-LD name.
    assertEquals(List.of("Jane Reporter", "Tom Writer"), a.authors());
  }

  @Test
  void plainPageFallsBackToH1AndHasNoMetadata() throws IOException {
    WebArticle a = extractor.extract(fixture("minimal.html"), null);
    assertEquals("Council approves new library", a.title());
    assertEquals(
        "The town council voted seven to two on Tuesday to build a new public library on the"
            + " site of the old bus depot, ending a debate that lasted three years.\n\n"
            + "Construction is expected to start next spring, and the library should open its"
            + " doors, complete with a children's wing, in the autumn of the following year.",
        a.body());
    assertNull(a.canonicalUrl());
    assertNull(a.language());
    assertEquals(List.of(), a.dates());
    assertEquals(List.of(), a.outlets());
    assertEquals(List.of(), a.authors());
  }

  @Test
  void titleTagLosesItsSiteSuffixAndOutletComesFromHost() {
    String html =
        "<html><head><title>Floods close coast road | Daily Tide</title></head><body>"
            + "<h2>x</h2><h2>y</h2><p>Heavy rain closed the coast road overnight, police said.</p>"
            + "</body></html>";
    WebArticle a = extractor.extract(html, "https://news.dailytide.example/floods");
    assertEquals("Floods close coast road", a.title());
    assertEquals(List.of(new MetaValue("news.dailytide.example", "url")), a.outlets());
    assertEquals("https://news.dailytide.example/floods", a.canonicalUrl());
  }

  @Test
  void ogTitleLosesSuffixNamingTheSite() {
    String html =
        "<html><head><meta property='og:title' content='Mayor resigns – City Post'>"
            + "<meta property='og:site_name' content='City Post'></head><body></body></html>";
    assertEquals("Mayor resigns", extractor.extract(html, null).title());
  }

  @Test
  void jsonLdArrayWithBrokenBlockAndAuthorString() {
    String html =
        "<html><head>"
            + "<script type='application/ld+json'>{ not json</script>"
            + "<script type='application/ld+json'>[{\"@type\":\"Organization\",\"name\":\"Org\"},"
            + "{\"@type\":[\"ReportageNewsArticle\"],\"headline\":\"Tides &amp; times\","
            + "\"datePublished\":\"2023-05-01\",\"author\":\"By Sam Lee\","
            + "\"publisher\":{\"name\":\"Tide Media\"}}]</script>"
            + "</head><body><p>Short.</p></body></html>";
    WebArticle a = extractor.extract(html, null);
    assertEquals("Tides & times", a.title());
    assertEquals(List.of(new MetaValue("2023-05-01", "json-ld")), a.dates());
    assertEquals(List.of(new MetaValue("Tide Media", "json-ld")), a.outlets());
    assertEquals(List.of("Sam Lee"), a.authors());
  }

  @Test
  void aPublisherGivenByItsIdIsNamedByTheNodeThatDescribesIt() {
    // Yoast's @graph and CBS's pages: the article's publisher is a reference to a node elsewhere
    String html =
        "<html><head><script type='application/ld+json'>{\"@graph\":["
            + "{\"@type\":\"Organization\",\"@id\":\"https://tide.example/#org\","
            + "\"name\":\"tidemedia\"},"
            + "{\"@type\":\"NewsArticle\",\"headline\":\"Tides\","
            + "\"publisher\":{\"@id\":\"https://tide.example/#org\"},"
            + "\"author\":{\"@id\":\"https://tide.example/#sam\"}},"
            + "{\"@type\":\"Person\",\"@id\":\"https://tide.example/#sam\",\"name\":\"Sam Lee\"}]}"
            + "</script><meta property='og:site_name' content='TideMedia'></head>"
            + "<body><p>Short.</p></body></html>";
    WebArticle a = extractor.extract(html, null);
    // the same name in lower case and in the site's capitals is one value, with the capitals
    assertEquals(List.of(new MetaValue("TideMedia", "json-ld")), a.outlets());
    assertEquals(List.of("Sam Lee"), a.authors());
  }

  @Test
  void stubPageUsesDeclaredArticleBody() {
    String html =
        "<html><head><script type='application/ld+json'>{\"@type\":\"NewsArticle\","
            + "\"articleBody\":\"First paragraph of the story is here.\\nSecond paragraph"
            + " follows with more detail about the event.\"}</script></head>"
            + "<body><p>Teaser only.</p></body></html>";
    assertEquals(
        "First paragraph of the story is here.\n\n"
            + "Second paragraph follows with more detail about the event.",
        extractor.extract(html, null).body());
  }

  @Test
  void emptyAndNullInputGiveEmptyArticle() {
    for (String html : new String[] {null, "", "<html></html>", "just text, no tags"}) {
      WebArticle a = extractor.extract(html, null);
      assertTrue(a.dates().isEmpty());
      assertFalse(a.body() == null);
    }
  }

  @Test
  void modifiedDateNeverComesFirst() {
    String html =
        "<html><head><meta property='article:modified_time' content='2022-02-02'>"
            + "<meta name='pubdate' content='2022-01-01'></head><body></body></html>";
    List<MetaValue> dates = extractor.extract(html, null).dates();
    assertEquals(new MetaValue("2022-01-01", "meta"), dates.get(0));
    assertEquals(new MetaValue("2022-02-02", "opengraph"), dates.get(1));
  }

  @Test
  void deeplyNestedMarkupDoesNotOverflow() {
    String html =
        "<div>".repeat(20_000)
            + "<p>Deep inside the markup sits a sentence, long enough to count as a paragraph.</p>";
    assertEquals(
        "Deep inside the markup sits a sentence, long enough to count as a paragraph.",
        extractor.extract(html, null).body());
  }
}
