package org.dateline.alert;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.LongAdder;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorConfiguration;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MonitorQuerySerializer;
import org.apache.lucene.monitor.MultiMatchingQueries;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.QueryDecomposer;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;
import org.dateline.index.Schema;

/**
 * Reverse search with Lucene's monitor: every alert's query is registered once, and each new
 * article (a Lucene document as the index writes it) is matched against them all. A presearcher
 * indexes the queries by their terms, so an article is run only against the queries that could
 * match it: two passes of term filtering. Each query is kept whole (the monitor's default splits a
 * disjunction into parts, each indexed and run on its own: a plain word, which searches four
 * fields, became four queries), and candidates are run by {@link FirstMatch}. A server's matcher
 * keeps its query index on disk ({@link #open}), so a restart parses the saved searches again but
 * does not index them again. Thread-safe, as {@link Monitor} is.
 */
public final class AlertMatcher implements Closeable {

  /** Term-filtering passes of the presearcher. */
  static final int PASSES = 2;

  /**
   * The on-disk query index's folder name: a new layout of ours (or of the presearcher) gets a
   * folder of its own, built from the saved alerts, and the older folders are deleted.
   */
  static final String FOLDER = "alerts-monitor-3-p" + PASSES;

  /** How every layout's folder name begins (older ones are deleted at open). */
  private static final String LAYOUTS = "alerts-monitor-";

  /** Articles matched together in one in-memory index (a Reuters file holds a thousand). */
  private static final int BATCH = MatchRun.MAX_DOCS;

  /** An alert's search as saved and the query it parses into now (null: it cannot run). */
  record Parsed(String search, Query query) {}

  private final Analyzer analyzer;
  private final NormlessPresearcher presearcher;

  /** The monitor; null until first needed when the table came from its snapshot. */
  private Monitor monitor;

  private final CandidateTable table;

  /** The query index's folder (null: in memory only). */
  private final Path folder;

  /** What a monitor opened later loads its saved queries as (null once opened). */
  private Map<String, Parsed> toLoad;

  /** Each registered alert's search as saved: the table's snapshot holds them. */
  private final Map<String, String> searches = new java.util.concurrent.ConcurrentHashMap<>();

  /** Whether the table may differ from its snapshot on disk. */
  private volatile boolean changed;

  /** Whether a change failed part way: the table and the query index may differ, no snapshot. */
  private volatile boolean broken;

  private boolean fromSnapshot;
  private final LongAdder queriesRun = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final MatchForms forms = new MatchForms(); // the monitor's own matching (tests)
  private int parsedAtOpen;

  /** The alerts' numbers, as the table tells its candidates and {@link #match} its matches. */
  private final AlertNumbers numbers;

  /** A matcher in memory only (measuring, testing). */
  public AlertMatcher() throws IOException {
    this.analyzer = Schema.indexAnalyzer();
    this.presearcher = presearcher();
    this.monitor = new Monitor(analyzer, presearcher, whole(new MonitorConfiguration()));
    this.numbers = new AlertNumbers();
    this.table = new CandidateTable(PASSES, numbers);
    this.folder = null;
  }

  private AlertMatcher(
      Analyzer analyzer,
      NormlessPresearcher presearcher,
      Monitor monitor,
      CandidateTable table,
      Path folder,
      AlertNumbers numbers) {
    this.analyzer = analyzer;
    this.presearcher = presearcher;
    this.monitor = monitor;
    this.table = table;
    this.folder = folder;
    this.numbers = numbers;
  }

  /** Where the alerts' numbers in {@link #match}'s sets are named. */
  AlertNumbers numbers() {
    return numbers;
  }

  /** {@link #open(Path, Map, AlertNumbers)}, numbering the alerts afresh. */
  static AlertMatcher open(Path folder, Map<String, Parsed> wanted) throws IOException {
    return open(folder, wanted, new AlertNumbers());
  }

