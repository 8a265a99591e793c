package org.dateline.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.store.AlreadyClosedException;
import org.dateline.config.Config;
import org.dateline.enrich.Article;
import org.dateline.enrich.Enricher;
import org.dateline.enrich.entities.EntityExtractor;
import org.dateline.enrich.entities.FirstUseExtractor;
import org.dateline.enrich.entities.NerExtractor;
import org.dateline.index.ArticleIndex;
import org.dateline.index.IndexRoots;
import org.dateline.index.Schema;
import org.dateline.index.SourceFile;
import org.dateline.ingest.FailureKind;
import org.dateline.ingest.FileParser;
import org.dateline.ingest.IngestFailure;
import org.dateline.ingest.ParseException;
import org.dateline.ingest.ParseRouter;
import org.dateline.ingest.Sidecar;
import org.dateline.ingest.SourceDoc;

/**
 * One indexing run over folders and files: walks them, skips files whose bytes have not changed
 * since they were indexed, parses the rest on every core (each under a time limit), enriches and
 * writes their articles, and commits regularly so an interrupted run resumes where it stopped. One
 * bad file never stops a run: its failure is typed, counted and reported. Not reusable: one
 * instance per run.
 */
public final class Indexer {

  private static final long COMMIT_EVERY_MS = 30_000;

  private final Config config;
  private final ArticleIndex index;
  private final ParseRouter router;
  private final Enricher enricher;
  private final IngestProgress progress;
  private final List<IngestFailure> failures = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong done = new AtomicLong();

  /** The sizes of the files done, as the walk found them (what progress counts). */
  private final AtomicLong bytesDone = new AtomicLong();

  private final AtomicLong indexed = new AtomicLong();

  /** The commit user data naming this run's roots (and those indexed before), for every commit. */
  private Map<String, String> rootsData = Map.of();

  private final AtomicLong unchanged = new AtomicLong();
  private final AtomicLong articles = new AtomicLong();
  private final AtomicLong sinceCommit = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final StageTimes times;
  private volatile long lastCommitMs = System.currentTimeMillis();
  private ConcurrentHashMap<String, SourceFile> catalog;

  /** Paths new to the index that this indexer has added (a path met again is then replaced). */
  private final Set<String> added = ConcurrentHashMap.newKeySet();

  /** The folder sidecars of the current run, each folder looked at once. */
  private volatile FolderSidecars folderSidecars = new FolderSidecars();

  /** Told of each file's articles once written, before any commit (the server's alerts). */
  private IngestHook hook = IngestHook.NONE;

  /**
   * Told of each file's articles once enriched and put in their stories, just before they are
   * written (a search engine elsewhere, which need not wait for the local write).
   */
  private IngestHook beforeWrite = IngestHook.NONE;

  private final StoryAssigner stories;

  /** Whether this run made {@link #stories} (and so closes it) or was given it. */
  private final boolean ownsStories;

  public Indexer(Config config, ArticleIndex index, Enricher enricher, IngestProgress progress) {
    this(config, index, enricher, progress, new StageTimes());
  }

  /**
   * With the stage counters {@code times}; wrap the enricher's entity extractor with {@link
   * StageTimes#timed} so entity recognition is counted apart from the rest of enrichment.
   */
  public Indexer(
      Config config,
      ArticleIndex index,
      Enricher enricher,
      IngestProgress progress,
      StageTimes times) {
    this(config, index, ParseRouter.parser(config), enricher, progress, times);
  }

  /**
   * With a file parser of the caller's (building one loads Tika's parsers: a tenth of a second).
   */
  Indexer(
      Config config,
      ArticleIndex index,
      FileParser parser,
      Enricher enricher,
      IngestProgress progress,
      StageTimes times) {
    this(config, index, parser, enricher, progress, times, null);
  }

  /** With the story assigner {@code stories} of a long-lived caller (null: one of its own). */
  Indexer(
      Config config,
      ArticleIndex index,
      FileParser parser,
      Enricher enricher,
      IngestProgress progress,
      StageTimes times,
      StoryAssigner stories) {
    this.ownsStories = stories == null;
    this.stories = stories == null ? StoryAssigner.over(index.writer()) : stories;
    this.times = times;
    this.config = config;
    this.index = index;
    this.router = new ParseRouter(config, parser);
    this.enricher = enricher;
    this.progress = progress;
  }

  /**
   * The indexer {@code dateline index} runs: entity recognition as {@code config} says, every stage
   * timed.
   */
  public static Indexer standard(Config config, ArticleIndex index, IngestProgress progress) {
    StageTimes times = new StageTimes();
    return new Indexer(config, index, enricher(config, times), progress, times);
  }

  /** {@link #standard}; without {@code stories}, each article a story of its own (to measure). */
  public static Indexer standard(
      Config config, ArticleIndex index, IngestProgress progress, boolean stories) {
    StageTimes times = new StageTimes();
    return new Indexer(
        config,
        index,
        ParseRouter.parser(config),
        enricher(config, times),
        progress,
        times,
        stories ? null : StoryAssigner.disabled());
  }

