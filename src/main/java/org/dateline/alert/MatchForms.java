package org.dateline.alert;

import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.search.Query;

/**
 * Each alert's {@link MatchForm}, made the first time the alert is a candidate and kept while the
 * monitor holds the same query for it (an alert changed or loaded again gets a new query object,
 * and so a new form). Thread-safe.
 */
final class MatchForms {

  private record Made(Query from, MatchForm.Node form) {}

  private final ConcurrentHashMap<String, Made> byAlert = new ConcurrentHashMap<>();

  /** The form of alert {@code id}'s {@code query}. */
  MatchForm.Node of(String id, Query query) {
    Made made = byAlert.get(id);
    if (made == null || made.from() != query) {
      made = new Made(query, MatchForm.of(query));
      byAlert.put(id, made);
    }
    return made.form();
  }

  /** Forgets alert {@code id}'s form (the alert is gone). */
  void remove(String id) {
    byAlert.remove(id);
  }
}