  /**
   * The matcher whose query index is kept in {@code folder}, brought in line with {@code wanted}
   * (by alert id): a saved query whose search and parse are unchanged is taken as indexed; the
   * others are registered again, and what is no longer wanted is removed. An unreadable folder is
   * rebuilt.
   */
  static AlertMatcher open(Path folder, Map<String, Parsed> wanted, AlertNumbers numbers)
      throws IOException {
    deleteOlderLayouts(folder);
    Map<String, Boolean> loaded = new HashMap<>();
    Analyzer analyzer = Schema.indexAnalyzer();
    NormlessPresearcher presearcher = presearcher();
    AlertMatcher snapshot = fromSnapshot(folder, wanted, analyzer, presearcher, numbers);
    if (snapshot != null) {
      return snapshot;
    }
    Monitor monitor = null;
    CandidateTable table = new CandidateTable(PASSES, numbers);
    try {
      monitor = persistent(folder, wanted, loaded, analyzer, presearcher);
      saved(folder, wanted, loaded, table);
    } catch (org.apache.lucene.store.LockObtainFailedException inUse) {
      throw inUse; // another process has it open: never rebuilt under its feet
    } catch (IOException | RuntimeException unreadable) {
      org.slf4j.LoggerFactory.getLogger(AlertMatcher.class)
          .warn("the alerts' query index is rebuilt: {}", unreadable.getMessage());
      if (monitor != null) {
        monitor.close();
      }
      deleteTree(folder);
      loaded.clear();
      monitor = persistent(folder, wanted, loaded, analyzer, presearcher);
      table = new CandidateTable(PASSES, numbers);
    }
    AlertMatcher matcher = new AlertMatcher(analyzer, presearcher, monitor, table, folder, numbers);
    matcher.changed = true;
    for (Map.Entry<String, Boolean> e : loaded.entrySet()) {
      if (e.getValue()) {
        matcher.searches.put(e.getKey(), wanted.get(e.getKey()).search());
      }
    }
    try {
      matcher.reconcile(wanted, loaded);
    } catch (IOException | RuntimeException e) {
      matcher.close();
      throw e;
    }
    return matcher;
  }

  /**
   * The matcher of the table's snapshot ({@link TableSnapshot}), when there is one that fits: the
   * same code (every search {@code wanted} deferred, as {@link ParsedBy} allows), the query index
   * at the commit the snapshot was made at, the same alerts and searches. The monitor is opened
   * when first needed (a change of the alerts, {@link #size} aside), its queries then loaded as
   * {@code wanted} says. Null when there is no such snapshot.
   */
  private static AlertMatcher fromSnapshot(
      Path folder,
      Map<String, Parsed> wanted,
      Analyzer analyzer,
      NormlessPresearcher presearcher,
      AlertNumbers numbers) {
    for (Parsed p : wanted.values()) {
      if (p.query() != null && !(p.query() instanceof DeferredQuery)) {
        return null; // parsed by other code: the index is brought in line query by query
      }
    }
    long generation = generation(folder);
    if (generation < 0) {
      return null;
    }
    CandidateTable table = new CandidateTable(PASSES, numbers);
    Map<String, String> searches = TableSnapshot.read(folder, generation, wanted, table);
    if (searches == null) {
      return null;
    }
    AlertMatcher matcher = new AlertMatcher(analyzer, presearcher, null, table, folder, numbers);
    matcher.searches.putAll(searches);
    matcher.toLoad = wanted;
    matcher.fromSnapshot = true;
    return matcher;
  }

  /** The generation of the query index's last commit in {@code folder} (-1: none, unreadable). */
  private static long generation(Path folder) {
    if (!Files.isDirectory(folder)) {
      return -1;
    }
    try (org.apache.lucene.store.Directory dir = org.apache.lucene.store.FSDirectory.open(folder)) {
      return org.apache.lucene.index.SegmentInfos.getLastCommitGeneration(dir);
    } catch (IOException e) {
      return -1;
    }
  }

  /** Whether this matcher's table came from its snapshot (its monitor not loaded at open). */
  boolean fromSnapshot() {
    return fromSnapshot;
  }

  /** The monitor, opened now if the opening left it for later. */
  private synchronized Monitor monitor() throws IOException {
    if (monitor == null) {
      Map<String, Boolean> ignored = new HashMap<>(); // the snapshot said every query is as saved
      monitor = persistent(folder, toLoad, ignored, analyzer, presearcher);
      toLoad = null;
    }
    return monitor;
  }

