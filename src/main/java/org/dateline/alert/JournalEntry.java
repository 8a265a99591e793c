package org.dateline.alert;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One line of the alerts' journal: a match of an article by an alert ({@link Kind#MATCH}, its
 * idempotency key the pair alert and article), or what became of the webhook of the alert's event
 * {@code seq} ({@link Kind#DELIVERED}, {@link Kind#GAVE_UP}).
 *
 * @param seq the alert's event number: a match is event {@code seq} of its alert
 * @param periodStart of a digest ({@link Kind#DIGEST}, {@code time} its period's end): the start
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record JournalEntry(
    Kind kind,
    String alert,
    long seq,
    String article,
    Long story,
    String title,
    String outlet,
    String date,
    Instant time,
    String error,
    Instant periodStart,
    java.util.List<String> alerts,
    long[] seqs) {

  enum Kind {
    MATCH,
    /**
     * The matches of one article by many alerts: the article's fields once, then {@code alerts} and
     * each one's event number in {@code seqs} (one line per article instead of one per match).
     */
    MATCHES,
    DELIVERED,
    GAVE_UP,
    DIGEST
  }

  static JournalEntry match(
      String alert,
      long seq,
      String article,
      long story,
      String title,
      String outlet,
      String date,
      Instant time) {
    return new JournalEntry(
        Kind.MATCH, alert, seq, article, story, title, outlet, date, time, null, null, null, null);
  }

  /**
   * Article {@code article} matched by {@code alerts}, alert {@code alerts[i]}'s event number being
   * {@code seqs[i]}.
   */
  static JournalEntry matches(
      java.util.List<String> alerts,
      long[] seqs,
      String article,
      long story,
      String title,
      String outlet,
      String date,
      Instant time) {
    return new JournalEntry(
        Kind.MATCHES, null, 0, article, story, title, outlet, date, time, null, null, alerts, seqs);
  }

  /** The match of this line's article by {@code alerts().get(i)}, as its own entry. */
  JournalEntry matchOf(int i) {
    return match(alerts.get(i), seqs[i], article, story, title, outlet, date, time);
  }

  static JournalEntry delivered(String alert, long seq, Instant time) {
    return new JournalEntry(
        Kind.DELIVERED, alert, seq, null, null, null, null, null, time, null, null, null, null);
  }

  static JournalEntry gaveUp(String alert, long seq, Instant time, String error) {
    return new JournalEntry(
        Kind.GAVE_UP, alert, seq, null, null, null, null, null, time, error, null, null, null);
  }

  /**
   * Event {@code seq} of the alert is the digest of the period from {@code start} to {@code end}.
   */
  static JournalEntry digest(String alert, long seq, Instant start, Instant end) {
    return new JournalEntry(
        Kind.DIGEST, alert, seq, null, null, null, null, null, end, null, start, null, null);
  }
}