  /**
   * The enricher {@code dateline index} uses, its entity recognition timed in {@code times}; a
   * caller that indexes batch after batch builds it once (it reads its tables at construction).
   */
  public static Enricher enricher(Config config, StageTimes times) {
    EntityExtractor ner = config.entities() ? recogniser(config) : EntityExtractor.NONE;
    return Enricher.standard(times.timed(ner));
  }

  /**
   * {@link #enricher}, its recogniser loaded at its first article rather than now: for a server,
   * which answers searches meanwhile (its first file waits for the model, and that wait counts as
   * that file's recognition time).
   */
  static Enricher enricherLoadingAtFirstUse(Config config, StageTimes times) {
    EntityExtractor ner =
        config.entities() ? new FirstUseExtractor(() -> recogniser(config)) : EntityExtractor.NONE;
    return Enricher.standard(times.timed(ner));
  }

  private static EntityExtractor recogniser(Config config) {
    return NerExtractor.shared()
        .within(config.limits().maxEntityChars(), config.limits().entityTimeoutMs());
  }

  /** This indexer, telling {@code next} of each file's articles as they are written. */
  public Indexer withHook(IngestHook next) {
    this.hook = next;
    return this;
  }

  /** This indexer, telling {@code next} of each file's articles just before they are written. */
  public Indexer withBeforeWrite(IngestHook next) {
    this.beforeWrite = next;
    return this;
  }

  /** Indexes every file under {@code roots}; with {@code prune}, drops files that are gone. */
  public IngestReport run(List<Path> roots, boolean prune) throws IOException {
    long start = System.currentTimeMillis();
    List<Path> absoluteRoots = new ArrayList<>();
    for (Path root : roots) {
      Path abs = root.toAbsolutePath().normalize();
      if (!Files.exists(abs)) {
        throw new java.io.FileNotFoundException("no such file or folder: " + root);
      }
      absoluteRoots.add(abs);
    }
    rootsData = IndexRoots.with(index.lastCommitData(), absoluteRoots);
    catalog = new ConcurrentHashMap<>(index.catalog());
    List<Path> files = new ArrayList<>();
    for (Path root : absoluteRoots) {
      FolderWalk.files(root, index.dir(), files, failures);
    }
    ingest(files, true);
    long removed = prune ? prune(absoluteRoots) : 0;
    long t0 = System.nanoTime();
    Map<String, String> data = new java.util.HashMap<>(rootsData);
    data.put(Schema.LAST_INGEST_KEY, Instant.now().toString());
    index.commit(data);
    times.addCommit(System.nanoTime() - t0);
    return report(files.size(), removed, start);
  }

  /**
   * Indexes exactly {@code files} (absolute paths, no folder walk, nothing pruned) against {@code
   * known}, the caller's catalog of what the index holds ({@link ArticleIndex#catalog}), which this
   * run keeps up to date, so a long-lived caller reads the catalog from the index only once.
   * Commits only as a long run would (every {@code commitEveryFiles} files): the caller commits
   * when it chooses. For a server that indexes a watched folder batch by batch.
   */
  public IngestReport runFiles(List<Path> files, ConcurrentHashMap<String, SourceFile> known)
      throws IOException {
    long start = System.currentTimeMillis();
    catalog = known;
    ingest(files, false);
    return report(files.size(), 0, start);
  }

