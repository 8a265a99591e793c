package org.dateline.solr;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.dateline.enrich.Article;
import org.dateline.index.ArticleIndex;
import org.dateline.index.ArticleJson;
import org.dateline.index.Schema;
import org.dateline.index.SourceFile;
import org.dateline.index.StoryStamp;
import org.dateline.pipeline.IngestHook;
import org.dateline.pipeline.LiveIndex;

/**
 * Follows a live index ({@code serve --watch --backend solr}): each file's articles, as the indexer
 * writes them, go to a {@link SolrPushQueue}, which pushes them on its own thread with a {@code
 * commitWithin} of {@link #COMMIT_WITHIN_MS} while the indexer goes on; after a batch, the files
 * not handed over so (removed, failed) are read from the writer (near real time, before any commit,
 * through a reader reopened incrementally: only then, and at commits, so that a batch of new files
 * costs the watcher no reopen); after each commit, the articles the entity pass wrote again. {@link
 * #written} is thread-safe; the batch and commit calls come from one thread at a time; {@link
 * #close} after the live index's.
 */
public final class SolrFollower implements LiveIndex.BatchListener, IngestHook, Closeable {

  /**
   * How soon Solr makes a push searchable (a soft commit on every replica). A quarter of a second:
   * at most four new searchers a second however fast files arrive, and well inside the 1.5 s a
   * dropped file may take to be found.
   */
  static final int COMMIT_WITHIN_MS = 250;

  /** More articles than any one source file holds. */
  static final int MAX_PER_FILE = 100_000;

  private final ArticleIndex index;
  private final PrintWriter log;
  private final PushTimes times = new PushTimes();
  private final SolrPushQueue queue;

  /**
   * The writer's articles, reopened with only what changed on the watcher's thread when a batch
   * left files to read back, and at each commit (so it pins no merged-away segments for long).
   */
  private DirectoryReader reader;

  /** Whether the index held a file before its articles now written (the live index's catalog). */
  private final Predicate<String> held;

  /** When the running batch started (its files' wait before it, their time in it). */
  private volatile long batchStartMs = System.currentTimeMillis();

  /** The hash of each article pushed since the last commit: the pass need not send it again. */
  private final Map<String, Long> pushedSinceCommit = new ConcurrentHashMap<>();

  /** Files of the running batch whose articles were handed over as they were written. */
  private final Set<String> handedInBatch = ConcurrentHashMap.newKeySet();

  /** The entity catalog's generation whose rewrites were pushed (null: no pass yet). */
  private String passGeneration;

  private SolrFollower(
      ArticleIndex index,
      Predicate<String> held,
      SolrNodes nodes,
      String collection,
      PrintWriter log)
      throws IOException {
    this.index = index;
    this.held = held;
    this.log = log;
    this.passGeneration = index.lastCommitData().get(ArticleIndex.ENTITY_CATALOG_KEY);
    this.reader = DirectoryReader.open(index.writer());
    this.queue = new SolrPushQueue(nodes, collection, COMMIT_WITHIN_MS, times);
  }

  /**
   * One file's articles, handed to the push queue as soon as they are enriched, just before the
   * local write (from an indexing thread, before the batch ends): a file waits for its own work
   * only, not for the whole batch's.
   */
  @Override
  public void written(SourceFile source, List<Article> articles, List<StoryStamp> stamps)
      throws IOException {
    // whether the collection may hold articles of the file that it no longer has
    boolean known = held.test(source.path());
    List<SolrPushQueue.Copy> copies = new ArrayList<>(articles.size());
    for (int i = 0; i < articles.size(); i++) {
      copies.add(copy(articles.get(i), stamps.get(i).story()));
    }
    handedInBatch.add(source.path());
    hand(
        List.of(
            new SolrPushQueue.FileDocs(
                source.path(),
                copies,
                known,
                source.mtimeMs(),
                batchStartMs,
                System.currentTimeMillis())));
  }

  /**
   * A follower of {@code live}'s batches and of its files' articles just before they are written;
   * {@code alongside} (the server's alerts; {@link IngestHook#NONE} for none) is told of them once
   * written.
   */
  public static SolrFollower attach(
      LiveIndex live, IngestHook alongside, SolrNodes nodes, String collection, PrintWriter log)
      throws IOException {
    SolrFollower f = new SolrFollower(live.index(), live::holds, nodes, collection, log);
    live.onBatch(f);
    live.hook(alongside);
    // handed over before the local write: a file waits neither for the batch nor for Lucene
    live.beforeWrite(f);
    return f;
  }

  @Override
  public void starting(List<Path> files) {
    batchStartMs = System.currentTimeMillis();
  }

