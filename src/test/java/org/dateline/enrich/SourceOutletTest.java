package org.dateline.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.dateline.enrich.entities.EntityExtractor;
import org.dateline.ingest.FileParser;
import org.dateline.ingest.MetaValue;
import org.dateline.ingest.SourceDoc;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** One value per outlet and agency: canonical names, else the site's own name, undecorated. */
class SourceOutletTest {

  private final Enricher enricher = Enricher.standard(EntityExtractor.NONE);

  private String outlet(String siteName, String url) {
    SourceDoc doc =
        new SourceDoc(
            "",
            "A title",
            "Some text.",
            "feed",
            url,
            "en",
            List.of(),
            List.of(new MetaValue(siteName, "feed")),
            List.of(),
            List.of());
    return enricher.enrich("f.rss", doc, null).outlet();
  }

  @Test
  void feedTitlesGiveTheSiteNotTheirSlogan() {
    assertEquals(
        "reddit",
        outlet(
            "reddit: the front page of the internet", "https://www.reddit.com/r/news/comments/1"));
    assertEquals(
        "Jornal de Notícias",
        outlet(
            "Jornal de Notícias - Últimas Notícias", "http://feeds.jn.pt/~r/JN-ULTIMAS/~3/x.html"));
    // a section title that does not name the site gives way to the address
    assertEquals("news.qq.com", outlet("新闻国内", "http://news.qq.com/a/20180918/009846.htm"));
    // a known outlet by its address wins over the feed's own title
    assertEquals(
        "Heise online",
        outlet(
            "heise developer neueste Meldungen", "http://www.heise.de/developer/meldung/x.html"));
    // AP's pages for member papers name their site "Hosted" (hosted.ap.org): the agency's own
    assertEquals(
        "Associated Press",
        outlet("Hosted", "https://hosted.ap.org/berkshireeagle/article/6486944b/unpredictable"));
    assertEquals("The Guardian", outlet("the Guardian | World news", null));
    assertEquals("latimes.com", outlet("https://www.latimes.com", "https://www.latimes.com/a"));
  }

  @Test
  void agencyNamesFoldCase() {
    Agencies agencies = Agencies.standard();
    assertEquals("Reuters", agencies.canonical("REUTERS"));
    assertEquals("Reuters", agencies.canonical("reuters"));
    assertEquals("dpa", agencies.canonical("Deutsche  Presse-Agentur"));
    assertEquals("Kyodo", agencies.canonical("KYODO NEWS"));
  }

  /** The ten real feeds of the shared corpus: every outlet value, exactly. */
  @Test
  void realFeedsHaveOneValuePerOutlet() throws Exception {
    Path feeds =
        Path.of(System.getProperty("dateline.shared", "../shared"), "corpus", "feeds-rss-atom");
    Assumptions.assumeTrue(Files.isDirectory(feeds), "corpus not present at " + feeds);
    FileParser parser = new FileParser(1L << 30, 5_000_000, 50_000_000);
    Map<String, Integer> counts = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(feeds)) {
      files = s.filter(p -> !p.getFileName().toString().startsWith("LICENSE")).sorted().toList();
    }
    for (Path f : files) {
      for (SourceDoc doc : parser.parse(f)) {
        counts.merge(
            String.valueOf(enricher.enrich(f.toString(), doc, null).outlet()), 1, Integer::sum);
      }
    }
    assertEquals(
        Map.of(
            "Science",
            69,
            "The Guardian",
            55,
            "Jornal de Notícias",
            40,
            "Google Ads Developer Blog",
            25,
            "reddit",
            24,
            "news.qq.com",
            20,
            "Heise online",
            15,
            "UOL Notícias",
            15,
            "Food in Invironment on Medium",
            7,
            "NHS North West News Feed",
            2),
        counts);
  }
}
