package org.dateline.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.dateline.TestIndexes;
import org.dateline.cli.Main;
import org.dateline.config.Config;
import org.dateline.config.Limits;
import org.dateline.config.WatchConfig;
import org.dateline.enrich.Article;
import org.dateline.index.ArticleJson;
import org.dateline.index.Schema;
import org.dateline.pipeline.DropFolder;
import org.dateline.pipeline.IngestHook;
import org.dateline.pipeline.LiveIndex;
import org.dateline.search.SearchRequest;
import org.dateline.search.SearchResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import picocli.CommandLine;

/**
 * {@code serve --watch --backend solr --prune} on a real SolrCloud cluster (2 nodes, 2 shards x 1
 * replica, solr/cluster in its own JVM): the sample archive's five files dropped into the watched
 * folder reach the collection before any commit; a file removed from the folder leaves it; the
 * watch commit's entity pass rewrites reach it (every article's Solr copy then equals the index's);
 * a file removed while no server watched leaves it when the next one starts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SolrWatchIT {

  private static final String COLLECTION = "watched";
  private static final String SYRIA = "000_7208853106593958.txt";
  private static final String SYRIA_TITLE =
      "Scores of civilians, fighters depart Daesh stronghold in Syria";

  private Path work;
  private SolrTestCluster cluster;
  private SolrNodes nodes;

  @BeforeAll
  void startCluster() throws Exception {
    work = Files.createTempDirectory("solr-watch-it");
    cluster =
        SolrTestCluster.launch(2, work.resolve("cluster"), work.resolve("cluster.log")).ready();
    String solrArg = String.join(",", cluster.urls());
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
        "1");
    nodes = SolrNodes.of(cluster.urls());
  }

  @AfterAll
  void stop() throws Exception {
    if (nodes != null) {
      nodes.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void droppedRemovedAndRewrittenArticlesReachTheCollection() throws Exception {
    Path index = work.resolve("index");
    Path drop = Files.createDirectories(work.resolve("drop"));
    Config config =
        TestIndexes.config(index)
            .withWatch(new WatchConfig(drop, Duration.ofMillis(50), Duration.ofMinutes(10)));
    StringWriter log = new StringWriter();
    Map<String, Long> firstPush;
    LiveIndex live = LiveIndex.open(config, new PrintWriter(log, true));
    SolrFollower follower =
        SolrFollower.attach(live, IngestHook.NONE, nodes, COLLECTION, new PrintWriter(log, true));
    try {
      live.pruneRemoved(true);
      live.watch(DropFolder.open(drop, Duration.ofMillis(50), Duration.ofHours(1)));
      List<Path> seeds;
      try (var files = Files.list(TestIndexes.SEEDS)) {
        seeds = files.sorted().toList();
      }
      for (Path seed : seeds) {
        Path tmp = drop.resolve("." + seed.getFileName());
        Files.copy(seed, tmp);
        Files.move(tmp, drop.resolve(seed.getFileName()), StandardCopyOption.ATOMIC_MOVE);
      }
      // searchable on the collection long before the watch commit (ten minutes away)
      awaitCount(5, log);
      SearchResponse r =
          new SolrBackend(nodes, COLLECTION, Limits.defaults())
              .search(SearchRequest.of("\"scores of civilians\""), false);
      assertEquals(1, r.total());
      assertEquals(SYRIA_TITLE, r.hits().get(0).title());
      firstPush = solrHashes();
      // a file removed from the folder leaves the collection
      Files.delete(drop.resolve("004_2935b12a5db641dd.txt"));
      awaitCount(4, log);
    } finally {
      live.close(); // the watch commit and its entity pass; the follower is told
      follower.close(); // and sends the rewrites before it stops
    }
    String entityLine = log.toString();
    Matcher m = Pattern.compile("\\((\\d+) rewritten\\)").matcher(entityLine);
    assertTrue(m.find(), entityLine);
    int rewritten = Integer.parseInt(m.group(1));
    assertTrue(rewritten > 0, "the pass rewrote nothing: nothing to check; log: " + entityLine);
    awaitSame(index, log);
    Map<String, Long> after = solrHashes();
    long changed =
        after.entrySet().stream()
            .filter(e -> !e.getValue().equals(firstPush.get(e.getKey())))
            .count();
    assertEquals(rewritten, changed, log.toString());

    // removed while no server watched: gone from the collection once the next one starts
    Files.delete(drop.resolve(SYRIA));
    live = LiveIndex.open(config, new PrintWriter(log, true));
    follower =
        SolrFollower.attach(live, IngestHook.NONE, nodes, COLLECTION, new PrintWriter(log, true));
    try {
      live.pruneRemoved(true);
      live.watch(DropFolder.open(drop, Duration.ofMillis(50), Duration.ofHours(1)));
      awaitCount(3, log);
    } finally {
      live.close();
      follower.close();
    }
    awaitSame(index, log);
    System.out.print(log); // the watch's own lines: the pass, the pushes' times
  }

  /** Waits until the collection counts {@code n} articles (a minute at most). */
  private void awaitCount(long n, StringWriter log) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    long count = -1;
    while (System.nanoTime() < deadline) {
      count = solrHashes().size();
      if (count == n) {
        return;
      }
      Thread.sleep(50);
    }
    assertEquals(n, count, "the collection's count; log: " + log);
  }

  /** Waits until every article's Solr copy is the index's own (its hash), and no other is there. */
  private void awaitSame(Path index, StringWriter log) throws Exception {
    Map<String, Long> local = localHashes(index);
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    Map<String, Long> remote = solrHashes();
    while (!remote.equals(local) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      remote = solrHashes();
    }
    assertEquals(local, remote, log.toString());
  }

  /** Every article id of the collection with the hash its copy was sent with. */
  private Map<String, Long> solrHashes() throws IOException {
    ModifiableSolrParams p = new ModifiableSolrParams();
    p.set("q", "*:*");
    p.set("fl", Schema.ID + "," + SolrFields.HASH);
    p.set("rows", 100);
    Map<String, Long> out = new HashMap<>();
    for (SolrDocument d :
        nodes.ask(n -> n.query(COLLECTION, p, SolrRequest.METHOD.POST)).getResults()) {
      out.put((String) d.getFieldValue(Schema.ID), (Long) d.getFieldValue(SolrFields.HASH));
    }
    return out;
  }

  /** Every article of the index's last commit with the hash its Solr copy should carry. */
  private static Map<String, Long> localHashes(Path index) throws IOException {
    Map<String, Long> out = new HashMap<>();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      for (LeafReaderContext leaf : reader.leaves()) {
        Bits live = leaf.reader().getLiveDocs();
        StoredFields stored = leaf.reader().storedFields();
        for (int d = 0; d < leaf.reader().maxDoc(); d++) {
          if (live == null || live.get(d)) {
            Document doc = stored.document(d);
            Article a = Schema.toArticle(doc);
            out.put(
                a.id(), SolrDocuments.hash(ArticleJson.metadata(a), a.text(), Schema.storyOf(doc)));
          }
        }
      }
    }
    return out;
  }

  private static void dateline(String... args) {
    StringWriter out = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(out));
    assertEquals(0, cl.execute(args), "dateline " + String.join(" ", args) + ": " + out);
  }
}
