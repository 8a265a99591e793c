package org.dateline.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dateline.TestIndexes;
import org.dateline.config.Config;
import org.dateline.config.WatchConfig;
import org.dateline.enrich.Article;
import org.dateline.enrich.OutletNames;
import org.dateline.search.SearchRequest;
import org.dateline.search.SearchService;
import org.dateline.search.facet.FacetValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One outlet, one name: a copy whose only outlet is its site's address ("example-news.com") takes
 * the name the site's own pages give ("Example News"), whichever was indexed first, and the facet
 * offers the name alone.
 */
class OutletPassTest {

  @TempDir Path tmp;

  /** A page on the site, naming itself. */
  private static final String NAMED =
      """
      <!doctype html><html lang="en"><head><title>Harbour plan approved</title>
      <meta property="og:site_name" content="Example News">
      <link rel="canonical" href="https://www.example-news.com/harbour-plan-approved">
      </head><body><article><h1>Harbour plan approved</h1>
      <p>The city council approved the harbour plan on Monday after a six-hour hearing that drew
      residents from both sides of the long argument over the waterfront.</p></article></body></html>
      """;

  /** A copy of another story of the site, elsewhere, that names no outlet: only its address. */
  private static final String COPY =
      """
      <!doctype html><html lang="en"><head><title>Ferry fares to rise</title>
      <link rel="canonical" href="https://www.example-news.com/ferry-fares-to-rise">
      </head><body><article><h1>Ferry fares to rise</h1>
      <p>Ferry fares will rise by a tenth from January, the port authority said on Tuesday, the
      first increase in four years and one the operators have asked for since the spring.</p>
      </article></body></html>
      """;

  private Config config() {
    return TestIndexes.config(tmp.resolve("index")).withEntities(false);
  }

  private Path folder(String name, String html) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    Files.writeString(dir.resolve(name + ".html"), html);
    return dir;
  }

  private Map<String, String> outletsByTitle() throws IOException {
    Map<String, String> out = new TreeMap<>();
    for (Article a : TestIndexes.storedArticles(tmp.resolve("index"))) {
      out.put(a.title(), a.outlet() + " / " + a.provenance().get("outlet"));
    }
    return out;
  }

  private List<FacetValue> outletFacet() throws IOException {
    try (SearchService search = SearchService.readOnly(tmp.resolve("index"))) {
      return search.search(SearchRequest.of("")).facets().get("outlet");
    }
  }

  private OutletPass.Result index(Path folder) throws IOException {
    return IndexRun.run(config(), List.of(folder), false, IngestProgress.NONE, false).outlets();
  }

  @Test
  void theAddressIndexedFirstTakesTheNameOfAPageIndexedLater() throws IOException {
    index(folder("copy", COPY));
    assertEquals(List.of(new FacetValue("example-news.com", 1)), outletFacet());
    OutletPass.Result pass = index(folder("named", NAMED));
    assertEquals(Map.of("example-news.com", "Example News"), pass.names());
    assertEquals(1, pass.rewritten(), "the copy indexed before");
    assertEquals(
        Map.of(
            "Ferry fares to rise",
            "Example News / " + OutletNames.PROVENANCE,
            "Harbour plan approved",
            "Example News / opengraph"),
        outletsByTitle());
    assertEquals(List.of(new FacetValue("Example News", 2)), outletFacet());
  }

  @Test
  void aCopyIndexedLaterTakesTheNameAlreadyKnown() throws IOException {
    index(folder("named", NAMED));
    index(folder("copy", COPY));
    assertEquals(List.of(new FacetValue("Example News", 2)), outletFacet());
  }

  @Test
  void theWatchedFolderGivesOneNameToo() throws Exception {
    Path dropDir = Files.createDirectories(tmp.resolve("drop"));
    Config config =
        config().withWatch(new WatchConfig(dropDir, Duration.ofMillis(50), Duration.ofMinutes(10)));
    try (LiveIndex live = LiveIndex.open(config, new PrintWriter(new StringWriter()));
        SearchService search =
            SearchService.nearRealTime(live.index().writer(), config.limits(), 100)) {
      live.watch(DropFolder.open(dropDir, Duration.ofMillis(50), Duration.ofHours(1)));
      Files.writeString(dropDir.resolve("copy.html"), COPY);
      Files.writeString(dropDir.resolve("named.html"), NAMED);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (search.search(SearchRequest.of("")).total() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
    } // closing commits, and the pass runs with the commit
    assertEquals(List.of(new FacetValue("Example News", 2)), outletFacet());
  }

  @Test
  void aNameFromAnotherSiteIsNotTaken() throws IOException {
    // "Example News" named on another site (whose address it fits too) says nothing of this one
    index(folder("named", NAMED.replace("www.example-news.com", "www.example-news.net")));
    index(folder("copy", COPY));
    assertEquals(
        List.of(new FacetValue("Example News", 1), new FacetValue("example-news.com", 1)),
        outletFacet());
  }
}