  /**
   * After a batch: the files whose articles were not handed over as they were written (removed,
   * failed, unchanged), read from the index as it now holds them. These are few, and each may have
   * articles in the collection that it no longer has, so each is checked for them (known).
   */
  @Override
  public void indexed(List<Path> files) throws IOException {
    long t0 = System.nanoTime();
    List<Path> rest = new ArrayList<>();
    for (Path file : files) {
      if (!handedInBatch.contains(path(file))) {
        rest.add(file);
      }
    }
    handedInBatch.clear();
    if (rest.isEmpty()) {
      return;
    }
    reopen();
    IndexSearcher searcher = new IndexSearcher(reader);
    List<SolrPushQueue.FileDocs> out = new ArrayList<>(rest.size());
    for (int i = 0; i < rest.size(); i++) {
      Path file = rest.get(i);
      List<SolrPushQueue.Copy> copies = new ArrayList<>();
      for (ScoreDoc sd : searcher.search(pathQuery(file), MAX_PER_FILE).scoreDocs) {
        Document d = searcher.storedFields().document(sd.doc);
        copies.add(copy(Schema.toArticle(d), Schema.storyOf(d)));
      }
      out.add(
          new SolrPushQueue.FileDocs(
              path(file),
              copies,
              true,
              completeMs(file),
              batchStartMs,
              System.currentTimeMillis()));
    }
    times.read((System.nanoTime() - t0) / 1_000_000);
    hand(out);
  }

  /** The article to push, remembered until the next commit (see {@link #committed}). */
  private SolrPushQueue.Copy copy(Article a, long story) {
    pushedSinceCommit.put(a.id(), SolrDocuments.hash(ArticleJson.metadata(a), a.text(), story));
    return new SolrPushQueue.Copy(a, story);
  }

  private void hand(List<SolrPushQueue.FileDocs> files) throws InterruptedIOException {
    try {
      queue.files(files);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("stopped while waiting for Solr to take a batch");
    }
  }

  private static String path(Path file) {
    return file.toAbsolutePath().normalize().toString();
  }

  private static Query pathQuery(Path file) {
    return new TermQuery(new Term(Schema.PATH, path(file)));
  }

  /** When the file was complete: its modification time (now, if it is gone meanwhile). */
  private static long completeMs(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException gone) {
      return System.currentTimeMillis();
    }
  }

  /**
   * After a commit: when an entity pass ran, pushes the articles it marked with its generation
   * whose Solr copy differs from what was pushed since the last commit (their entities changed, or
   * earlier articles whose entity names changed); then reports where the pushes' time went.
   */
  @Override
  public void committed() throws IOException {
    reopen();
    String generation = index.lastCommitData().get(ArticleIndex.ENTITY_CATALOG_KEY);
    if (generation != null && !generation.equals(passGeneration)) {
      try {
        pushRewrites(Long.parseLong(generation));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("stopped while waiting for Solr to take a batch");
      }
    }
    passGeneration = generation;
    pushedSinceCommit.clear();
    report();
  }

  private void pushRewrites(long generation) throws IOException, InterruptedException {
    IndexSearcher searcher = new IndexSearcher(reader);
    Query marked = NumericDocValuesField.newSlowExactQuery(Schema.ENTITY_PASS, generation);
    int count = searcher.count(marked);
    if (count == 0) {
      return;
    }
    List<SolrPushQueue.Copy> batch = new ArrayList<>(SolrMirror.BATCH);
    for (ScoreDoc sd : searcher.search(marked, count).scoreDocs) {
      Document d = searcher.storedFields().document(sd.doc);
      Article a = Schema.toArticle(d);
      long story = Schema.storyOf(d);
      Long pushed = pushedSinceCommit.get(a.id());
      if (pushed != null
          && pushed == SolrDocuments.hash(ArticleJson.metadata(a), a.text(), story)) {
        continue;
      }
      batch.add(new SolrPushQueue.Copy(a, story));
      if (batch.size() == SolrMirror.BATCH) {
        queue.rewrites(batch);
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      queue.rewrites(batch);
    }
  }

  private void report() {
    String line = times.report();
    if (line != null) {
      log.println("Watch: " + line);
      log.flush();
    }
  }

  private void reopen() throws IOException {
    DirectoryReader changed = DirectoryReader.openIfChanged(reader, index.writer());
    if (changed != null) {
      reader.close();
      reader = changed;
    }
  }

  /** Pushes what is queued, reports, and lets the reader go. */
  @Override
  public void close() throws IOException {
    try {
      queue.close();
      report();
    } finally {
      reader.close();
    }
  }
}
