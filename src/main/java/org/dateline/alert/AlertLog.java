package org.dateline.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one alert has matched, rebuilt from the journal at start: its events in order, the story
 * each is about (one notification per story, the first copy's; later copies update it), and how its
 * webhook fared. A match event is a number in the shared {@link MatchLedger} (its article, story
 * note, copies and outlets then), made into an {@link AlertEvent} when read. Not thread-safe:
 * {@link MatchBook} guards it.
 */
final class AlertLog {

  private final String alert;
  private final MatchLedger ledger;

  /**
   * The alert's events in order (event seq at index seq - 1): a match event's number in the ledger,
   * or for a digest {@code -1 - i}, {@code i} its place in {@link #digestEvents}.
   */
  private int[] events = new int[4];

  private int size;
  private final List<AlertEvent> digestEvents = new ArrayList<>();
  private int stories;
  private final Set<Long> settled = new java.util.HashSet<>();
  private final Set<Instant> digested = new java.util.HashSet<>();
  private long lastSeq;

  /** Event numbers handed out for matches being journaled, not applied yet ({@link MatchBook}). */
  int pending;

  private long delivered;
  private long gaveUp;
  private String lastError;
  private Instant lastErrorAt;

  /** The log of alert {@code alert}, its matches kept in {@code ledger}. */
  AlertLog(String alert, MatchLedger ledger) {
    this.alert = alert;
    this.ledger = ledger;
  }

  /** The number the alert's next event gets. */
  long nextSeq() {
    return lastSeq + 1;
  }

  /** The ledger made a note of a story this alert had not told of ({@link MatchLedger#apply}). */
  void newStory() {
    stories++;
  }

  /** The ledger applied match event {@code e} as this alert's event {@code seq}. */
  void added(int e, long seq) {
    add(e);
    lastSeq = seq;
  }

  private void add(int entry) {
    if (size == events.length) {
      events = java.util.Arrays.copyOf(events, size * 2);
    }
    events[size++] = entry;
  }

  private boolean isDigest(int i) {
    return events[i] < 0;
  }

  /** The time of the event at index {@code i}. */
  private Instant time(int i) {
    int e = events[i];
    return e >= 0 ? ledger.time(e) : digestEvents.get(-1 - e).time();
  }

  /** The event at index {@code i}, made now from the ledger for a match. */
  private AlertEvent at(int i) {
    int e = events[i];
    return e >= 0 ? ledger.event(alert, i + 1, e) : digestEvents.get(-1 - e);
  }

  /**
   * Applies a digest (live or replayed) and returns its event: the stories of the match events
   * whose time falls in the digest's period, each as its latest event there.
   */
  AlertEvent digest(JournalEntry digest) {
    Map<String, AlertEvent> latest = new java.util.LinkedHashMap<>();
    int matches = 0;
    for (int i = 0; i < size; i++) {
      if (!isDigest(i)
          && !time(i).isBefore(digest.periodStart())
          && time(i).isBefore(digest.time())) {
        AlertEvent e = at(i);
        latest.put(e.story(), e); // a story keeps its first place, with its latest event
        matches++;
      }
    }
    List<AlertEvent> stories = new ArrayList<>(latest.values());
    int n = stories.size();
    AlertEvent event =
        new AlertEvent(
            digest.alert(),
            digest.seq(),
            AlertEvent.DIGEST,
            null,
            null,
            null,
            n + (n == 1 ? " story" : " stories"),
            null,
            List.of(),
            matches,
            "",
            digest.time(),
            digest.periodStart(),
            stories);
    digestEvents.add(event);
    add(-digestEvents.size());
    lastSeq = digest.seq();
    digested.add(digest.periodStart());
    return event;
  }

  /**
   * The starts of the periods over by {@code now} whose matches no digest has told yet, in order.
   */
  List<Instant> duePeriods(DigestPeriod period, Instant now) {
    java.util.TreeSet<Instant> due = new java.util.TreeSet<>();
    for (int i = 0; i < size; i++) {
      if (!isDigest(i)) {
        Instant start = period.start(time(i));
        if (!digested.contains(start) && !period.end(start).isAfter(now)) {
          due.add(start);
        }
      }
    }
    return List.copyOf(due);
  }

  /** Records a webhook outcome (delivered, or given up after its retries). */
  void settle(JournalEntry outcome) {
    if (!settled.add(outcome.seq())) {
      return;
    }
    if (outcome.kind() == JournalEntry.Kind.DELIVERED) {
      delivered++;
    } else {
      gaveUp++;
      failed(outcome.error(), outcome.time());
    }
  }

  /** Records a failed webhook attempt (to be retried, or given up). */
  void failed(String error, Instant at) {
    lastError = error;
    lastErrorAt = at;
  }

  /** Whether event {@code seq}'s webhook is delivered or given up. */
  boolean settled(long seq) {
    return settled.contains(seq);
  }

  /** Events after {@code afterSeq}, in order; with {@code digestsOnly}, only the digests. */
  List<AlertEvent> after(long afterSeq, boolean digestsOnly) {
    List<AlertEvent> out = new ArrayList<>();
    for (int i = from(afterSeq); i < size; i++) {
      if (!digestsOnly || isDigest(i)) {
        out.add(at(i));
      }
    }
    return out;
  }

  /** The index of the first event after {@code afterSeq} (events are numbered 1..n, no gaps). */
  private int from(long afterSeq) {
    return afterSeq > 0 ? (int) Math.min(size, afterSeq) : 0;
  }

  /** The numbers of the events after {@code afterSeq} (digests only) not settled, in order. */
  List<Long> unsettled(long afterSeq, boolean digestsOnly) {
    List<Long> out = new ArrayList<>();
    for (int i = from(afterSeq); i < size; i++) {
      if ((!digestsOnly || isDigest(i)) && !settled.contains(i + 1L)) {
        out.add(i + 1L);
      }
    }
    return out;
  }

  /** The latest digests, the most recent first, at most {@code max}. */
  List<AlertEvent> digests(int max) {
    List<AlertEvent> out = new ArrayList<>();
    for (int i = size - 1; i >= 0 && out.size() < max; i--) {
      if (isDigest(i)) {
        out.add(at(i));
      }
    }
    return out;
  }

  /** Event {@code seq}, or null when the alert has none with that number. */
  AlertEvent event(long seq) {
    return seq < 1 || seq > size ? null : at((int) (seq - 1));
  }

  /** The latest event of each story, the most recent story first, at most {@code max}. */
  List<AlertEvent> latestByStory(int max) {
    List<AlertEvent> out = new ArrayList<>();
    Set<String> done = new java.util.HashSet<>();
    for (int i = size - 1; i >= 0 && out.size() < max; i--) {
      AlertEvent e = at(i);
      if (done.add(e.story())) {
        out.add(e);
      }
    }
    return out;
  }

  int eventCount() {
    return size;
  }

  int storyCount() {
    return stories;
  }

  /**
   * The record of {@code webhook}: delivered, given up, waiting (with {@code digestsOnly}, only
   * digests are posted), the last error.
   */
  AlertStatus.WebhookStatus webhookStatus(Alert.Webhook webhook, boolean digestsOnly) {
    long waiting = unsettled(webhook.afterSeq(), digestsOnly).size();
    return new AlertStatus.WebhookStatus(
        webhook.url(), webhook.secret(), delivered, waiting, gaveUp, lastError, lastErrorAt);
  }
}