  /**
   * Puts in {@code table} the alerts the opening took as indexed (loaded and unchanged), with the
   * candidate terms read from the query index on disk: what the presearcher chose for them when
   * they were registered. Their forms are made at first need (their searches are not parsed here).
   */
  private static void saved(
      Path folder, Map<String, Parsed> wanted, Map<String, Boolean> loaded, CandidateTable table)
      throws IOException {
    if (!loaded.containsValue(Boolean.TRUE)) {
      return; // a new folder, or nothing in it kept
    }
    try (org.apache.lucene.store.Directory dir = org.apache.lucene.store.FSDirectory.open(folder);
        org.apache.lucene.index.DirectoryReader reader =
            org.apache.lucene.index.DirectoryReader.open(dir)) {
      Set<String> put =
          table.putSaved(
              reader, id -> Boolean.TRUE.equals(loaded.get(id)) ? wanted.get(id).query() : null);
      for (Map.Entry<String, Boolean> e : loaded.entrySet()) {
        if (e.getValue() && !put.contains(e.getKey())) {
          throw new IOException("alert " + e.getKey() + " has no terms in the query index");
        }
      }
    }
  }

  private static Monitor persistent(
      Path folder,
      Map<String, Parsed> wanted,
      Map<String, Boolean> loaded,
      Analyzer analyzer,
      NormlessPresearcher presearcher)
      throws IOException {
    MonitorQuerySerializer serializer =
        new MonitorQuerySerializer() {
          @Override
          public MonitorQuery deserialize(BytesRef bytes) {
            StandingEntry e = StandingEntry.read(bytes);
            Parsed p = wanted.get(e.id());
            if (p == null || p.query() == null || !p.search().equals(e.search())) {
              loaded.put(e.id(), false); // gone, refused or changed: removed or registered again
              return new MonitorQuery(e.id(), new MatchNoDocsQuery(), e.search(), Map.of());
            }
            // a deferred query: the same code made this entry from this search (ParsedBy)
            loaded.put(
                e.id(),
                p.query() instanceof DeferredQuery
                    || StandingEntry.digest(p.query()).equals(e.parsed()));
            return new MonitorQuery(e.id(), p.query(), p.search(), Map.of());
          }

          @Override
          public BytesRef serialize(MonitorQuery query) {
            return StandingEntry.of(query).bytes();
          }
        };
    MonitorConfiguration config = whole(new MonitorConfiguration());
    config.setIndexPath(folder, serializer);
    return new Monitor(analyzer, presearcher, config);
  }

  private void reconcile(Map<String, Parsed> wanted, Map<String, Boolean> loaded)
      throws IOException {
    List<String> remove = new ArrayList<>();
    for (Map.Entry<String, Boolean> e : loaded.entrySet()) {
      Parsed p = wanted.get(e.getKey());
      if (p == null || p.query() == null) {
        remove.add(e.getKey());
      }
    }
    if (!remove.isEmpty()) {
      monitor().deleteById(remove);
      remove.forEach(forms::remove);
      remove.forEach(table::remove);
    }
    List<MonitorQuery> add = new ArrayList<>();
    for (Map.Entry<String, Parsed> e : wanted.entrySet()) {
      Parsed p = e.getValue();
      if (p.query() != null && !Boolean.TRUE.equals(loaded.get(e.getKey()))) {
        Query q = parseNow(e.getKey(), p.query());
        if (q != null) {
          add.add(new MonitorQuery(e.getKey(), q, p.search(), Map.of()));
        }
      }
    }
    register(add);
  }

  /** {@code query} parsed, if deferred (null: refused, and logged); counted. */
  private Query parseNow(String id, Query query) {
    if (!(query instanceof DeferredQuery deferred)) {
      return query;
    }
    parsedAtOpen++;
    try {
      return deferred.parsed();
    } catch (org.dateline.search.BadRequestException refused) {
      org.slf4j.LoggerFactory.getLogger(AlertMatcher.class)
          .warn("alert {} is not run: {}", id, refused.getMessage());
      return null;
    }
  }

  /** How many deferred searches the opening had to parse (not in the query index as saved). */
  int parsedAtOpen() {
    return parsedAtOpen;
  }

