package org.dateline.pipeline;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.dateline.config.Config;
import org.dateline.enrich.Enricher;
import org.dateline.index.ArticleIndex;
import org.dateline.index.IndexRoots;
import org.dateline.index.Schema;
import org.dateline.index.SourceFile;
import org.dateline.ingest.FileParser;
import org.dateline.ingest.IngestFailure;
import org.dateline.ingest.ParseRouter;

/**
 * The index a server writes itself ({@code dateline serve --watch}): it holds the index's only
 * {@code IndexWriter} (Lucene's write lock keeps any other writer out) and indexes through the same
 * {@link Indexer} as {@code dateline index}, file batches from a {@link DropFolder} on a watcher
 * thread and uploads on request threads, one at a time. Searches see new articles through a
 * near-real-time searcher over {@link #index()}'s writer, long before they are committed; commits
 * come every {@code commitInterval} (then the entity pass runs, as after a {@code dateline index}
 * run), after each upload and at {@link #close}. A crash loses only what was indexed since the last
 * commit, and the watched files are indexed again at the next start. Thread-safe.
 */
public final class LiveIndex implements Closeable {

  private final Config config;
  private final ArticleIndex index;
  private final ConcurrentHashMap<String, SourceFile> catalog;
  private final PrintWriter log;
  private final StageTimes times = new StageTimes();
  private final Enricher enricher;
  private final FileParser parser;

  /** One story assigner for every batch, so its reader and recent copies outlive a batch. */
  private final StoryAssigner stories;

  /** Told of every file's articles as they are written (the server's alerts). */
  private volatile IngestHook hook = IngestHook.NONE;

  /** Told of every file's articles just before they are written (a search engine elsewhere). */
  private volatile IngestHook beforeWrite = IngestHook.NONE;

  private final Object writing = new Object();
  private volatile Thread watcher;
  private volatile boolean stopping;
  private long lastCommitMs = System.currentTimeMillis();
  private long filesSinceCommit;
  private long articlesSinceCommit;
  private long batchesSinceCommit;
  private long slowestBatchMs;

  /** Told of each batch of files written (a search engine elsewhere takes their articles). */
  private volatile BatchListener afterBatch = files -> {};

  /** Receives the files each batch or upload indexed, once they are written (not yet committed). */
  @FunctionalInterface
  public interface BatchListener {
    void indexed(List<Path> files) throws IOException;

    /** Before a batch or upload of {@code files} is indexed (to time what follows). */
    default void starting(List<Path> files) {}

    /** After each commit and the entity pass that follows it (rewrites to pass on). */
    default void committed() throws IOException {}
  }

  /** Whether the articles of files removed from the watched folder are removed too. */
  private volatile boolean pruneRemoved;

  /**
   * From now on, removes the articles of files removed from the watched folder (and, when watching
   * starts, of files the index holds from it that are gone), as {@code dateline index --prune}
   * does; listeners are told of them as of files indexed again with no articles. Off by default:
   * the folder is an inbox.
   */
  public void pruneRemoved(boolean on) {
    this.pruneRemoved = on;
  }

  /** Tells {@code listener} of every batch and upload from now on. */
  public void onBatch(BatchListener listener) {
    this.afterBatch = listener;
  }

  private LiveIndex(Config config, ArticleIndex index, PrintWriter log) throws IOException {
    this.config = config;
    this.index = index;
    this.catalog = new ConcurrentHashMap<>(index.catalog());
    this.log = log;
    this.enricher = Indexer.enricherLoadingAtFirstUse(config, times);
    this.parser = ParseRouter.parser(config);
    this.stories = StoryAssigner.over(index.writer());
  }

  /** The indexer of one batch (an Indexer runs once), sharing this index's enricher. */
  private Indexer indexer() {
    return new Indexer(config, index, parser, enricher, IngestProgress.NONE, times, stories)
        .withHook(hook)
        .withBeforeWrite(beforeWrite);
  }

