package org.dateline.alert;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A saved search that tells its owner when a new story matches it: the search (query, filters,
 * publication-day range, as {@code /api/search} takes them), who owns it (the name of the write key
 * that made it) and where its matches go besides its event stream and feed.
 *
 * @param webhook where matches are posted, or null
 * @param backfillDays how many days back the alert was first run over the archive (0: none)
 * @param digest how often its matches are told together (null: each as it happens)
 */
public record Alert(
    String id,
    String owner,
    String name,
    String query,
    Map<String, List<String>> filters,
    LocalDate from,
    LocalDate to,
    Webhook webhook,
    int backfillDays,
    Instant created,
    DigestPeriod digest) {

  public Alert {
    filters = filters == null ? Map.of() : new TreeMap<>(filters);
    query = query == null ? "" : query.strip();
  }

  /**
   * A webhook: the URL posted to, the secret its signatures are made with ({@code whsec_} and the
   * key in base64, as Standard Webhooks has it), and the alert's last event before it was set (its
   * later events are posted).
   */
  public record Webhook(String url, String secret, long afterSeq) {}

  /** The search and name of this alert, as a client would ask for them. */
  AlertSpec spec() {
    return new AlertSpec(
        name,
        query,
        filters,
        from,
        to,
        webhook == null ? null : webhook.url(),
        backfillDays,
        digest);
  }

  /** The same alert with the search and name of {@code spec} (its id, owner, secret kept). */
  Alert with(AlertSpec spec, Webhook newWebhook) {
    return new Alert(
        id,
        owner,
        spec.name(),
        spec.query(),
        spec.filters(),
        spec.from(),
        spec.to(),
        newWebhook,
        backfillDays,
        created,
        spec.digest());
  }
}
