package org.dateline.alert;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.monitor.MonitorQuery;
import org.dateline.config.Limits;
import org.dateline.enrich.Article;
import org.dateline.index.SourceFile;
import org.dateline.index.StoryStamp;
import org.dateline.pipeline.IngestHook;
import org.dateline.search.BadRequestException;
import org.dateline.search.SearchService;
import org.dateline.search.StandingQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server's alerts: saved searches, each owned by the write key that made it, matched against
 * every article as it is indexed (this is the indexer's {@link IngestHook}), their matches
 * journaled and then told: to listeners (server-sent events), to the alert's feed and to its
 * webhook. An alert tells of a story once, at its first copy; later copies update it ("+N
 * outlets"). Thread-safe.
 */
public final class Alerts implements IngestHook, Closeable {

  /** How many of its latest matches an alert's status shows. */
  public static final int LAST_MATCHES = 10;

  /** Attempts at a webhook, 1 s, 2 s, 4 s ... apart, at most 10 min (about an hour in all). */
  public static final int WEBHOOK_ATTEMPTS = 15;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Logger LOG = LoggerFactory.getLogger(Alerts.class);

  /** How often digests that are due are looked for. */
  static final Duration DIGEST_CHECK = Duration.ofSeconds(30);

  private final Limits limits;
  private final Clock clock;
  private final java.util.concurrent.ScheduledExecutorService ticker;
  private final AlertStore store;
  private final AlertMatcher matcher;
  private final MatchBook book;
  private final Webhooks webhooks;
  private final Map<String, List<AlertListener>> listeners = new ConcurrentHashMap<>();
  private OpenTimes opened;

  private Alerts(
      Limits limits,
      Clock clock,
      AlertStore store,
      AlertMatcher matcher,
      MatchBook book,
      Duration firstRetry) {
    this.limits = limits;
    this.clock = clock;
    this.store = store;
    this.matcher = matcher;
    this.book = book;
    this.webhooks = new Webhooks(book.outcomes(store), firstRetry, WEBHOOK_ATTEMPTS);
    this.ticker =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "dateline-alert-digests");
              t.setDaemon(true);
              return t;
            });
    long everyMs = DIGEST_CHECK.toMillis();
    ticker.scheduleWithFixedDelay(this::tickQuietly, everyMs, everyMs, TimeUnit.MILLISECONDS);
  }

  /** The alerts kept in {@code indexDir}, registered and with their journal replayed. */
  public static Alerts open(Path indexDir, Limits limits) throws IOException {
    return open(indexDir, limits, Duration.ofSeconds(1));
  }

  /** {@link #open}, the first webhook retry after {@code firstRetry} (tests shorten it). */
  public static Alerts open(Path indexDir, Limits limits, Duration firstRetry) throws IOException {
    return open(indexDir, limits, firstRetry, Clock.systemUTC());
  }

  /** {@link #open}, matches and digests timed by {@code clock} (tests move it). */
  static Alerts open(Path indexDir, Limits limits, Duration firstRetry, Clock clock)
      throws IOException {
    java.nio.file.Files.createDirectories(indexDir);
    long t0 = System.nanoTime();
    AlertStore store = AlertStore.open(indexDir);
    long t1 = System.nanoTime();
    Path folder = indexDir.resolve(AlertMatcher.FOLDER);
    String code = ParsedBy.now(limits);
    boolean sameCode = code.equals(ParsedBy.saved(folder));
    if (!sameCode) {
      ParsedBy.forget(folder); // the index changes under this code from here on
    }
    Map<String, AlertMatcher.Parsed> wanted =
        sameCode ? deferAll(store, limits) : parseAll(store, limits);
    long t2 = System.nanoTime();
    AlertMatcher matcher = AlertMatcher.open(folder, wanted, store.numbers());
    MatchBook book = null;
    try {
      ParsedBy.save(folder, code);
      long t3 = System.nanoTime();
      book = MatchBook.open(indexDir, clock, store.numbers());
      OpenTimes times =
          new OpenTimes(
              store.all().size(),
              sameCode ? matcher.parsedAtOpen() : store.all().size(),
              (t1 - t0) / 1_000_000,
              (t2 - t1) / 1_000_000,
              (t3 - t2) / 1_000_000,
              (System.nanoTime() - t3) / 1_000_000);
      LOG.info("alerts opened: {}", times);
      Alerts alerts = new Alerts(limits, clock, store, matcher, book, firstRetry);
      alerts.opened = times;
      alerts.resend();
      return alerts;
    } catch (IOException | RuntimeException e) {
      matcher.close();
      if (book != null) {
        book.close();
      }
      throw e;
    }
  }

  /**
   * Every saved alert's search, parsed again, on every core (most of a restart's work with many
   * alerts); a search refused under today's limits is kept, shown, not run.
   */
  private static Map<String, AlertMatcher.Parsed> parseAll(AlertStore store, Limits limits) {
    Map<String, AlertMatcher.Parsed> parsed = new ConcurrentHashMap<>();
    store.all().values().parallelStream()
        .forEach(
            a -> {
              org.apache.lucene.search.Query q = null;
              try {
                q = StandingQuery.of(a.spec().request(), limits);
              } catch (BadRequestException e) {
                LOG.warn("alert {} is not run: {}", a.id(), e.getMessage());
              }
              parsed.put(a.id(), new AlertMatcher.Parsed(StandingEntry.search(a.spec()), q));
            });
    return parsed;
  }

  /**
   * Every saved alert's search, to be parsed when first needed: the same code parsed them all into
   * the query index on disk (a search it refused is not there, and is parsed at open).
   */
  private static Map<String, AlertMatcher.Parsed> deferAll(AlertStore store, Limits limits) {
    Map<String, AlertMatcher.Parsed> deferred = new java.util.HashMap<>();
    for (Alert a : store.all().values()) {
      deferred.put(
          a.id(),
          new AlertMatcher.Parsed(
              StandingEntry.search(a.spec()), new DeferredQuery(a.spec(), limits)));
    }
    return deferred;
  }

  /** Where the opening of these alerts went. */
  public OpenTimes opened() {
    return opened;
  }

  /** The monitor's entry for alert {@code id} searching as {@code spec} says (400 if it cannot). */
  private MonitorQuery standing(String id, AlertSpec spec) {
    return new MonitorQuery(
        id, StandingQuery.of(spec.request(), limits), StandingEntry.search(spec), Map.of());
  }

  /** Sends again what no webhook has taken yet (after a restart). */
  private void resend() {
    for (Alert a : store.all().values()) {
      if (a.webhook() != null) {
        for (long seq : book.unsettled(a.id(), a.webhook().afterSeq(), a.digest() != null)) {
          webhooks.send(a.id(), seq);
        }
      }
    }
  }

  /** Saves a new alert of {@code owner}; a search that cannot be an alert is refused (400). */
  public AlertStatus create(String owner, AlertSpec spec) throws IOException {
    return createAll(owner, List.of(spec)).get(0);
  }

  /** Saves many alerts at once (one write of the store): for loading and measuring. */
  public List<AlertStatus> createAll(String owner, List<AlertSpec> specs) throws IOException {
    List<Alert> made = new ArrayList<>(specs.size());
    for (AlertSpec spec : specs) {
      checkName(spec);
      Alert a =
          new Alert(
              newId(),
              owner,
              spec.name(),
              spec.query(),
              spec.filters(),
              spec.from(),
              spec.to(),
              webhook(spec.webhookUrl(), null, 0),
              spec.backfillDays(),
              clock.instant(),
              spec.digest());
      made.add(a);
    }
    List<MonitorQuery> queries = standingAll(made, specs);
    store.putAll(made);
    matcher.register(queries);
    List<AlertStatus> out = new ArrayList<>(made.size());
    for (Alert a : made) {
      out.add(status(a));
    }
    return out;
  }

  /**
   * The monitor's entries of {@code made}, searching as {@code specs} say, parsed on every core (a
   * sixth of registering 100k); the first refused search, in order, is thrown (400) as it was made,
   * not as the pool would wrap it.
   */
  private List<MonitorQuery> standingAll(List<Alert> made, List<AlertSpec> specs) {
    Object[] parsed = new Object[made.size()];
    java.util.stream.IntStream.range(0, made.size())
        .parallel()
        .forEach(
            i -> {
              try {
                parsed[i] = standing(made.get(i).id(), specs.get(i));
              } catch (RuntimeException refused) {
                parsed[i] = refused;
              }
            });
    List<MonitorQuery> queries = new ArrayList<>(made.size());
    for (Object p : parsed) {
      if (p instanceof RuntimeException refused) {
        throw refused;
      }
      queries.add((MonitorQuery) p);
    }
    return queries;
  }

  /** Changes an alert of {@code owner}; null when it has none with this id. */
  public AlertStatus update(String owner, String id, AlertSpec spec) throws IOException {
    Alert old = mine(owner, id);
    if (old == null) {
      return null;
    }
    checkName(spec);
    MonitorQuery query = standing(id, spec);
    Alert.Webhook hook = webhook(spec.webhookUrl(), old.webhook(), book.lastSeq(id));
    Alert changed = old.with(spec, hook);
    store.put(changed);
    matcher.register(List.of(query));
    return status(changed);
  }

  /** Deletes an alert of {@code owner}; false when it has none with this id. */
  public boolean delete(String owner, String id) throws IOException {
    if (mine(owner, id) == null) {
      return false;
    }
    matcher.remove(id);
    store.remove(id);
    listeners.remove(id);
    return true;
  }

  /** The alerts of {@code owner}, oldest first. */
  public List<AlertStatus> list(String owner) {
    return store.all().values().stream()
        .filter(a -> a.owner().equals(owner))
        .sorted(java.util.Comparator.comparing(Alert::created).thenComparing(Alert::id))
        .map(this::status)
        .toList();
  }

  /** An alert of {@code owner}, or null when it has none with this id. */
  public AlertStatus get(String owner, String id) {
    Alert a = mine(owner, id);
    return a == null ? null : status(a);
  }

  /** The alert's events after {@code afterSeq}, in order (null: no such alert of the owner). */
  public List<AlertEvent> events(String owner, String id, long afterSeq) {
    Alert a = mine(owner, id);
    return a == null ? null : book.after(id, afterSeq, a.digest() != null);
  }

  /**
   * The alert's feed entries, the latest first: the latest event of each story, or, for an alert in
   * digest mode, its digests.
   */
  public List<AlertEvent> stories(String owner, String id, int max) {
    Alert a = mine(owner, id);
    if (a == null) {
      return null;
    }
    return a.digest() == null ? book.latestByStory(id, max) : book.digests(id, max);
  }

  /**
   * Makes and tells the digests that are due: for each alert in digest mode, one per period over by
   * now in which it matched; returns them. Runs every {@link #DIGEST_CHECK} on its own thread.
   */
  public List<AlertEvent> tick() throws IOException {
    List<AlertEvent> made = new ArrayList<>();
    for (Alert a : store.all().values()) {
      if (a.digest() != null) {
        made.addAll(book.digest(a));
      }
    }
    publish(made);
    return made;
  }

  private void tickQuietly() {
    try {
      tick();
    } catch (IOException | RuntimeException e) {
      LOG.warn("alert digests not made this time: {}", e.getMessage());
    }
  }

  /**
   * Tells {@code listener} of the alert's events from now on; returns what stops it. Subscribe
   * before reading the events so far ({@link #events}), and skip those read twice (by seq).
   */
  public AutoCloseable subscribe(String id, AlertListener listener) {
    List<AlertListener> list = listeners.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>());
    list.add(listener);
    return () -> list.remove(listener);
  }

  @Override
  public void written(SourceFile source, List<Article> articles, List<StoryStamp> stamps)
      throws IOException {
    if (store.all().isEmpty() || articles.isEmpty()) {
      return;
    }
    MatchBook.Recorded made = book.record(source, articles, stamps, matcher, store);
    AlertNumbers numbers = book.numbers();
    for (int i = 0; i < made.size(); i++) {
      int n = made.alert(i);
      byte flags = numbers.flags(n);
      // an alert with neither a webhook nor a listener has nothing to be told now (its events are
      // read from the book when asked): no event is made, no map is looked in (issue 17)
      if ((flags & AlertNumbers.WEBHOOK) != 0 || !listeners.isEmpty()) {
        publish(List.of(book.event(made, i)));
      }
    }
  }

  /**
   * Runs a new alert over the archive's articles ingested in its last {@code backfill_days} (at
   * most the {@value Backfill#MAX} latest), oldest first, as if they had just arrived; returns how
   * many events that made.
   */
  public int backfill(String owner, String id, SearchService search) throws IOException {
    return backfill(owner, id, search, clock.instant());
  }

  /** {@link #backfill}, {@code now} being the end of the days it looks back over. */
  int backfill(String owner, String id, SearchService search, Instant now) throws IOException {
    Alert a = mine(owner, id);
    if (a == null || a.backfillDays() == 0) {
      return 0;
    }
    org.apache.lucene.search.Query standing = StandingQuery.of(a.spec().request(), limits);
    List<AlertEvent> made = book.record(Backfill.run(id, standing, a.backfillDays(), now, search));
    publish(made);
    return made.size();
  }

  private void publish(List<AlertEvent> made) {
    for (AlertEvent e : made) {
      Alert a = store.get(e.alert());
      if (a != null && a.digest() != null && !e.isDigest()) {
        continue; // told in the period's digest
      }
      List<AlertListener> told = listeners.isEmpty() ? null : listeners.get(e.alert());
      if (told != null) {
        for (AlertListener l : told) {
          l.event(e);
        }
      }
      if (a != null && a.webhook() != null && e.seq() > a.webhook().afterSeq()) {
        webhooks.send(e.alert(), e.seq());
      }
    }
  }

  /** How many alerts are registered with the matcher. */
  public int size() throws IOException {
    return matcher.size();
  }

  private Alert mine(String owner, String id) {
    Alert a = store.get(id);
    return a != null && owner != null && a.owner().equals(owner) ? a : null;
  }

  private AlertStatus status(Alert a) {
    return book.status(a);
  }

  private static void checkName(AlertSpec spec) {
    if (spec.name().length() > 200) {
      throw new BadRequestException("an alert's name has at most 200 characters");
    }
    if (spec.backfillDays() < 0 || spec.backfillDays() > 366) {
      throw new BadRequestException("backfill_days must be between 0 and 366");
    }
  }

  /** The webhook for {@code url}: the old one's secret when the URL is the same, else new. */
  private static Alert.Webhook webhook(String url, Alert.Webhook old, long afterSeq) {
    if (url == null || url.isBlank()) {
      return null;
    }
    java.net.URI uri;
    try {
      uri = java.net.URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    if (uri == null
        || uri.getHost() == null
        || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      throw new BadRequestException("webhook_url must be an http or https URL, got " + url);
    }
    if (old != null && old.url().equals(uri.toString())) {
      return old;
    }
    return new Alert.Webhook(uri.toString(), WebhookSignature.newSecret(), afterSeq);
  }

  private static String newId() {
    byte[] b = new byte[8];
    RANDOM.nextBytes(b);
    return "al_" + HexFormat.of().formatHex(b);
  }

  @Override
  public void close() throws IOException {
    ticker.shutdownNow();
    webhooks.close();
    try {
      matcher.close();
    } finally {
      book.close();
    }
  }
}