  private static NormlessPresearcher presearcher() {
    return new NormlessPresearcher(
        new MultipassTermFilteredPresearcher(
            PASSES,
            0f,
            TermFilteredPresearcher.DEFAULT_WEIGHTOR,
            List.of(new PrefixPresearch()),
            Set.of()));
  }

  /** Keeps every query whole: one entry in the query index, one run per candidate article. */
  private static MonitorConfiguration whole(MonitorConfiguration config) {
    return config.setQueryDecomposer(
        new QueryDecomposer() {
          @Override
          public Set<Query> decompose(Query q) {
            return Set.of(q);
          }
        });
  }

  /**
   * Registers (or replaces) the queries of alerts, by alert id, and makes each one's match form.
   * Many queries are registered in parts on every core: the monitor builds each query's index
   * document on the calling thread (a large part of registering 100k, issue 17's profile); adding
   * the documents and the commit are one at a time. The forms are made here, once, rather than at
   * each alert's first candidacy (31 % of the first matching pass with 100k alerts); a deferred
   * query keeps its form for later, when it is parsed.
   */
  public void register(List<MonitorQuery> queries) throws IOException {
    if (queries.isEmpty()) {
      return;
    }
    Monitor m = monitor();
    changed = true;
    int parts = queries.size() < PARALLEL_FROM ? 1 : Runtime.getRuntime().availableProcessors();
    int size = (queries.size() + parts - 1) / parts;
    List<List<MonitorQuery>> split = new ArrayList<>();
    for (int from = 0; from < queries.size(); from += size) {
      split.add(queries.subList(from, Math.min(queries.size(), from + size)));
    }
    try {
      split.parallelStream().forEach(part -> registerPart(m, part));
    } catch (UncheckedIOException e) {
      broken = true;
      throw e.getCause();
    } catch (RuntimeException e) {
      broken = true;
      throw e;
    }
  }

  /** Queries registered in one call from here on split in parts (below: one part, one commit). */
  private static final int PARALLEL_FROM = 2_000;

  private void registerPart(Monitor monitor, List<MonitorQuery> part) {
    Map<Query, CandidateTable.Keys> keys = new IdentityHashMap<>();
    presearcher.tellOnThisThread((q, doc) -> keys.put(q, CandidateTable.keysOf(doc)));
    try {
      monitor.register(part);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      presearcher.tellOnThisThread(null);
    }
    for (MonitorQuery q : part) {
      Query query = q.getQuery();
      CandidateTable.Keys k = keys.get(query);
      if (k == null) { // never so (the monitor indexes each query whole): run it on every article
        k = new CandidateTable.Keys(List.of(), true);
      }
      table.put(q.getId(), query, query instanceof DeferredQuery ? null : MatchForm.of(query), k);
      if (q.getQueryString() != null) {
        searches.put(q.getId(), q.getQueryString());
      }
    }
  }

  void remove(String id) throws IOException {
    Monitor m = monitor();
    changed = true;
    try {
      m.deleteById(id);
    } catch (IOException | RuntimeException e) {
      broken = true;
      throw e;
    }
    forms.remove(id);
    table.remove(id);
    searches.remove(id);
  }

  /** How many alerts are registered (as the table counts them while the monitor is not open). */
  int size() throws IOException {
    synchronized (this) {
      if (monitor == null) {
        return table.size();
      }
    }
    return monitor.getQueryCount();
  }

  /** How many candidates failed when run (skipped, as lucene-monitor skips them). */
  long failed() {
    return failed.sum() + table.refused();
  }

  /** How many candidate queries the presearcher has had run so far (all match calls). */
  public long queriesRun() {
    return queriesRun.sum();
  }

