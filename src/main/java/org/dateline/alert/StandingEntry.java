package org.dateline.alert;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;

/**
 * How an alert's query is kept in the monitor's own index: the alert's id, its search as saved
 * ({@code search}: the JSON of query, filters and dates) and a digest of the Lucene query that
 * search was parsed into when the presearcher indexed it ({@code parsed}). At a restart the search
 * is parsed again; when the digest differs (the analysis changed between versions) the terms the
 * presearcher indexed may be stale, and the alert is registered again.
 */
record StandingEntry(String id, String search, String parsed) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the monitor keeps of a search: its query, filters (sorted) and dates. */
  private record Search(
      String q,
      java.util.SortedMap<String, java.util.List<String>> filters,
      java.time.LocalDate from,
      java.time.LocalDate to) {}

  /** The search of {@code spec} as one string, the same for the same search. */
  static String search(AlertSpec spec) {
    try {
      return AlertJson.MAPPER.writeValueAsString(
          new Search(
              spec.query(), new java.util.TreeMap<>(spec.filters()), spec.from(), spec.to()));
    } catch (JacksonException e) {
      throw new IllegalStateException("cannot write an alert's search", e);
    }
  }

  /** The entry of {@code mq}, whose query string is the alert's search. */
  static StandingEntry of(MonitorQuery mq) {
    return new StandingEntry(mq.getId(), mq.getQueryString(), digest(mq.getQuery()));
  }

  BytesRef bytes() {
    try {
      return new BytesRef(JSON.writeValueAsBytes(this));
    } catch (JacksonException e) {
      throw new IllegalStateException("cannot write an alert's monitor entry", e);
    }
  }

  static StandingEntry read(BytesRef bytes) {
    try {
      return JSON.readValue(bytes.bytes, bytes.offset, bytes.length, StandingEntry.class);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("an alert's monitor entry is unreadable", e);
    }
  }

  /** A digest of the query's full text form (fields, terms, boosts, structure). */
  static String digest(Query query) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256")
              .digest(DeferredQuery.resolve(query).toString().getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().withoutPadding().encodeToString(d).substring(0, 22);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