  /**
   * Opens the index of {@code config} for writing; fails with Lucene's {@link
   * org.apache.lucene.store.LockObtainFailedException} while another process writes it.
   */
  public static LiveIndex open(Config config, PrintWriter log) throws IOException {
    ArticleIndex index = ArticleIndex.open(config.indexDir());
    try {
      return new LiveIndex(config, index, log);
    } catch (IOException | RuntimeException e) {
      index.close();
      throw e;
    }
  }

  public ArticleIndex index() {
    return index;
  }

  /**
   * Whether the index holds the file {@code path} (its articles, or its record when it had none),
   * as of its last commit or a later write through this live index; while the file is indexed,
   * until its articles are written, whether the index held it before.
   */
  public boolean holds(String path) {
    return catalog.containsKey(path);
  }

  /** From now on, tells {@code next} of every file's articles as they are written. */
  public void hook(IngestHook next) {
    this.hook = next;
  }

  /**
   * From now on, tells {@code next} of every file's articles just before they are written: what the
   * index will hold once the write is done (a write that then fails leaves a copy elsewhere until
   * the file is indexed again).
   */
  public void beforeWrite(IngestHook next) {
    this.beforeWrite = next;
  }

  /** Indexes {@code files} and commits at once (an upload is durable when it is answered). */
  public IngestReport add(List<Path> files) throws IOException {
    synchronized (writing) {
      afterBatch.starting(absolute(files));
      IngestReport report = indexer().runFiles(absolute(files), catalog);
      commit();
      afterBatch.indexed(absolute(files));
      return report;
    }
  }

  /**
   * Starts the thread that indexes what is dropped into {@code folder}; closes it on {@link
   * #close}.
   */
  public void watch(DropFolder folder) {
    Thread t = new Thread(() -> watchLoop(folder), "dateline-watch");
    t.setDaemon(true);
    watcher = t;
    t.start();
  }

  private void watchLoop(DropFolder folder) {
    long commitMs = config.watch().commitInterval().toMillis();
    try (folder) {
      boolean started = false;
      while (!stopping) {
        try {
          if (!started && pruneRemoved) {
            synchronized (writing) {
              prune(goneSince(config.watch().dir())); // removed while no server watched
            }
          }
          started = true;
          List<Path> ready = folder.poll(Math.min(commitMs, 1_000));
          List<Path> gone = folder.removed();
          synchronized (writing) {
            if (pruneRemoved && !gone.isEmpty() && !stopping) {
              prune(gone);
            }
            if (!ready.isEmpty() && !stopping) {
              batch(ready);
            }
            if (System.currentTimeMillis() - lastCommitMs >= commitMs && pendingCommit()) {
              commit();
            }
          }
        } catch (InterruptedException e) {
          return;
        } catch (IOException | RuntimeException e) {
          // The writer failed (disk full ...): keep serving what is searchable, say so, retry.
          log.println("dateline: watch: indexing failed: " + e + "; trying again in 5 s");
          log.flush();
          try {
            Thread.sleep(5_000);
          } catch (InterruptedException stop) {
            return;
          }
        }
      }
    } catch (IOException e) {
      log.println("dateline: watch: could not close the folder watcher: " + e.getMessage());
      log.flush();
    }
  }

  /** The files under {@code folder} the index holds articles of that are gone. */
  private List<Path> goneSince(Path folder) {
    Path root = folder.toAbsolutePath().normalize();
    return catalog.keySet().stream()
        .map(Path::of)
        .filter(p -> p.startsWith(root) && !java.nio.file.Files.exists(p))
        .toList();
  }

  /** Removes the articles of {@code files} and tells the listener. */
  private void prune(List<Path> files) throws IOException {
    List<Path> pruned = new java.util.ArrayList<>();
    for (Path f : files) {
      if (catalog.remove(f.toString()) != null) {
        index.deleteSource(f.toString());
        pruned.add(f);
      }
    }
    if (!pruned.isEmpty()) {
      filesSinceCommit += pruned.size();
      log.printf(
          java.util.Locale.ROOT,
          "Watch: removed the articles of %d files gone from the folder.%n",
          pruned.size());
      log.flush();
      afterBatch.indexed(pruned);
    }
  }

