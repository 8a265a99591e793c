package org.dateline.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dateline.index.StoryStamp;

/**
 * What one alert has matched, rebuilt from the journal at start: its events in order, the story
 * each is about (one notification per story, the first copy's; later copies update it), and how its
 * webhook fared. Not thread-safe: {@link Alerts} guards it.
 */
final class AlertLog {

  /** One story the alert told of: its first copy and every outlet seen carrying it since. */
  private static final class StoryNote {
    final String firstArticle;
    final String title;
    final String date;

    /**
     * The outlets in the order first seen: an immutable list, replaced when an outlet is added, so
     * that each event holds it as it was without a copy (nearly every story has one outlet; a set
     * and a copy per event were a large part of the bookkeeping with 100k alerts, issue 17).
     */
    List<String> outlets = List.of();

    int copies;

    StoryNote(String firstArticle, String title, String date) {
      this.firstArticle = firstArticle;
      this.title = title;
      this.date = date;
    }
  }

  private final List<AlertEvent> events = new ArrayList<>();
  private final Map<Long, StoryNote> stories = new HashMap<>();
  private final Set<String> articles = new java.util.HashSet<>();
  private final Set<Long> settled = new java.util.HashSet<>();
  private final Set<Instant> digested = new java.util.HashSet<>();
  private long lastSeq;

  /** Event numbers handed out for matches being journaled, not applied yet ({@link MatchBook}). */
  int pending;

  private long delivered;
  private long gaveUp;
  private String lastError;
  private Instant lastErrorAt;

  /**
   * Takes the (alert, article) key of a match about to be journaled ({@link #applyClaimed} applies
   * it): false when the alert has matched the article already.
   */
  boolean claim(String article) {
    return articles.add(article);
  }

  /** Gives back a key {@link #claim} took, for a match that could not be journaled. */
  void unclaim(String article) {
    articles.remove(article);
  }

  /** The number the alert's next event gets. */
  long nextSeq() {
    return lastSeq + 1;
  }

  /** Applies a match (live or replayed) and returns the event it makes, or null when seen. */
  AlertEvent apply(JournalEntry match) {
    if (!articles.add(match.article())) {
      return null;
    }
    return applyClaimed(
        match.alert(),
        match.seq(),
        match.article(),
        match.story(),
        match.title(),
        match.outlet(),
        match.date(),
        match.time());
  }

  /**
   * Applies the match of {@code article} as event {@code seq}, its key taken by {@link #claim};
   * returns its event.
   */
  AlertEvent applyClaimed(
      String alert,
      long seq,
      String article,
      long story,
      String title,
      String outlet,
      String date,
      Instant time) {
    StoryNote note = stories.get(story);
    boolean first = note == null;
    if (first) {
      note = new StoryNote(article, title, date);
      stories.put(story, note);
    }
    if (outlet != null && !outlet.isBlank() && !note.outlets.contains(outlet)) {
      note.outlets = with(note.outlets, outlet);
    }
    note.copies++;
    int others = Math.max(0, note.outlets.size() - 1);
    AlertEvent event =
        new AlertEvent(
            alert,
            seq,
            first ? AlertEvent.STORY : AlertEvent.UPDATE,
            StoryStamp.format(story),
            article,
            note.firstArticle,
            note.title,
            note.date,
            note.outlets,
            note.copies,
            others == 0 ? "" : "+" + others + (others == 1 ? " outlet" : " outlets"),
            time,
            null,
            null);
    events.add(event);
    lastSeq = seq;
    return event;
  }

  /** {@code list} (immutable) with {@code item} added at its end, as a new immutable list. */
  private static List<String> with(List<String> list, String item) {
    if (list.isEmpty()) {
      return List.of(item);
    }
    String[] out = list.toArray(new String[list.size() + 1]);
    out[list.size()] = item;
    return List.of(out);
  }

  /**
   * Applies a digest (live or replayed) and returns its event: the stories of the match events
   * whose time falls in the digest's period, each as its latest event there.
   */
  AlertEvent digest(JournalEntry digest) {
    Map<String, AlertEvent> latest = new java.util.LinkedHashMap<>();
    int matches = 0;
    for (AlertEvent e : events) {
      if (!e.isDigest()
          && !e.time().isBefore(digest.periodStart())
          && e.time().isBefore(digest.time())) {
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
    events.add(event);
    lastSeq = digest.seq();
    digested.add(digest.periodStart());
    return event;
  }

  /**
   * The starts of the periods over by {@code now} whose matches no digest has told yet, in order.
   */
  List<Instant> duePeriods(DigestPeriod period, Instant now) {
    java.util.TreeSet<Instant> due = new java.util.TreeSet<>();
    for (AlertEvent e : events) {
      if (!e.isDigest()) {
        Instant start = period.start(e.time());
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
    int from = 0;
    // events are numbered 1..n without gaps: event seq is at index seq - 1
    if (afterSeq > 0) {
      from = (int) Math.min(events.size(), afterSeq);
    }
    List<AlertEvent> out = events.subList(from, events.size());
    return digestsOnly ? out.stream().filter(AlertEvent::isDigest).toList() : List.copyOf(out);
  }

  /** The latest digests, the most recent first, at most {@code max}. */
  List<AlertEvent> digests(int max) {
    List<AlertEvent> out = new ArrayList<>();
    for (int i = events.size() - 1; i >= 0 && out.size() < max; i--) {
      if (events.get(i).isDigest()) {
        out.add(events.get(i));
      }
    }
    return out;
  }

  /** Event {@code seq}, or null when the alert has none with that number. */
  AlertEvent event(long seq) {
    return seq < 1 || seq > events.size() ? null : events.get((int) (seq - 1));
  }

  /** The latest event of each story, the most recent story first, at most {@code max}. */
  List<AlertEvent> latestByStory(int max) {
    List<AlertEvent> out = new ArrayList<>();
    Set<String> done = new java.util.HashSet<>();
    for (int i = events.size() - 1; i >= 0 && out.size() < max; i--) {
      AlertEvent e = events.get(i);
      if (done.add(e.story())) {
        out.add(e);
      }
    }
    return out;
  }

  int eventCount() {
    return events.size();
  }

  int storyCount() {
    return stories.size();
  }

  /**
   * The record of {@code webhook}: delivered, given up, waiting (with {@code digestsOnly}, only
   * digests are posted), the last error.
   */
  AlertStatus.WebhookStatus webhookStatus(Alert.Webhook webhook, boolean digestsOnly) {
    long waiting = 0;
    for (AlertEvent e : after(webhook.afterSeq(), digestsOnly)) {
      if (!settled.contains(e.seq())) {
        waiting++;
      }
    }
    return new AlertStatus.WebhookStatus(
        webhook.url(), webhook.secret(), delivered, waiting, gaveUp, lastError, lastErrorAt);
  }
}