  /**
   * The ids of the alerts each document matches, one set per document, in order. The documents lose
   * their story hash terms (binary, never searched by a query, and the presearcher reads every term
   * as text) and what no query reads ({@link #searchable}).
   */
  public List<Set<String>> match(List<Document> given) throws IOException {
    List<Document> docs = given.stream().map(AlertMatcher::searchable).toList();
    List<Set<String>> out = new ArrayList<>(docs.size());
    for (int start = 0; start < docs.size(); start += BATCH) {
      List<Document> part = docs.subList(start, Math.min(docs.size(), start + BATCH));
      try (MatchBatch batch = MatchBatch.of(analyzer, part)) {
        MatchRun run = new MatchRun(batch.searcher());
        List<MatchedIds> found = new ArrayList<>(part.size());
        for (int i = 0; i < part.size(); i++) {
          found.add(new MatchedIds(numbers)); // each candidate runs once: none is added twice
        }
        int candidates =
            table.candidates(
                batch.reader(),
                (number, form) -> {
                  long matched;
                  try {
                    matched = run.docs(form);
                  } catch (RuntimeException e) { // as the monitor: a failing alert is skipped
                    failed.increment();
                    return;
                  }
                  for (; matched != 0; matched &= matched - 1) {
                    found.get(Long.numberOfTrailingZeros(matched)).addNumber(number);
                  }
                });
        queriesRun.add(candidates);
        out.addAll(found);
      }
    }
    return out;
  }

  /**
   * {@link #match} as lucene-monitor does it: its presearcher's search over the query index, then
   * the same candidates run in their match forms. The reference {@link #match} is compared with.
   */
  List<Set<String>> matchByMonitor(List<Document> given) throws IOException {
    Monitor monitor = monitor();
    List<Document> docs = given.stream().map(AlertMatcher::searchable).toList();
    List<Set<String>> out = new ArrayList<>(docs.size());
    for (int start = 0; start < docs.size(); start += BATCH) {
      List<Document> part = docs.subList(start, Math.min(docs.size(), start + BATCH));
      if (part.size() == 1) {
        MatchingQueries<QueryMatch> m = monitor.match(part.get(0), FirstMatch.factory(forms));
        queriesRun.add(m.getQueriesRun());
        out.add(ids(m.getMatches()));
        continue;
      }
      MultiMatchingQueries<QueryMatch> m =
          monitor.match(part.toArray(Document[]::new), FirstMatch.factory(forms));
      queriesRun.add(m.getQueriesRun());
      for (int i = 0; i < part.size(); i++) {
        out.add(ids(m.getMatches(i)));
      }
    }
    return out;
  }

  /**
   * The fields of {@code doc} a query can match: those with postings or points. Stored values and
   * doc values (the archive's display, sorting and facet counts) are left out of the batch's index,
   * which a query never reads.
   */
  private static Document searchable(Document doc) {
    doc.removeFields(Schema.MINHASH);
    doc.removeFields(Schema.TEXT_HASH);
    Document out = new Document();
    for (org.apache.lucene.index.IndexableField f : doc.getFields()) {
      if (f.fieldType().indexOptions() != org.apache.lucene.index.IndexOptions.NONE
          || f.fieldType().pointDimensionCount() > 0) {
        out.add(f);
      }
    }
    return out;
  }

  private static Set<String> ids(Collection<QueryMatch> matches) {
    Set<String> ids = new TreeSet<>();
    for (QueryMatch m : matches) {
      ids.add(m.getQueryId());
    }
    return ids;
  }

  /** Deletes the query index folders of other layouts beside {@code folder} (never read again). */
  private static void deleteOlderLayouts(Path folder) throws IOException {
    Path parent = folder.toAbsolutePath().getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      return;
    }
    try (var siblings = Files.list(parent)) {
      for (Path p : siblings.toList()) {
        if (p.getFileName().toString().startsWith(LAYOUTS)
            && !p.getFileName().equals(folder.getFileName())) {
          deleteTree(p);
        }
      }
    }
  }

  private static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (var paths = Files.walk(folder)) {
      paths
          .sorted(java.util.Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }

  /**
   * Closes the monitor, then writes the table's snapshot when it changed since the last one (a
   * restart then takes the table as it is); a snapshot that cannot be written is left out, and a
   * change that failed part way leaves none (the next opening loads the query index).
   */
  @Override
  public void close() throws IOException {
    synchronized (this) {
      if (monitor != null) {
        monitor.close();
      }
    }
    if (folder == null || !changed) {
      return;
    }
    try {
      if (broken) {
        Files.deleteIfExists(folder.resolve(TableSnapshot.FILE_NAME));
        return;
      }
      long generation = generation(folder);
      if (generation >= 0) {
        TableSnapshot.write(folder, generation, table, searches);
      }
    } catch (IOException | RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(AlertMatcher.class)
          .warn("the alerts' table snapshot is not written: {}", e.toString());
    }
  }
}