  /**
   * Indexes {@code files} on the pool; with {@code flushAtEnd} (a commit follows at once), each
   * worker that finds no file left writes a buffered segment to disk, so the commit that follows
   * has (nearly) nothing left to flush on its one thread.
   */
  private void ingest(List<Path> files, boolean flushAtEnd) throws IOException {
    folderSidecars = new FolderSidecars();
    long[] sizes = new long[files.size()];
    long totalBytes = 0;
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = sizeOrZero(files.get(i));
      totalBytes += sizes[i];
    }
    progress.started(files.size(), totalBytes);
    ExecutorService pool = Executors.newFixedThreadPool(config.ingestThreads());
    try {
      List<Future<?>> pending = new ArrayList<>(files.size() + config.ingestThreads());
      for (int i = 0; i < sizes.length; i++) {
        Path file = files.get(i);
        long size = sizes[i];
        pending.add(pool.submit(() -> processQuietly(file, size)));
      }
      // queued behind every file: each runs when a worker has nothing else to do
      for (int i = 0; flushAtEnd && i < config.ingestThreads(); i++) {
        pending.add(BufferFlush.submit(pool, index.writer()));
      }
      for (Future<?> f : pending) {
        waitFor(f);
      }
    } finally {
      pool.shutdownNow();
      router.close();
      if (ownsStories) {
        stories.close();
      }
    }
  }

  private IngestReport report(long seen, long removed, long startMs) {
    IngestReport report =
        new IngestReport(
            seen,
            indexed.get(),
            unchanged.get(),
            removed,
            articles.get(),
            failures,
            System.currentTimeMillis() - startMs,
            bytes.get(),
            times.snapshot());
    progress.finished();
    return report;
  }

  static void waitFor(Future<?> f) throws IOException {
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("indexing was interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof java.io.UncheckedIOException u) {
        throw u.getCause(); // the index itself failed (disk full, ...): stop, last commit intact
      }
      throw new IOException("indexing failed: " + e.getCause(), e.getCause());
    }
  }

  /** A file's size for progress; 0 for one that cannot be read (reported when it is processed). */
  private static long sizeOrZero(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  private void processQuietly(Path file, long size) {
    try {
      process(file);
    } catch (ParseException e) {
      failures.add(new IngestFailure(file.toString(), e.kind(), e.getMessage()));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (AlreadyClosedException e) {
      // The writer stopped after a write error in another thread (disk full ...): stop too.
      throw new java.io.UncheckedIOException(
          new IOException(
              "the index writer stopped after an" + " earlier write error",
              e.getCause() != null ? e.getCause() : e));
    } catch (RuntimeException e) {
      failures.add(
          new IngestFailure(
              file.toString(),
              FailureKind.CORRUPT,
              "parser error: " + e.getClass().getSimpleName() + ": " + e.getMessage()));
    } finally {
      progress.fileDone(
          done.incrementAndGet(), bytesDone.addAndGet(size), articles.get(), failures.size());
    }
  }

  private void process(Path file) throws ParseException, IOException {
    String path = file.toString();
    Optional<Path> sidecarPath = Sidecar.locate(file);
    Optional<Path> folderPath = folderSidecars.of(file);
    List<Path> sidecarPaths = new ArrayList<>(2);
    sidecarPath.ifPresent(sidecarPaths::add);
    folderPath.ifPresent(sidecarPaths::add);
    SourceFile identity;
    try {
      identity = identify(file, sidecarPaths);
    } catch (IOException e) {
      throw new ParseException(FailureKind.UNREADABLE, "cannot read: " + e.getMessage(), e);
    }
    if (identity == null) {
      unchanged.incrementAndGet();
      return;
    }
    Sidecar sidecar = Sidecar.read(sidecarPath, folderPath);
    long t0 = System.nanoTime();
    List<SourceDoc> docs = router.parse(file, identity.sizeBytes());
    long t1 = System.nanoTime();
    times.addParse(t1 - t0);
    List<Article> out = new ArrayList<>(docs.size());
    for (SourceDoc doc : docs) {
      out.add(enricher.enrich(path, doc, sidecar));
    }
    long t2 = System.nanoTime();
    times.addEnrich(t2 - t1);
    StoryAssigner.Assignment assigned = stories.assign(out);
    beforeWrite.written(identity, out, assigned.stamps());
    if (catalog.containsKey(path) || !added.add(path)) {
      index.replace(identity, out, assigned.stamps());
    } else {
      // new to the index: no delete by path to apply, which is most of a bulk ingest
      index.add(identity, out, assigned.stamps());
    }
    stories.written(assigned);
    hook.written(identity, out, assigned.stamps());
    catalog.put(path, identity);
    times.addIndex(System.nanoTime() - t2);
    bytes.addAndGet(identity.sizeBytes());
    indexed.incrementAndGet();
    articles.addAndGet(out.size());
    maybeCommit();
  }

  /** The file's identity, or null when the index already holds exactly these bytes. */
  private SourceFile identify(Path file, List<Path> sidecars) throws IOException {
    String path = file.toString();
    long size = Files.size(file);
    long mtime = Files.getLastModifiedTime(file).toMillis();
    for (Path sidecar : sidecars) {
      size += Files.size(sidecar);
      mtime = Math.max(mtime, Files.getLastModifiedTime(sidecar).toMillis());
    }
    SourceFile known = catalog.get(path);
    if (known != null && known.sizeBytes() == size && known.mtimeMs() == mtime) {
      return null;
    }
    String hash = FileHash.of(file, sidecars);
    if (known != null && known.sha256().equals(hash)) {
      return null;
    }
    return new SourceFile(path, size, mtime, hash);
  }

  private void maybeCommit() throws IOException {
    long n = sinceCommit.incrementAndGet();
    long now = System.currentTimeMillis();
    if (n >= config.commitEveryFiles() || now - lastCommitMs >= COMMIT_EVERY_MS) {
      synchronized (this) {
        if (sinceCommit.get() > 0) {
          sinceCommit.set(0);
          lastCommitMs = now;
          long t0 = System.nanoTime();
          index.commit(rootsData);
          times.addCommit(System.nanoTime() - t0);
        }
      }
    }
  }

  private long prune(List<Path> roots) throws IOException {
    long removed = 0;
    for (String path : catalog.keySet()) {
      Path p = Path.of(path);
      boolean underRoot = roots.stream().anyMatch(p::startsWith);
      if (underRoot && !Files.exists(p)) {
        index.deleteSource(path);
        removed++;
      }
    }
    return removed;
  }
}
