package org.dateline.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.dateline.TestIndexes;
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

  /** A page's article with the site names its metadata gives, in the reader's order. */
  private Article page(String url, String... siteNames) {
    List<MetaValue> names = new java.util.ArrayList<>();
    for (String n : siteNames) {
      names.add(new MetaValue(n, n.startsWith("json-ld:") ? "json-ld" : "opengraph"));
    }
    names.replaceAll(m -> new MetaValue(m.value().replaceFirst("^json-ld:", ""), m.source()));
    Outlets.host(url)
        .ifPresent(h -> names.add(new MetaValue(h.replaceFirst("^www\\.", ""), "url")));
    SourceDoc doc =
        new SourceDoc(
            "", "A title", "Some text.", "html", url, "en", List.of(), names, List.of(), List.of());
    return enricher.enrich("p.html", doc, null);
  }

  @Test
  void aWireNamedPublisherOfAPapersPageIsItsCreditNotItsOutlet() {
    // Hearst's papers name "Associated Press" the publisher of the AP stories they run
    Article a =
        page(
            "https://www.chron.com/news/world/article/Esper-says-14848382.php",
            "json-ld:Associated Press",
            "Houston Chronicle");
    assertEquals("Houston Chronicle", a.outlet());
    assertEquals(List.of("AP"), a.agencies());
    assertEquals("named as the page's publisher", a.provenance().get("agencies"));
    // no site name fits the address: the address names the paper
    assertEquals(
        "ctpost.com",
        page(
                "https://www.ctpost.com/news/a-14848164.php",
                "json-ld:Associated Press",
                "Connecticut Post")
            .outlet());
    // on the agency's own address the agency is the outlet, and credits nothing extra
    Article own = page("https://apnews.com/article/x", "json-ld:Associated Press");
    assertEquals("Associated Press", own.outlet());
    assertEquals(List.of(), own.agencies());
    // an agency that is no listed outlet, on an address that spells its name: its own site,
    // credited nothing
    assertEquals(
        List.of(), page("http://www.xinhuanet.com/english/x.htm", "json-ld:Xinhua").agencies());
  }

  @Test
  void siteNamesThatAreNoNamesGiveWayToTheAddress() {
    // a publishing system's bare key for the site
    assertEquals(
        "cleveland.com",
        page("https://www.cleveland.com/news/2019/11/x.html", "cleveland").outlet());
    assertEquals("nj.com", page("https://www.nj.com/news/2019/11/x.html", "nj").outlet());
    // a social-media handle
    assertEquals(
        "politifact.com",
        page("https://www.politifact.com/statements/2019/nov/18/x/", "@politifact").outlet());
    // a one-word name the page also gives as its address
    assertEquals(
        "space.com", page("https://www.space.com/x.html", "json-ld:Space", "Space.com").outlet());
    // a one-word name that is a name keeps it
    assertEquals("Gizmodo", page("https://gizmodo.com/x-1839927963", "Gizmodo").outlet());
  }

  @Test
  void aNameFitsAnAddressThatAbbreviatesItsFirstWords() {
    assertEquals(
        "Los Angeles Times",
        page("https://www.latimes.com/business/story/2019-11-19/x", "Los Angeles Times").outlet());
    assertEquals(
        "New York Post", page("https://nypost.com/2019/11/18/x/", "New York Post").outlet());
    // an acronym with digits is a name, not a shout to fold
    assertEquals("VG247", page("https://www.vg247.com/2019/11/20/x/", "VG247").outlet());
  }

  /** The saved pages of four papers running AP copy, read as stored. */
  @Test
  void realPapersRunningApCopy() throws Exception {
    Path pages = TestIndexes.sharedOrSkip("html-news-articlebench", "html");
    FileParser parser = new FileParser(1L << 30, 5_000_000, 50_000_000);
    Map<String, String> outlets = new TreeMap<>();
    for (String id : List.of("05844573ca7e", "db6b0816c612", "d0382c0d9573", "aec5deeaada8")) {
      Path file;
      try (Stream<Path> s = Files.list(pages)) {
        file = s.filter(p -> p.getFileName().toString().startsWith(id)).findFirst().orElseThrow();
      }
      Article a = enricher.enrich(file.toString(), parser.parse(file).get(0), null);
      outlets.put(a.outlet(), String.join(",", a.agencies()));
    }
    assertEquals(
        Map.of("ctpost.com", "AP", "Houston Chronicle", "AP", "Times Union", "AP", "SFGate", "AP"),
        outlets);
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
