package org.dateline.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.dateline.config.StartupTrace;
import org.dateline.index.Schema;
import org.dateline.search.DocumentView;
import org.dateline.search.SearchRequest;
import org.dateline.search.SearchResponse;
import org.dateline.search.SearchService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a server's search path once on a thread of its own while the server starts, so that its
 * first search does not pay for loading classes and running cold code: as soon as the index is open
 * (while the HTTP server is still being built), one search of a word of the archive's last
 * article's title, with every facet, the histogram and KWIC, as a user's first search asks, its
 * answer written as JSON to nowhere. Nothing more: ten rounds of ten kinds of request after the
 * server listened (to have the JIT compile them early) made the first 30 s worse, not better (p99
 * 4.9-5.6 times the steady state's with them, 2.2-3.1 without, two pairs of runs at load 3-7): they
 * took the cores from the first users. A failure ends the warm-up quietly (it only saves time).
 */
public final class WarmUp {

  private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);

  private final SearchService search;
  private final ObjectMapper mapper = ApiServer.jsonMapper();
  private final CountDownLatch done = new CountDownLatch(1);
  private final AtomicInteger searches = new AtomicInteger();

  private WarmUp(SearchService search) {
    this.search = search;
  }

  /** Starts the warm-up of {@code search} on a daemon thread; it waits for the index to open. */
  public static WarmUp start(SearchService search) {
    WarmUp w = new WarmUp(search);
    Thread t = new Thread(w::run, "dateline-warm-up");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
    return w;
  }

  /** Waits up to {@code limit} for the warm-up to end; the searches it ran (for tests). */
  int awaitSearches(java.time.Duration limit) throws InterruptedException {
    done.await(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    return searches.get();
  }

  private void run() {
    try {
      search.awaitOpen();
      List<String> words = titleWords();
      if (words.isEmpty()) {
        return; // an empty archive: nothing to warm
      }
      answer(SearchRequest.of(words.get(0)));
      StartupTrace.mark("warm-up: first search");
    } catch (IOException | RuntimeException e) {
      LOG.debug("warm-up stopped: {}", e.toString());
    } finally {
      done.countDown();
    }
  }

  private SearchResponse answer(SearchRequest request) throws IOException {
    SearchResponse answer = search.search(request);
    searches.incrementAndGet();
    mapper.writeValue(OutputStream.nullOutputStream(), answer);
    return answer;
  }

  /**
   * The words (four letters or more) of the last article's title, longest first: read from its
   * stored fields, not searched for (a cold search costs the better part of a second).
   */
  private List<String> titleWords() throws IOException {
    String id =
        search.withSearcher(
            s -> {
              int last = s.getIndexReader().maxDoc() - 1;
              return last < 0 ? null : s.storedFields().document(last).get(Schema.ID);
            });
    DocumentView doc = id == null ? null : search.document(id);
    String title = doc == null ? null : doc.hit().title();
    if (title == null) {
      return List.of();
    }
    List<String> words = new ArrayList<>();
    for (String w : title.split("[^\\p{L}]+")) {
      if (w.length() >= 4) {
        words.add(w.toLowerCase(Locale.ROOT));
      }
    }
    words.sort(Comparator.comparingInt(String::length).reversed());
    return words;
  }
}
