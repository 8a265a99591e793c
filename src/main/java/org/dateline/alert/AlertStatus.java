package org.dateline.alert;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An alert as its owner sees it: the search, how many events and stories it has made, its latest
 * matches (one per story, the story as it now stands), and how its webhook fares.
 *
 * @param lastMatches the latest event of each story, the most recent first (at most {@link
 *     Alerts#LAST_MATCHES})
 * @param digest how often its matches are told together (null: each as it happens)
 */
public record AlertStatus(
    String id,
    String name,
    String q,
    Map<String, List<String>> filters,
    LocalDate from,
    LocalDate to,
    Instant created,
    int backfillDays,
    long events,
    long stories,
    WebhookStatus webhook,
    List<AlertEvent> lastMatches,
    DigestPeriod digest) {

  /**
   * A webhook's record: the events delivered, waiting (being tried), given up after every retry,
   * and the last error with its time (null when there has been none).
   */
  public record WebhookStatus(
      String url,
      String secret,
      long delivered,
      long waiting,
      long gaveUp,
      String lastError,
      Instant lastErrorAt) {}
}
