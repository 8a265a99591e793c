package org.dateline.pipeline;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.dateline.enrich.Article;
import org.dateline.enrich.entities.EntityResolver;
import org.dateline.enrich.entities.Mention;
import org.dateline.enrich.entities.Registry;
import org.dateline.enrich.entities.Resolution;
import org.dateline.enrich.entities.ResolverMemory;
import org.dateline.index.ArticleIndex;
import org.dateline.index.EntityCatalog;
import org.dateline.index.Schema;
import org.dateline.index.SourceFile;

/**
 * Resolves entities across the index and keeps the {@link EntityCatalog}. Incremental by default:
 * only articles no pass has seen ({@link Schema#ENTITY_PASS} still 0) are resolved, against the
 * catalog's memory of the archive, and written again when their entities changed; an earlier
 * article is read and rewritten only when the new ones changed the name or type of one of its
 * entities (found by a query on that entity's facet field). The whole index is resolved again when
 * asked ({@code dateline entities apply}, {@code --full-entity-pass}) or when the catalog cannot be
 * trusted: missing or unreadable, written for another registry, not the one the last commit names,
 * or counting articles that were since replaced or removed. No source file, no Tika, no recogniser.
 * Not thread-safe: one pass at a time per index.
 */
public final class EntityPass {

  /**
   * What a pass did.
   *
   * @param full whether every article was resolved
   * @param articles articles the catalog counts now
   * @param resolved new articles this pass resolved (all of them when full)
   * @param reread earlier articles read again because an entity they name changed
   * @param rewritten articles written again because their entities changed
   * @param rewrittenEarlier of those, articles an earlier pass had resolved
   * @param entities entities in the catalog now
   */
  public record Result(
      boolean full,
      long articles,
      int resolved,
      int reread,
      int rewritten,
      int rewrittenEarlier,
      int entities,
      long elapsedMs) {}

  /**
   * A stored article and the source identity it is rewritten with, its story and its stored MinHash
   * values ({@link Schema#MINHASH_VALUES}; null when it has none: a short text, or written without
   * stories), which a rewrite carries over instead of fingerprinting the text again.
   */
  record Stored(Article article, SourceFile source, long story, BytesRef minHashValues) {}

  private final ArticleIndex index;
  private final EntityResolver resolver;
  private final String registry;
  private final int threads;
  private final long start = System.currentTimeMillis();

  private EntityPass(ArticleIndex index, int threads) throws IOException {
    this.index = index;
    this.threads = Math.max(1, threads);
    Registry user = Registry.read(index.dir());
    this.resolver = new EntityResolver(user);
    this.registry = user.over(Registry.shipped()).fingerprint();
  }

  /** Resolves what is new since the last pass (everything when the catalog is not usable). */
  public static Result run(ArticleIndex index) throws IOException {
    return run(index, false);
  }

  /** Resolves, rewrites and commits, then writes the catalog; with {@code full}, every article. */
  public static Result run(ArticleIndex index, boolean full) throws IOException {
    return run(index, full, 1);
  }

  /**
   * {@link #run(ArticleIndex, boolean)} with a whole-archive pass spread over {@code threads}: each
   * story's own reading and the articles' rewriting run on them; counting stays in story order, so
   * the catalog and every article's entities are the same as with one.
   */
  public static Result run(ArticleIndex index, boolean full, int threads) throws IOException {
    EntityPass pass = new EntityPass(index, threads);
    if (full) {
      return pass.full();
    }
    Result done;
    try (DirectoryReader reader = DirectoryReader.open(index.writer())) {
      done = pass.incremental(new IndexSearcher(reader));
    }
    return done != null ? done : pass.full();
  }

