package org.dateline.solr;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.dateline.enrich.Article;
import org.dateline.index.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watch path's pushes to the collection, on a thread of their own, so that the watcher goes on
 * with its next batch while Solr indexes this one. Entries are sent in the order they came; those
 * that wait while a push is under way go together as one update request (a file's later entry
 * replaces its earlier one), each with a {@code commitWithin}. A push Solr does not take is tried
 * again every second: nothing the watcher wrote is dropped while a node is down, and the watcher
 * waits when {@link #MAX_WAITING_DOCS} articles are queued. Thread-safe.
 */
final class SolrPushQueue implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(SolrPushQueue.class);

  /** Queued articles at which the watcher waits for the pushes to catch up. */
  static final int MAX_WAITING_DOCS = 5_000;

  /** Paths whose pushed ids are remembered (see {@link #pushedIds}). */
  private static final int REMEMBERED_PATHS = 50_000;

  private static final long RETRY_MS = 1_000;

  /**
   * One file's articles as the index holds them after a batch, none when it holds none any more;
   * {@code completeMs} is when the file was complete (its modification time), {@code batchMs} when
   * the batch that indexed it started, {@code handedMs} when the watcher handed them over; {@code
   * known}: whether the index held the file before (a new file has no articles in the collection to
   * lose).
   */
  record FileDocs(
      String path,
      List<Copy> copies,
      boolean known,
      long completeMs,
      long batchMs,
      long handedMs) {}

  /** An article as the index holds it, in its story; made a Solr document on the push thread. */
  record Copy(Article article, long story) {}

  private final SolrNodes nodes;
  private final String collection;
  private final int commitWithinMs;
  private final PushTimes times;
  private final Object lock = new Object();
  private final ArrayDeque<Object> waiting = new ArrayDeque<>();
  private int waitingDocs;
  private boolean closed;
  private final Thread thread;

  /**
   * The ids last pushed for each recent path. The collection answers with what its last soft commit
   * holds, so a file changed again before its earlier push is searchable needs this memory to lose
   * the articles it no longer has.
   */
  private final Map<String, Set<String>> pushedIds =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Set<String>> eldest) {
          return size() > REMEMBERED_PATHS;
        }
      };

  SolrPushQueue(SolrNodes nodes, String collection, int commitWithinMs, PushTimes times) {
    this.nodes = nodes;
    this.collection = collection;
    this.commitWithinMs = commitWithinMs;
    this.times = times;
    this.thread = new Thread(this::loop, "dateline-solr-push");
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues one batch's files; waits while too many articles are queued already. */
  void files(List<FileDocs> files) throws InterruptedException {
    enqueue(List.copyOf(files), files.stream().mapToInt(f -> f.copies().size()).sum());
  }

  /** Queues articles written again in place (their file's other articles unchanged). */
  void rewrites(List<Copy> copies) throws InterruptedException {
    enqueue(new Rewrites(List.copyOf(copies)), copies.size());
  }

  private record Rewrites(List<Copy> copies) {}

  private void enqueue(Object entry, int docs) throws InterruptedException {
    synchronized (lock) {
      while (waitingDocs >= MAX_WAITING_DOCS && !closed) {
        lock.wait();
      }
      if (closed) {
        throw new IllegalStateException("the Solr push queue is closed");
      }
      waiting.add(entry);
      waitingDocs += docs;
      lock.notifyAll();
    }
  }

  private void loop() {
    while (true) {
      List<Object> taken;
      synchronized (lock) {
        while (waiting.isEmpty() && !closed) {
          try {
            lock.wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        if (waiting.isEmpty()) {
          return;
        }
        taken = new ArrayList<>(waiting);
        waiting.clear();
        waitingDocs = 0;
        lock.notifyAll(); // a watcher waiting for room goes on
      }
      try {
        pushAll(taken);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Sends {@code taken} in order: each run of file batches as one request, rewrites apart. */
  @SuppressWarnings("unchecked")
  private void pushAll(List<Object> taken) throws InterruptedException {
    Map<String, FileDocs> files = new LinkedHashMap<>();
    for (Object entry : taken) {
      if (entry instanceof Rewrites r) {
        pushFiles(files);
        files.clear();
        List<SolrInputDocument> docs = documents(r.copies());
        retrying(() -> send(docs, List.of()));
      } else {
        for (FileDocs f : (List<FileDocs>) entry) {
          files.remove(f.path()); // a later entry goes after whatever came in between
          files.put(f.path(), f);
        }
      }
    }
    pushFiles(files);
  }

  private void pushFiles(Map<String, FileDocs> files) throws InterruptedException {
    if (files.isEmpty()) {
      return;
    }
    long t0 = System.nanoTime();
    List<Copy> copies = new ArrayList<>();
    List<String> known = new ArrayList<>();
    for (FileDocs f : files.values()) {
      copies.addAll(f.copies());
      if (f.known() || pushedIds.containsKey(f.path())) {
        known.add(f.path());
      }
    }
    List<SolrInputDocument> docs = documents(copies);
    Set<String> ids = new HashSet<>();
    copies.forEach(c -> ids.add(c.article().id()));
    long analysed = System.nanoTime() - t0;
    retrying(
        () -> {
          long t1 = System.nanoTime();
          List<String> stale = known.isEmpty() ? List.of() : stale(known, ids);
          long t2 = System.nanoTime();
          send(docs, stale);
          times.pushed(files.values(), docs.size(), analysed, t2 - t1, System.nanoTime() - t2);
        });
    for (FileDocs f : files.values()) {
      Set<String> own = new HashSet<>();
      f.copies().forEach(c -> own.add(c.article().id()));
      pushedIds.put(f.path(), own);
    }
  }

  /** The copies as Solr documents: each text pre-analysed by Dateline's chains. */
  private static List<SolrInputDocument> documents(List<Copy> copies) {
    List<SolrInputDocument> docs = new ArrayList<>(copies.size());
    for (Copy c : copies) {
      docs.add(SolrDocuments.of(c.article(), c.story()));
    }
    return docs;
  }

  /**
   * The ids the collection (or an earlier push not yet searchable) holds for {@code paths} that the
   * index no longer has: a changed file that lost articles, a file that holds none any more.
   */
  private List<String> stale(Collection<String> paths, Set<String> ids) throws IOException {
    ModifiableSolrParams p = new ModifiableSolrParams();
    p.set("q", SolrQueries.terms(Schema.PATH, List.copyOf(paths)));
    p.set("fl", Schema.ID);
    p.set("rows", SolrFollower.MAX_PER_FILE);
    QueryResponse rsp = nodes.ask(node -> node.query(collection, p, SolrRequest.METHOD.POST));
    Set<String> held = new HashSet<>();
    for (SolrDocument doc : rsp.getResults()) {
      held.add((String) doc.getFieldValue(Schema.ID));
    }
    for (String path : paths) {
      held.addAll(pushedIds.getOrDefault(path, Set.of()));
    }
    held.removeAll(ids);
    return List.copyOf(held);
  }

  /** One update request: the adds and deletes become searchable together. */
  private void send(List<SolrInputDocument> docs, List<String> deletes) throws IOException {
    if (docs.isEmpty() && deletes.isEmpty()) {
      return;
    }
    UpdateRequest req = new UpdateRequest();
    if (!docs.isEmpty()) {
      req.add(docs);
    }
    if (!deletes.isEmpty()) {
      req.deleteById(deletes);
    }
    req.setCommitWithin(commitWithinMs);
    nodes.ask(node -> req.process(node, collection));
  }

  @FunctionalInterface
  private interface Push {
    void run() throws IOException;
  }

  /** Runs {@code push} until it succeeds or the queue is closed (then it is given up, and said). */
  private void retrying(Push push) throws InterruptedException {
    while (true) {
      try {
        push.run();
        return;
      } catch (IOException | RuntimeException e) {
        synchronized (lock) {
          if (closed) {
            LOG.warn("Solr push given up at close: {}", e.getMessage());
            return;
          }
        }
        LOG.warn("Solr push failed, trying again in {} ms: {}", RETRY_MS, e.getMessage());
        Thread.sleep(RETRY_MS);
      }
    }
  }

  /** Sends what is queued (trying each push once more if it fails), then stops the thread. */
  @Override
  public void close() throws IOException {
    synchronized (lock) {
      closed = true;
      lock.notifyAll();
    }
    try {
      thread.join(SolrNodes.REQUEST_TIMEOUT_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
