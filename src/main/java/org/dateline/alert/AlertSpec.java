package org.dateline.alert;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dateline.search.SearchRequest;
import org.dateline.search.SortOrder;

/**
 * What a client asks an alert to be: a name, the search, and optionally a webhook URL, how many
 * days back to run it at once ({@code backfillDays}) and a digest period (null: every match told as
 * it happens).
 */
public record AlertSpec(
    String name,
    String query,
    Map<String, List<String>> filters,
    LocalDate from,
    LocalDate to,
    String webhookUrl,
    int backfillDays,
    DigestPeriod digest) {

  /** A spec whose matches are told as they happen. */
  public AlertSpec(
      String name,
      String query,
      Map<String, List<String>> filters,
      LocalDate from,
      LocalDate to,
      String webhookUrl,
      int backfillDays) {
    this(name, query, filters, from, to, webhookUrl, backfillDays, null);
  }

  public AlertSpec {
    filters = filters == null ? Map.of() : Map.copyOf(filters);
    query = query == null ? "" : query.strip();
    name = name == null || name.isBlank() ? query : name.strip();
  }

  /** The search this alert runs, as {@code /api/search} would take it. */
  public SearchRequest request() {
    return new SearchRequest(
        query, filters, from, to, SortOrder.NEWEST, 1, SearchRequest.MAX_SIZE, null, 0, 0);
  }
}