  /**
   * Whether anything was indexed since this index's last commit: uncommitted changes, or batches
   * whose files the indexer already committed on its own (it commits every few files in a long
   * batch), which still need the entity pass and the ingest time a commit here records.
   */
  private boolean pendingCommit() {
    return filesSinceCommit > 0 || index.writer().hasUncommittedChanges();
  }

  private void batch(List<Path> files) throws IOException {
    afterBatch.starting(files);
    IngestReport r = indexer().runFiles(files, catalog);
    afterBatch.indexed(files);
    batchesSinceCommit++;
    slowestBatchMs = Math.max(slowestBatchMs, r.elapsedMs());
    filesSinceCommit += r.filesIndexed();
    articlesSinceCommit += r.articlesWritten();
    for (IngestFailure f : r.failures()) {
      log.printf("dateline: watch: %s: %s (%s)%n", f.path(), f.kind().label(), f.detail());
    }
    if (!r.failures().isEmpty()) {
      log.flush();
    }
  }

  /**
   * Commits what was indexed, then runs the entity pass when entities are on, as {@code dateline
   * index} does after a run (incremental: the new articles against the catalog).
   */
  private void commit() throws IOException {
    long t0 = System.nanoTime();
    List<Path> folders = new java.util.ArrayList<>(List.of(config.uploadsDir()));
    if (config.watch().dir() != null) {
      folders.add(config.watch().dir());
    }
    Map<String, String> data =
        new java.util.HashMap<>(IndexRoots.with(index.lastCommitData(), folders));
    data.put(Schema.LAST_INGEST_KEY, Instant.now().toString());
    index.commit(data);
    long commitNanos = System.nanoTime() - t0;
    OutletPass.run(index); // one name per outlet, whichever of its pages came first
    String entities = "";
    if (config.entities()) {
      EntityPass.Result pass = EntityPass.run(index);
      entities =
          String.format(
              java.util.Locale.ROOT,
              "; entity pass (%s) resolved %d articles in" + " %.1f s (%d rewritten)",
              pass.full() ? "full" : "incremental",
              pass.resolved(),
              pass.elapsedMs() / 1000.0,
              pass.rewritten());
    }
    if (watcher != null) {
      StageTimes.Snapshot st = times.snapshot();
      log.printf(
          java.util.Locale.ROOT,
          "Watch: committed %d files (%d articles, %d batches,"
              + " slowest %d ms) in %d ms%s. Since start, thread-seconds: parse %.1f, enrich %.1f,"
              + " ner %.1f, index %.1f.%n",
          filesSinceCommit,
          articlesSinceCommit,
          batchesSinceCommit,
          slowestBatchMs,
          commitNanos / 1_000_000,
          entities,
          st.parseMs() / 1e3,
          st.enrichMs() / 1e3,
          st.nerMs() / 1e3,
          st.indexMs() / 1e3);
      log.flush();
    }
    filesSinceCommit = 0;
    articlesSinceCommit = 0;
    batchesSinceCommit = 0;
    slowestBatchMs = 0;
    lastCommitMs = System.currentTimeMillis();
    afterBatch.committed();
  }

  private static List<Path> absolute(List<Path> files) {
    return files.stream().map(f -> f.toAbsolutePath().normalize()).toList();
  }

  /** Stops watching, commits everything indexed, and releases the writer. */
  @Override
  public void close() throws IOException {
    stopping = true;
    Thread t = watcher;
    if (t != null) {
      // No interrupt: Lucene's file channels close when a thread writing them is interrupted.
      // The watcher sees the flag within its poll (at most a second) or when its batch is done.
      try {
        t.join(60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      synchronized (writing) {
        if (pendingCommit()) {
          commit();
        }
      }
    } finally {
      stories.close();
      index.close();
    }
  }
}