  /** The incremental pass, or null when the catalog cannot be trusted (then a full one runs). */
  private Result incremental(IndexSearcher searcher) throws IOException {
    EntityCatalog.Header header = EntityCatalog.readHeader(index.dir());
    if (header == null
        || !registry.equals(header.registry())
        || !String.valueOf(header.generation()).equals(committedGeneration())
        // only a pass marks articles: fewer marked than counted means some were replaced or removed
        || searcher.count(resolvedByAPass()) != header.articles()) {
      return null;
    }
    List<Stored> added =
        stored(
            searcher,
            new BooleanQuery.Builder()
                .add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER)
                .add(resolvedByAPass(), BooleanClause.Occur.MUST_NOT)
                .build());
    if (added.isEmpty()) {
      return new Result(
          false,
          header.articles(),
          0,
          0,
          0,
          0,
          header.entityCount(),
          System.currentTimeMillis() - start);
    }
    EntityCatalog catalog = EntityCatalog.read(index.dir());
    return catalog == null || catalog.generation() != header.generation()
        ? null
        : incremental(searcher, catalog, added);
  }

  private String committedGeneration() throws IOException {
    return index.lastCommitData().get(ArticleIndex.ENTITY_CATALOG_KEY);
  }

  /**
   * Every article, read twice from one snapshot so that none is held: first counted, then, once
   * names are joined across the archive, resolved, rewritten when changed, and counted in.
   */
  private Result full() throws IOException {
    String committed = committedGeneration();
    long generation = (committed == null ? 0 : Long.parseLong(committed)) + 1;
    EntityCatalog.Tally tally = new EntityCatalog.Tally();
    int[] counts = new int[2]; // articles, rewritten
    Resolution resolution;
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads, Thread.ofPlatform().daemon().name("dateline-entity-pass-", 0).factory());
    try (DirectoryReader reader = DirectoryReader.open(index.writer())) {
      IndexSearcher searcher = new IndexSearcher(reader);
      EntityResolver.Reading reading = resolver.reading(ResolverMemory.empty());
      forEachBatch(searcher, new MatchAllDocsQuery(), batch -> reading.addAll(docs(batch), pool));
      resolution = reading.resolve();
      // an index written before the field existed gets it from one rewritten article
      boolean[] fieldKnown = {
        FieldInfos.getMergedFieldInfos(reader).fieldInfo(Schema.ENTITY_PASS) != null
      };
      forEachBatch(
          searcher,
          new MatchAllDocsQuery(),
          batch -> {
            List<List<Mention>> mentions = resolution.mentions(docs(batch), pool);
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
              counts[0]++;
              boolean first = !fieldKnown[0];
              counts[1] +=
                  write(
                          batch.get(i),
                          mentions.get(i),
                          generation,
                          tally,
                          first,
                          first ? null : pool,
                          writes)
                      ? 1
                      : 0;
              fieldKnown[0] = true;
            }
            awaitAll(writes);
          });
      // the rewrites' segments flushed on the pool, not one after the other by the commit
      BufferFlush.onEach(pool, threads, index.writer());
    } finally {
      pool.shutdownNow();
    }
    EntityCatalog c = finish(generation, tally, Set.of(), counts[0], resolution.memory());
    return new Result(
        true,
        c.articles(),
        counts[0],
        0,
        counts[1],
        0,
        c.entities().size(),
        System.currentTimeMillis() - start);
  }

  private Result incremental(IndexSearcher searcher, EntityCatalog catalog, List<Stored> added)
      throws IOException {
    long generation = catalog.generation() + 1;
    Resolution before = resolver.resolve(catalog.memory(), List.of());
    Resolution after = resolver.resolve(catalog.memory(), docs(added));
    Map<String, Stored> earlier = new LinkedHashMap<>();
    // a name alone ("Brown") that now joins another full name, or is now dropped or kept
    for (String word : after.aloneNamesChangedSince(before)) {
      for (Stored s : stored(searcher, marked(new TermQuery(new Term(Schema.BODY, word))))) {
        earlier.putIfAbsent(s.article().id(), s);
      }
    }
    for (Resolution.Label changed : after.changedSince(before)) {
      for (Stored s : stored(searcher, marked(entityQuery(changed)))) {
        earlier.putIfAbsent(s.article().id(), s);
      }
    }
    EntityCatalog.Tally tally = new EntityCatalog.Tally(catalog);
    int rewritten = 0;
    for (Stored s : added) {
      rewritten += write(s, after, generation, tally, false) ? 1 : 0;
    }
    int rewrittenEarlier = 0;
    Set<String> shrunk = new HashSet<>();
    for (Stored s : earlier.values()) {
      List<Mention> mentions = after.mentions(doc(s.article()));
      if (!mentions.equals(s.article().mentions())) {
        Set<String> left = tally.remove(s.article());
        write(s, after, generation, tally, false);
        left.removeAll(EntityCatalog.Tally.ids(mentions));
        shrunk.addAll(left);
        rewrittenEarlier++;
      }
    }
    EntityCatalog c =
        finish(generation, tally, shrunk, catalog.articles() + added.size(), after.memory());
    return new Result(
        false,
        c.articles(),
        added.size(),
        earlier.size(),
        rewritten + rewrittenEarlier,
        rewrittenEarlier,
        c.entities().size(),
        System.currentTimeMillis() - start);
  }

  /** Writes the article again when its entities changed, marks it resolved, counts it in. */
  private boolean write(
      Stored s, Resolution resolution, long generation, EntityCatalog.Tally tally, boolean always)
      throws IOException {
    return write(s, resolution.mentions(doc(s.article())), generation, tally, always, null, null);
  }

  /**
   * Writes the article with {@code mentions} when they changed (on {@code pool} when given, its
   * task added to {@code writes}), marks it resolved after that write, counts it in.
   */
  private boolean write(
      Stored s,
      List<Mention> mentions,
      long generation,
      EntityCatalog.Tally tally,
      boolean always,
      ExecutorService pool,
      List<Future<?>> writes)
      throws IOException {
    Article a = s.article();
    boolean changed = !mentions.equals(a.mentions());
    if (changed || always) {
      Article again = a.withEntities(Article.namesOf(mentions), mentions);
      a = again;
      if (pool != null) {
        writes.add(
            pool.submit(
                () -> {
                  index.rewrite(again, s.source(), s.story(), s.minHashValues());
                  index.markResolved(again.id(), generation);
                  return null;
                }));
      } else {
        index.rewrite(again, s.source(), s.story(), s.minHashValues());
        index.markResolved(again.id(), generation);
      }
    } else {
      index.markResolved(a.id(), generation);
    }
    tally.add(a);
    return changed;
  }

  /** Waits for the rewrites of a batch; the first failure is thrown, the others cancelled. */
  private static void awaitAll(List<Future<?>> writes) throws IOException {
    try {
      for (Future<?> w : writes) {
        w.get();
      }
    } catch (InterruptedException e) {
      writes.forEach(w -> w.cancel(true));
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("entity pass interrupted");
    } catch (ExecutionException e) {
      writes.forEach(w -> w.cancel(true));
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IOException(e.getCause());
    }
  }

  /**
   * Commits the rewritten articles with the catalog's generation, then writes the catalog: a crash
   * between the two leaves a catalog of another generation, which the next pass does not trust.
   */
  private EntityCatalog finish(
      long generation,
      EntityCatalog.Tally tally,
      Set<String> shrunk,
      long articles,
      ResolverMemory memory)
      throws IOException {
    if (!shrunk.isEmpty()) {
      try (DirectoryReader reader = DirectoryReader.open(index.writer())) {
        IndexSearcher searcher = new IndexSearcher(reader);
        for (String id : shrunk) {
          EntityCatalog.Entity e = tally.peek(id);
          if (e.documents() > 0) {
            recountDates(searcher, e, tally);
          }
        }
      }
    }
    index.commit(Map.of(ArticleIndex.ENTITY_CATALOG_KEY, String.valueOf(generation)));
    List<EntityCatalog.Entity> entities = tally.entities();
    EntityCatalog c =
        new EntityCatalog(
            EntityCatalog.FORMAT,
            generation,
            registry,
            articles,
            entities.size(),
            entities,
            memory);
    c.write(index.dir());
    return c;
  }

  /** An entity that lost articles: its first and last printed day again, from the articles left. */
  private static void recountDates(
      IndexSearcher searcher, EntityCatalog.Entity e, EntityCatalog.Tally tally)
      throws IOException {
    long[] range = {Long.MAX_VALUE, Long.MIN_VALUE};
    forEachMatch(
        searcher,
        entityQuery(new Resolution.Label(e.type(), e.canonical())),
        leaf -> {
          // the printed day: local wall-clock millis, whose UTC day is the day the outlet printed
          NumericDocValues dates = leaf.reader().getNumericDocValues(Schema.LOCAL_DATE);
          return doc -> {
            if (dates != null && dates.advanceExact(doc)) {
              range[0] = Math.min(range[0], dates.longValue());
              range[1] = Math.max(range[1], dates.longValue());
            }
          };
        });
    boolean dated = range[0] <= range[1];
    tally.dates(e.id(), dated ? day(range[0]) : null, dated ? day(range[1]) : null);
  }

  private static String day(long epochMs) {
    return Instant.ofEpochMilli(epochMs).atZone(ZoneOffset.UTC).toLocalDate().toString();
  }

  /** The articles that name an entity: a drill-down on its facet field. */
  private static Query entityQuery(Resolution.Label entity) {
    DrillDownQuery q = new DrillDownQuery(Schema.facetsConfig());
    q.add(entity.type().jsonName(), entity.name());
    return q;
  }

  /** {@code q} restricted to articles a pass has resolved. */
  private static Query marked(Query q) {
    return new BooleanQuery.Builder()
        .add(q, BooleanClause.Occur.FILTER)
        .add(resolvedByAPass(), BooleanClause.Occur.FILTER)
        .build();
  }

  /** Articles some pass has resolved (generations start at 1). */
  private static Query resolvedByAPass() {
    return NumericDocValuesField.newSlowRangeQuery(Schema.ENTITY_PASS, 1, Long.MAX_VALUE);
  }

  private static List<EntityResolver.Doc> docs(List<Stored> stored) {
    List<EntityResolver.Doc> docs = new ArrayList<>(stored.size());
    for (Stored s : stored) {
      docs.add(doc(s.article()));
    }
    return docs;
  }

  private static EntityResolver.Doc doc(Article a) {
    return new EntityResolver.Doc(a.id(), a.text(), a.recognised(), a.outlet(), a.title());
  }

  /** The live articles matching {@code query}, read from their stored fields. */
  private static List<Stored> stored(IndexSearcher searcher, Query query) throws IOException {
    List<Stored> out = new ArrayList<>();
    forEachStored(searcher, query, out::add);
    return out;
  }

  /** What to do with one stored article. */
  interface StoredMatch {
    void on(Stored stored) throws IOException;
  }

  static void forEachStored(IndexSearcher searcher, Query query, StoredMatch match)
      throws IOException {
    forEachMatch(
        searcher,
        query,
        leaf -> {
          StoredFields fields = leaf.reader().storedFields();
          BinaryDocValues values = leaf.reader().getBinaryDocValues(Schema.MINHASH_VALUES);
          return doc -> {
            Document d = fields.document(doc);
            BytesRef kept =
                values != null && values.advanceExact(doc)
                    ? BytesRef.deepCopyOf(values.binaryValue())
                    : null;
            match.on(
                new Stored(Schema.toArticle(d), Schema.toSourceFile(d), Schema.storyOf(d), kept));
          };
        });
  }

  /** What to do with the matches of one segment. */
  private interface LeafMatches {
    DocMatch on(LeafReaderContext leaf) throws IOException;
  }

  /** What to do with a batch of stored articles, in index order. */
  interface StoredBatch {
    void on(List<Stored> batch) throws IOException;
  }

  /** Stored articles a batch holds: work for the pool, and few articles held at once. */
  static final int BATCH = 512;

  /**
   * Batches read ahead of the one being worked on. Reading a batch (inflating stored values,
   * building articles) is one thread's work, and the pool waited for it between batches: on two
   * cores, a core stood idle for about half the pass.
   */
  private static final int READ_AHEAD = 2;

  /**
   * Hands {@code each} the stored articles matching {@code query} a batch at a time, in index
   * order, on this thread, while a reading thread reads the next batches from the same snapshot.
   */
  static void forEachBatch(IndexSearcher searcher, Query query, StoredBatch each)
      throws IOException {
    ReadAhead ahead = new ReadAhead(searcher, query);
    Thread reading =
        Thread.ofPlatform().daemon().name("dateline-entity-pass-reader").start(ahead::run);
    try {
      for (List<Stored> batch = ahead.next(); batch != null; batch = ahead.next()) {
        each.on(batch);
      }
    } finally {
      ahead.stop();
      try {
        reading.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The reading side of {@link #forEachBatch}: batches, then an end or the reading's failure. */
  private static final class ReadAhead {
    private static final Object END = new Object();

    private final IndexSearcher searcher;
    private final Query query;
    private final java.util.concurrent.BlockingQueue<Object> ready =
        new java.util.concurrent.ArrayBlockingQueue<>(READ_AHEAD);
    private volatile boolean stopped;

    ReadAhead(IndexSearcher searcher, Query query) {
      this.searcher = searcher;
      this.query = query;
    }

    /** Reads every batch into the queue (run on the reading thread). */
    void run() {
      List<List<Stored>> batch = new ArrayList<>(List.of(new ArrayList<>(BATCH)));
      try {
        forEachStored(
            searcher,
            query,
            s -> {
              batch.getFirst().add(s);
              if (batch.getFirst().size() == BATCH) {
                put(batch.getFirst());
                batch.set(0, new ArrayList<>(BATCH));
              }
            });
        if (!batch.getFirst().isEmpty()) {
          put(batch.getFirst());
        }
        put(END);
      } catch (Stopped e) {
        // the working side stopped first: nothing waits for more
      } catch (IOException | RuntimeException | Error e) {
        try {
          put(e);
        } catch (Stopped stopped) {
          // nothing waits
        }
      }
    }

    private void put(Object item) {
      if (stopped) {
        throw new Stopped();
      }
      try {
        while (!ready.offer(item, 50, java.util.concurrent.TimeUnit.MILLISECONDS)) {
          if (stopped) {
            throw new Stopped();
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Stopped();
      }
    }

    /** The next batch, or null after the last; the reading's failure is thrown here. */
    @SuppressWarnings("unchecked")
    List<Stored> next() throws IOException {
      Object item;
      try {
        item = ready.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("entity pass interrupted");
      }
      if (item == END) {
        return null;
      }
      switch (item) {
        case IOException e -> throw new IOException("reading stored articles failed", e);
        case RuntimeException e -> throw e;
        case Error e -> throw e;
        default -> {
          return (List<Stored>) item;
        }
      }
    }

    void stop() {
      stopped = true;
      ready.clear();
    }

    /** Thrown on the reading thread when the working side has stopped. */
    private static final class Stopped extends RuntimeException {
      Stopped() {
        super(null, null, false, false);
      }
    }
  }

  /** What to do with one matching document of a segment. */
  private interface DocMatch {
    void on(int doc) throws IOException;
  }

  private static void forEachMatch(IndexSearcher searcher, Query query, LeafMatches matches)
      throws IOException {
    Weight weight =
        searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Scorer scorer = weight.scorer(leaf);
      if (scorer == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      DocMatch match = matches.on(leaf);
      DocIdSetIterator it = scorer.iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (live == null || live.get(doc)) {
          match.on(doc);
        }
      }
    }
  }
}
