package org.dateline.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.dateline.config.StartupTrace;
import org.dateline.config.ThreadNice;
import org.dateline.index.Schema;
import org.dateline.search.DocumentView;
import org.dateline.search.SearchRequest;
import org.dateline.search.SearchResponse;
import org.dateline.search.SearchService;
import org.dateline.search.facet.FacetValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a server's search path on a thread of its own while the server starts, so that its first
 * searches do not pay for loading classes and running cold code. First, as soon as the index is
 * open (while the HTTP server is still being built), one search of a word of the archive's last
 * article's title, with every facet, the histogram and KWIC, as a user's first search asks, its
 * answer written as JSON to nowhere. Then, when asked ({@code -Ddateline.warmup.before-port-ms=N};
 * none by default, see {@link #DEFAULT_BEFORE_PORT_MS}), while there is time before the port opens
 * (a server's {@link #awaitBeforePort} waits for them up to N ms after the JVM's start), one round
 * of the searches described next, at normal priority: no user can ask yet. Then, when asked ({@code
 * -Ddateline.warmup.rounds=N}: N rounds; none by default), at the lowest scheduling priority (nice
 * 19, {@link ThreadNice}: it runs on a core no request wants), rounds of the searches whose code is
 * the slowest to become fast: the archive's commonest words (the most hits: postings decoded in
 * blocks, facets and the histogram counted over tens of thousands of documents), each alone, with
 * the top value of a facet as a filter, and within the busiest month of the first answer's
 * histogram; then the two commonest together and as a phrase. One round on the 100k archive took
 * 2.6 s of CPU (7 s of wall at load 24, no users), and six pairs of starts under one client at load
 * 22-32 showed no difference in the first 30 s (session 16); session 14's rounds of the last
 * titles' words, hundreds of searches, made them worse. Off until a quiet machine says otherwise. A
 * failure ends the warm-up quietly (it only saves time).
 */
public final class WarmUp {

  private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);

  /**
   * Rounds of the commonest words' searches after the first search: none unless asked for, until a
   * quiet machine shows that they help (docs/figures-issue-20.md, session 16).
   */
  static final int DEFAULT_ROUNDS = 0;

  /** How many of the archive's commonest words a round searches for. */
  static final int COMMON_WORDS = 6;

  /** The warm-up thread's nice value while it runs its rounds (the lowest priority). */
  static final int NICE = 19;

  /**
   * How long after the JVM's start the warm-up may keep the port closed, running searches of the
   * archive's commonest words before the first user's ({@code -Ddateline.warmup.before-port-ms}; 0:
   * the port opens as soon as the server is built). 0 unless asked for: on the quiet machine a hold
   * of 1.4 s made the first answer later (1,272 against 976 ms, medians of two alternating pairs)
   * and the first 30 s' p99 over steady worse (2.35 against 1.96), the first 500 requests' CPU no
   * lower (docs/figures-issue-20.md, session 21).
   */
  static final long DEFAULT_BEFORE_PORT_MS = 0;

  private static final String THREAD = "dateline-warm-up";

  private final SearchService search;

  /** The servers' own mapper: the serializers the first answer builds are kept for the users'. */
  private final ObjectMapper mapper;

  private final CountDownLatch done = new CountDownLatch(1);

  /** Counted down when the searches before the port opens are over (or were not run). */
  private final CountDownLatch portMayOpen = new CountDownLatch(1);

  /** When the port opens at the latest, in {@link System#nanoTime()}'s terms. */
  private final long beforePortDeadline;

  private final AtomicInteger searches = new AtomicInteger();

  private WarmUp(SearchService search, ObjectMapper mapper, Duration beforePort) {
    this.search = search;
    this.mapper = mapper;
    this.beforePortDeadline = System.nanoTime() + Math.max(0, beforePort.toNanos());
  }

  /**
   * What is left of the time the port may stay closed ({@code -Ddateline.warmup.before-port-ms},
   * {@link #DEFAULT_BEFORE_PORT_MS}), counted from the JVM's start.
   */
  private static Duration beforePortLeft() {
    Duration budget =
        Duration.ofMillis(Long.getLong("dateline.warmup.before-port-ms", DEFAULT_BEFORE_PORT_MS));
    if (!budget.isPositive()) {
      return Duration.ZERO; // no hold (the default): the process's start is not looked up
    }
    return ProcessHandle.current()
        .info()
        .startInstant()
        .map(t -> budget.minus(Duration.between(t, Instant.now())))
        .orElse(Duration.ZERO);
  }

  /**
   * Waits until the searches the warm-up runs before the port opens are over, or until the time for
   * them is (see {@link #DEFAULT_BEFORE_PORT_MS}), whichever comes first; then the server may open
   * its port. At once when the start took longer than that already.
   */
  public void awaitBeforePort() throws InterruptedException {
    long left = beforePortDeadline - System.nanoTime();
    if (left > 0) {
      portMayOpen.await(left, TimeUnit.NANOSECONDS);
    }
  }

  /**
   * Starts the warm-up of {@code search} on a daemon thread; it waits for the index to open. Its
   * answers are written through the servers' mapper ({@link ApiServer#serverMapper}).
   */
  public static WarmUp start(SearchService search) {
    return start(search, ApiServer.serverMapper());
  }

  /** {@link #start(SearchService)}, its answers written through {@code mapper}. */
  static WarmUp start(SearchService search, ObjectMapper mapper) {
    return start(search, mapper, beforePortLeft());
  }

  /**
   * {@link #start(SearchService, ObjectMapper)}, the port kept closed for its searches up to {@code
   * beforePort} from now.
   */
  static WarmUp start(SearchService search, ObjectMapper mapper, Duration beforePort) {
    WarmUp w = new WarmUp(search, mapper, beforePort);
    Thread t = new Thread(w::run, THREAD);
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
    return w;
  }

  /** The mapper its answers are written through (for tests). */
  ObjectMapper mapper() {
    return mapper;
  }

  /** Waits up to {@code limit} for the warm-up to end; the searches it ran (for tests). */
  int awaitSearches(Duration limit) throws InterruptedException {
    done.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    return searches.get();
  }

  private void run() {
    try {
      search.awaitOpen();
      List<String> words = titleWords(search);
      if (words.isEmpty()) {
        return; // an empty archive: nothing to warm
      }
      SearchResponse first = answer(SearchRequest.of(words.get(0)));
      StartupTrace.mark("warm-up: first search");
      int rounds = Integer.getInteger("dateline.warmup.rounds", DEFAULT_ROUNDS);
      List<SearchRequest> round = null;
      if (System.nanoTime() < beforePortDeadline) {
        // No user can ask yet: the searches a user's first seconds hold, in cold code, are run
        // here, while the port is closed, until the time for them is up.
        List<String> common = commonestWords(search, COMMON_WORDS);
        StartupTrace.mark("warm-up: the commonest words");
        round = round(common, first);
        for (SearchRequest request : round) {
          if (System.nanoTime() >= beforePortDeadline) {
            break;
          }
          answer(request);
        }
        StartupTrace.mark("warm-up: " + searches.get() + " searches before the port opened");
      }
      portMayOpen.countDown();
      if (rounds <= 0) {
        return;
      }
      // its own thread's name, as the operating system shows it, is unique to this thread
      ThreadNice.set(THREAD.substring(0, Math.min(THREAD.length(), 15)), NICE);
      if (round == null) {
        round = round(commonestWords(search, COMMON_WORDS), first);
      }
      for (int r = 0; r < rounds; r++) {
        for (SearchRequest request : round) {
          answer(request);
        }
      }
      StartupTrace.mark("warm-up: " + searches.get() + " searches");
    } catch (IOException | RuntimeException e) {
      LOG.debug("warm-up stopped: {}", e.toString());
    } finally {
      portMayOpen.countDown();
      done.countDown();
    }
  }

  private SearchResponse answer(SearchRequest request) throws IOException {
    SearchResponse answer = search.search(request);
    searches.incrementAndGet();
    // as Javalin writes an answer (ctx.json: to a string, then sent)
    mapper.writeValueAsString(answer);
    return answer;
  }

  /**
   * One round of warm-up searches: each word alone, with the top value of one facet of {@code
   * first} (the dimensions taken in turn) as a filter, and within the busiest bucket of its date
   * histogram; then the first two words together and as a phrase.
   */
  static List<SearchRequest> round(List<String> words, SearchResponse first) {
    List<Map.Entry<String, FacetValue>> tops = new ArrayList<>();
    FacetValue busiest = null;
    for (Map.Entry<String, List<FacetValue>> dim : new TreeMap<>(first.facets()).entrySet()) {
      List<FacetValue> values = dim.getValue();
      if (values.isEmpty()) {
        continue;
      }
      if (dim.getKey().equals(Schema.DATE)) {
        for (FacetValue v : values) {
          if (v.from() != null && (busiest == null || v.count() > busiest.count())) {
            busiest = v;
          }
        }
      } else {
        tops.add(Map.entry(dim.getKey(), values.get(0)));
      }
    }
    List<SearchRequest> round = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      SearchRequest plain = SearchRequest.of(words.get(i));
      round.add(plain);
      if (!tops.isEmpty()) {
        Map.Entry<String, FacetValue> top = tops.get(i % tops.size());
        round.add(plain.withFilters(Map.of(top.getKey(), List.of(top.getValue().value()))));
      }
      if (busiest != null) {
        round.add(within(plain, busiest));
      }
    }
    if (words.size() >= 2) {
      String a = words.get(0);
      String b = words.get(1);
      round.add(SearchRequest.of(a + " AND " + b));
      round.add(SearchRequest.of("\"" + a + " " + b + "\""));
      round.addAll(otherKinds(a, b, tops));
    }
    return round;
  }

  /**
   * The kinds of search a user's mix holds beyond words, phrases and a filter or a month, each
   * once, made of the two commonest words {@code a} and {@code b} and the facets' top values: a
   * proximity, OR, AND NOT, a trailing and a leading wildcard, a one-letter wildcard, fuzzy terms
   * (a typo of {@code a} within one edit, {@code b} within two), two facet filters, and every
   * article with a filter. Each runs its own code (a multi-term query's terms enumerated, an
   * automaton built, a second filter's counts), which a training run of the start-up cache should
   * see hot.
   */
  static List<SearchRequest> otherKinds(
      String a, String b, List<Map.Entry<String, FacetValue>> tops) {
    List<SearchRequest> out = new ArrayList<>();
    out.add(SearchRequest.of("\"" + a + " " + b + "\"~5"));
    out.add(SearchRequest.of(a + " OR " + b));
    out.add(SearchRequest.of(a + " AND NOT " + b));
    out.add(SearchRequest.of(a.substring(0, Math.min(3, a.length())) + "*"));
    out.add(SearchRequest.of("*" + b.substring(Math.max(0, b.length() - 3))));
    out.add(SearchRequest.of(a.charAt(0) + "?" + a.substring(2)));
    out.add(SearchRequest.of(a.charAt(0) + a.substring(2) + "~1"));
    out.add(SearchRequest.of(b + "~2"));
    if (tops.size() >= 2) {
      Map.Entry<String, FacetValue> one = tops.get(0);
      Map.Entry<String, FacetValue> two = tops.get(1);
      out.add(
          SearchRequest.of(a)
              .withFilters(
                  Map.of(
                      one.getKey(), List.of(one.getValue().value()),
                      two.getKey(), List.of(two.getValue().value()))));
    }
    if (!tops.isEmpty()) {
      Map.Entry<String, FacetValue> one = tops.get(0);
      out.add(
          SearchRequest.of("*").withFilters(Map.of(one.getKey(), List.of(one.getValue().value()))));
    }
    return out;
  }

  private static SearchRequest within(SearchRequest r, FacetValue bucket) {
    return new SearchRequest(
        r.query(),
        r.filters(),
        LocalDate.parse(bucket.from().substring(0, 10)),
        bucket.to() == null ? null : LocalDate.parse(bucket.to().substring(0, 10)),
        r.sort(),
        r.page(),
        r.size(),
        r.cursor(),
        r.kwicLines(),
        r.facetSize());
  }

  /**
   * The {@code n} words (three letters or more) of the body field in the most articles of the
   * archive, commonest first.
   */
  static List<String> commonestWords(SearchService search, int n) throws IOException {
    return search.withSearcher(
        s -> {
          // the segments' terms merged in order, each with its number of articles in all of them
          Terms terms = MultiTerms.getTerms(s.getIndexReader(), Schema.BODY);
          if (terms == null) {
            return List.<String>of();
          }
          PriorityQueue<Map.Entry<String, Integer>> top =
              new PriorityQueue<>(Map.Entry.comparingByValue());
          TermsEnum te = terms.iterator();
          for (BytesRef t = te.next(); t != null; t = te.next()) {
            int df = te.docFreq();
            if (top.size() == n && df <= top.peek().getValue()) {
              continue;
            }
            String word = t.utf8ToString();
            if (word.length() >= 3 && word.chars().allMatch(Character::isLetter)) {
              top.add(Map.entry(word, df));
              if (top.size() > n) {
                top.poll();
              }
            }
          }
          List<String> words = new ArrayList<>();
          while (!top.isEmpty()) {
            words.add(top.poll().getKey());
          }
          Collections.reverse(words);
          return words;
        });
  }

  /**
   * The words (four letters or more) of the last article's title, longest first: read from its
   * stored fields, not searched for (a cold search costs the better part of a second).
   */
  static List<String> titleWords(SearchService search) throws IOException {
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
