package org.dateline.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.dateline.config.StartupTrace;
import org.dateline.index.Schema;
import org.dateline.search.DocumentView;
import org.dateline.search.Hit;
import org.dateline.search.SearchRequest;
import org.dateline.search.SearchResponse;
import org.dateline.search.SearchService;
import org.dateline.search.SortOrder;
import org.dateline.search.facet.FacetValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a server's search paths on a thread of their own while the server starts, so that neither
 * its first search nor its first seconds of load pay for loading classes and running cold code.
 * First, as soon as the index is open (while the HTTP server is still being built), one search of a
 * word, with every facet, the histogram and KWIC, as a user's first search asks; then, once the
 * server listens, {@value #ROUNDS} rounds of the kinds of request users send, so the JIT compiles
 * their code early. The requests come from the archive itself: words of its last article's title as
 * a word, a phrase, two words, a prefix, a fuzzy term, a misspelling ("did you mean", which reads
 * the entity catalog), with the top outlet as a filter, with a date range, by date, and an empty
 * query. Each answer is written as JSON to nowhere. A failure ends the warm-up quietly (it only
 * saves time). Thread-safe.
 */
public final class WarmUp {

  private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);

  /** Rounds of the request kinds after the server listens (about 100 searches). */
  static final int ROUNDS = 10;

  private final SearchService search;
  private final ObjectMapper mapper = ApiServer.jsonMapper();
  private final CountDownLatch listening = new CountDownLatch(1);
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

  /** The server listens: the rounds may begin. */
  public void listening() {
    listening.countDown();
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
      SearchResponse first = answer(SearchRequest.of(words.get(0)));
      StartupTrace.mark("warm-up: first search");
      List<SearchRequest> kinds = kinds(words, first);
      listening.await();
      for (int round = 0; round < ROUNDS; round++) {
        for (SearchRequest r : kinds) {
          answer(r);
        }
      }
      StartupTrace.mark("warm-up: " + ROUNDS * kinds.size() + " searches");
    } catch (IOException | RuntimeException e) {
      LOG.debug("warm-up stopped: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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

  private static List<SearchRequest> kinds(List<String> words, SearchResponse first) {
    String w = words.get(0);
    String other = words.size() > 1 ? words.get(1) : w;
    List<SearchRequest> kinds = new ArrayList<>();
    kinds.add(SearchRequest.of(w));
    kinds.add(SearchRequest.of("\"" + w + " " + other + "\"~3"));
    kinds.add(SearchRequest.of(w + " " + other));
    kinds.add(SearchRequest.of(w.substring(0, 3) + "*"));
    kinds.add(SearchRequest.of(w + "~1"));
    kinds.add(SearchRequest.of(misspelt(w)));
    kinds.add(request("", Map.of(), null, null, SortOrder.NEWEST));
    List<FacetValue> outlets = first.facets().getOrDefault(Schema.OUTLET, List.of());
    if (!outlets.isEmpty()) {
      kinds.add(
          request(w, Map.of(Schema.OUTLET, List.of(outlets.get(0).value())), null, null, null));
    }
    LocalDate day = dayOf(first.hits());
    if (day != null) {
      kinds.add(request(w, Map.of(), day.minusYears(1), day, null));
      kinds.add(request(other, Map.of(), day.minusMonths(1), day, SortOrder.NEWEST));
    }
    return kinds;
  }

  private static SearchRequest request(
      String q, Map<String, List<String>> filters, LocalDate from, LocalDate to, SortOrder sort) {
    return new SearchRequest(
        q,
        filters,
        from,
        to,
        sort,
        1,
        SearchRequest.DEFAULT_SIZE,
        null,
        SearchRequest.DEFAULT_KWIC_LINES,
        SearchRequest.DEFAULT_FACET_SIZE);
  }

  /** The word with its two middle letters swapped: no hits, so "did you mean" runs. */
  private static String misspelt(String w) {
    int i = w.length() / 2;
    return w.substring(0, i - 1) + w.charAt(i) + w.charAt(i - 1) + w.substring(i + 1);
  }

  private static LocalDate dayOf(List<Hit> hits) {
    for (Hit h : hits) {
      if (h.date() != null && h.date().length() >= 10) {
        try {
          return LocalDate.parse(h.date().substring(0, 10));
        } catch (DateTimeParseException notADay) {
          // try the next hit
        }
      }
    }
    return null;
  }
}
