package org.dateline.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.dateline.TestIndexes;
import org.dateline.cli.Main;
import org.dateline.config.Limits;
import org.dateline.search.Hit;
import org.dateline.search.SearchRequest;
import org.dateline.search.SearchResponse;
import org.dateline.search.SearchService;
import org.dateline.search.SortOrder;
import org.dateline.search.facet.FacetValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import picocli.CommandLine;

/**
 * Dateline on a real SolrCloud cluster: 3 nodes on loopback (solr/cluster, its own JVM at 1 GB), a
 * collection of 2 shards x 2 replicas made by {@code dateline solr schema --apply} and {@code
 * dateline solr create}, fed by {@code dateline index --backend solr} with 2,000 Reuters-21578
 * stories (and two parts of 200 pushed later). The same requests asked of the embedded index over
 * the same articles must find the same counts, facets (multi-select included), date buckets,
 * date-sorted hits and KWIC lines; an export under concurrent ingest returns each article once;
 * with a node stopped, searches still count everything and ingest goes on. Skipped when
 * ../shared/corpus/reuters21578 is absent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolrCloudIT {

  private static final String COLLECTION = "news";

  private Path work;
  private SolrTestCluster cluster;
  private SolrNodes nodes;
  private SolrBackend solr;
  private SearchService embedded;
  private String solrArg;

  /** Stories in each of the two small parts pushed later (b and c): enough to overlap an export. */
  private static final int SMALL_PART = 200;

  /** Every article pushed once all three parts are in: a's 2,000, b's and c's. */
  private static final long ALL = 2_000 + 2 * SMALL_PART;

  @BeforeAll
  void startClusterAndIndex() throws Exception {
    Path corpus = TestIndexes.sharedCorpus("reuters21578");
    assumeTrue(corpus != null, "../shared/corpus/reuters21578 is absent: skipped");
    work = Files.createTempDirectory("solrcloud-it");
    Path sgm = corpus.resolve("sgm");
    Path a = Files.createDirectories(work.resolve("corpus-a"));
    Files.copy(sgm.resolve("reut2-000.sgm"), a.resolve("reut2-000.sgm"));
    Files.copy(sgm.resolve("reut2-001.sgm"), a.resolve("reut2-001.sgm"));
    firstStories(sgm.resolve("reut2-002.sgm"), work.resolve("corpus-b"), SMALL_PART);
    firstStories(sgm.resolve("reut2-003.sgm"), work.resolve("corpus-c"), SMALL_PART);
    long t0 = System.nanoTime();
    // The cluster starts in its own process while Dateline parses and enriches the three parts.
    SolrTestCluster.Starting starting =
        SolrTestCluster.launch(3, work.resolve("cluster"), work.resolve("cluster.log"));
    try {
      for (String part : List.of("a", "b", "c")) {
        dateline(
            "index",
            work.resolve("corpus-" + part).toString(),
            "--index",
            work.resolve("index-" + part).toString(),
            "--no-entities",
            "--quiet");
      }
      phase("3 x dateline index (local)", t0);
    } finally {
      cluster = starting.ready();
    }
    phase("cluster up", t0);
    solrArg = String.join(",", cluster.urls());
    dateline("solr", "schema", "--apply", "--solr", solrArg);
    dateline(
        "solr",
        "create",
        "--solr",
        solrArg,
        "--collection",
        COLLECTION,
        "--shards",
        "2",
        "--replicas",
        "2");
    // a's files are indexed already: this run skips them and sends the index's 2,000 articles
    String out =
        dateline(
            "index",
            work.resolve("corpus-a").toString(),
            "--index",
            work.resolve("index-a").toString(),
            "--no-entities",
            "--quiet",
            "--backend",
            "solr",
            "--solr",
            solrArg,
            "--collection",
            COLLECTION);
    assertTrue(out.contains("Pushed 2000 articles"), out);
    phase("configset, collection, dateline index --backend solr", t0);
    nodes = SolrNodes.of(cluster.urls());
    solr = new SolrBackend(nodes, COLLECTION, Limits.defaults(), 50);
    embedded = SearchService.readOnly(work.resolve("index-a"));
  }

  /**
   * The first {@code stories} stories of a Reuters SGML file, as a file of their own in {@code
   * dir}.
   */
  private static void firstStories(Path sgm, Path dir, int stories) throws IOException {
    // ISO-8859-1 maps every byte to one char and back: the file's bytes are kept as they are.
    String text = Files.readString(sgm, StandardCharsets.ISO_8859_1);
    int end = 0;
    for (int i = 0; i < stories; i++) {
      end = text.indexOf("</REUTERS>", end) + "</REUTERS>".length();
    }
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve(sgm.getFileName()), text.substring(0, end) + "\n", StandardCharsets.ISO_8859_1);
  }

  @AfterAll
  void stop() throws Exception {
    if (embedded != null) {
      embedded.close();
    }
    if (nodes != null) {
      nodes.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  /** Where the time goes (the test's own log): seconds since {@code t0}, load average. */
  private static void phase(String what, long t0) throws IOException {
    System.out.printf(
        "SolrCloudIT: %s after %.1f s (load %s)%n",
        what, (System.nanoTime() - t0) / 1e9, Files.readString(Path.of("/proc/loadavg")).strip());
  }

  private static String dateline(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    assertEquals(0, code, "dateline " + String.join(" ", args) + ": " + err + out);
    return out.toString();
  }

  /**
   * Query shapes the peer plan lacks, each parsed by Dateline and sent as its Lucene query: a
   * phrase, an inflected word, wildcards (one leading), a fuzzy term, a field, a day range inside
   * the query, a word the word delimiter splits, an exclusion.
   */
  private static final List<String> SHAPES =
      List.of(
          "\"crude oil\"",
          "banks",
          "tarif*",
          "*ollar",
          "cofee~1",
          "title:wheat",
          "oil date:[1987-03-01 TO 1987-03-10]",
          "U.S. trade",
          "bank AND NOT japan");

  /** {@link #SHAPES} by date, then the peer plan (every 10th query) in up to six forms each. */
  private List<SearchRequest> plan() throws IOException {
    List<String> queries = new ArrayList<>();
    List<String> peer = Files.readAllLines(Path.of("bench", "peer-queries.txt"));
    for (int i = 0; i < peer.size(); i += 10) {
      queries.add(peer.get(i));
    }
    List<SearchRequest> out = new ArrayList<>();
    for (String shape : SHAPES) {
      out.add(request(shape, Map.of(), null, null, SortOrder.NEWEST));
    }
    for (String line : queries) {
      String q = line.strip();
      SearchRequest base = request(q, Map.of(), null, null, SortOrder.NEWEST);
      out.add(base);
      out.add(request(q, Map.of(), null, null, SortOrder.RELEVANCE));
      SearchResponse first = embedded.search(base);
      Map<String, List<String>> filters = new LinkedHashMap<>();
      for (String dim : List.of("place", "person", "organization")) {
        List<FacetValue> values = first.facets().get(dim);
        if (!values.isEmpty()) {
          filters.put(dim, List.of(values.get(0).value()));
          out.add(request(q, Map.copyOf(filters), null, null, SortOrder.NEWEST));
        }
      }
      out.add(
          request(
              q, Map.of(), LocalDate.of(1987, 3, 1), LocalDate.of(1987, 3, 31), SortOrder.OLDEST));
    }
    return out;
  }

  private static SearchRequest request(
      String q, Map<String, List<String>> filters, LocalDate from, LocalDate to, SortOrder sort) {
    return new SearchRequest(q, filters, from, to, sort, 1, 10, null, 3, 10);
  }

  @Test
  @Order(1)
  void sameCountsFacetsBucketsHitsAndKwicAsEmbedded() throws IOException {
    assertEquals(2_000, solr.search(SearchRequest.of(""), false).total());
    List<SearchRequest> plan = plan();
    int hits = 0;
    for (SearchRequest r : plan) {
      SearchResponse want = embedded.search(r);
      SearchResponse got = solr.search(r, false);
      String what = r.query() + " " + r.filters() + " " + r.from() + " " + r.sort();
      assertEquals(want.total(), got.total(), "total of " + what);
      assertEquals(want.facets(), got.facets(), "facets and date buckets of " + what);
      if (r.sort() != SortOrder.RELEVANCE) {
        assertEquals(ids(want.hits()), ids(got.hits()), "hits of " + what);
        for (int i = 0; i < want.hits().size(); i++) {
          assertEquals(want.hits().get(i).kwic(), got.hits().get(i).kwic(), "KWIC of " + what);
          assertEquals(want.hits().get(i).kwicTotal(), got.hits().get(i).kwicTotal());
        }
      }
      for (Hit hit : got.hits()) {
        hits++;
        hit.kwic()
            .forEach(line -> assertTrue(!line.match().isBlank(), "empty match in " + hit.id()));
      }
    }
    assertEquals(42, plan.size(), "requests");
    assertTrue(hits > 350, hits + " hits");
  }

  private static List<String> ids(List<Hit> hits) {
    return hits.stream().map(Hit::id).toList();
  }

  @Test
  @Order(2)
  void exportUnderIngestReturnsEachArticleOnce() throws Exception {
    Set<String> before = new HashSet<>(allIds(work.resolve("index-a")));
    Set<String> added = new HashSet<>(allIds(work.resolve("index-b")));
    SolrMirror mirror = new SolrMirror(nodes, COLLECTION);
    // Mid-export, with the cursor open: the new file's articles after the 2nd page, every old
    // one again (re-added: same id, same date) after the 20th, each push soft-committed so that
    // the pages after it are read from a changed index.
    List<String> exported = new ArrayList<>();
    long[] pushed = {0};
    solr.export(
        new SearchRequest("", Map.of(), null, null, SortOrder.NEWEST, 1, 10, null, 1, 10),
        false,
        hit -> {
          exported.add(hit.id());
          if (exported.size() == 100 || exported.size() == 1_000) {
            pushed[0] +=
                mirror.pushAll(work.resolve(exported.size() == 100 ? "index-b" : "index-a"));
            mirror.commit();
          }
        });
    Set<String> seen = new HashSet<>(exported);
    assertEquals(exported.size(), seen.size(), "an article exported twice");
    assertTrue(seen.containsAll(before), "an article present before the export was missed");
    Set<String> possible = new HashSet<>(before);
    possible.addAll(added);
    assertTrue(possible.containsAll(seen), "an article that was never written");
    assertEquals(SMALL_PART + 2_000, pushed[0], "pushed during the export");
    assertEquals(SMALL_PART + 2_000, solr.search(SearchRequest.of(""), false).total());
  }

  private static List<String> allIds(Path index) throws IOException {
    List<String> ids = new ArrayList<>();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      for (var leaf : reader.leaves()) {
        var stored = leaf.reader().storedFields();
        var live = leaf.reader().getLiveDocs();
        for (int d = 0; d < leaf.reader().maxDoc(); d++) {
          if (live != null && !live.get(d)) {
            continue;
          }
          ids.add(stored.document(d).get(org.dateline.index.Schema.ID));
        }
      }
    }
    return ids;
  }

  @Test
  @Order(3)
  void withOneNodeStoppedSearchesCountEverythingAndIngestGoesOn() throws Exception {
    List<SearchRequest> plan = plan().subList(SHAPES.size(), SHAPES.size() + 8);
    List<SearchResponse> whole = new ArrayList<>();
    for (SearchRequest r : plan) {
      whole.add(solr.search(r, false));
    }
    cluster.stop(2);
    try {
      // each request is two Solr requests, in turn to the three nodes: every node is asked
      for (int i = 0; i < plan.size(); i++) {
        SearchResponse got = solr.search(plan.get(i), false);
        assertEquals(whole.get(i).total(), got.total(), "node down: " + plan.get(i).query());
        assertEquals(whole.get(i).facets(), got.facets(), "node down: " + plan.get(i).query());
      }
      SolrMirror mirror = new SolrMirror(nodes, COLLECTION);
      assertEquals(SMALL_PART, mirror.pushAll(work.resolve("index-c")));
      mirror.commit();
      assertEquals(ALL, solr.search(SearchRequest.of(""), false).total());
    } finally {
      cluster.start(2);
    }
    // Back: once every replica is active again, each holds every article of its shard.
    Map<String, List<Long>> perShard = replicaCounts();
    long total = 0;
    for (List<Long> counts : perShard.values()) {
      assertEquals(2, counts.size(), "replicas of a shard: " + perShard);
      assertEquals(counts.get(0), counts.get(1), "replicas of a shard disagree: " + perShard);
      total += counts.get(0);
    }
    assertEquals(ALL, total, "per shard: " + perShard);
    for (String url : cluster.urls()) {
      try (SolrNodes one = SolrNodes.of(List.of(url))) {
        SolrBackend direct = new SolrBackend(one, COLLECTION, Limits.defaults());
        for (int i = 0; i < 6; i++) {
          assertEquals(ALL, direct.search(SearchRequest.of(""), false).total(), url);
        }
      }
    }
  }

  @Test
  @Order(4)
  void anIndexRunWithPruneSendsOnlyWhatChangedAndDeletesWhatIsGone() throws Exception {
    // The collection holds a's 2,000 articles and b's and c's (pushed from other indexes). Index a
    // loses one of its two files: `dateline index --prune --backend solr` makes the collection
    // hold a's remaining 1,000 articles alone, none of them sent again.
    long held = solr.search(SearchRequest.of(""), false).total();
    Files.delete(work.resolve("corpus-a").resolve("reut2-001.sgm"));
    String out =
        dateline(
            "index",
            work.resolve("corpus-a").toString(),
            "--index",
            work.resolve("index-a").toString(),
            "--prune",
            "--no-entities",
            "--quiet",
            "--backend",
            "solr",
            "--solr",
            solrArg,
            "--collection",
            COLLECTION);
    assertTrue(
        out.contains(
            "Pushed 0 articles to the Solr collection news and deleted "
                + (held - 1_000)
                + " (1000 unchanged)"),
        out);
    assertEquals(1_000, solr.search(SearchRequest.of(""), false).total());
    Set<String> left = new HashSet<>(allIds(work.resolve("index-a")));
    Set<String> found = new HashSet<>();
    solr.export(
        new SearchRequest("", Map.of(), null, null, SortOrder.NEWEST, 1, 10, null, 0, 10),
        false,
        hit -> found.add(hit.id()));
    assertEquals(left, found);
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  /**
   * Each shard's replicas' own article counts (distrib=false), read once every replica of the
   * collection is active (waiting up to 60 s).
   */
  private Map<String, List<Long>> replicaCounts() throws Exception {
    long until = System.currentTimeMillis() + 60_000;
    while (true) {
      var shards =
          get(cluster.urls().get(0)
                  + "/admin/collections?action=CLUSTERSTATUS&wt=json&collection="
                  + COLLECTION)
              .path("cluster")
              .path("collections")
              .path(COLLECTION)
              .path("shards");
      boolean active = true;
      Map<String, List<Long>> counts = new java.util.TreeMap<>();
      for (var shard : shards.properties()) {
        List<Long> perReplica = new ArrayList<>();
        for (var entry : shard.getValue().path("replicas").properties()) {
          var replica = entry.getValue();
          active &= replica.path("state").asText().equals("active");
          String core = replica.path("base_url").asText() + "/" + replica.path("core").asText();
          perReplica.add(
              get(core + "/select?q=*:*&rows=0&distrib=false&wt=json")
                  .path("response")
                  .path("numFound")
                  .asLong());
        }
        counts.put(shard.getKey(), perReplica);
      }
      boolean agree = counts.values().stream().allMatch(c -> c.stream().distinct().count() == 1);
      if ((active && agree) || System.currentTimeMillis() > until) {
        return counts;
      }
      Thread.sleep(500);
    }
  }

  private static com.fasterxml.jackson.databind.JsonNode get(String url) throws Exception {
    try (var http = java.net.http.HttpClient.newHttpClient()) {
      var rsp =
          http.send(
              java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(rsp.body());
    }
  }
}
