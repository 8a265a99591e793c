package org.dateline.search;

/**
 * A search ran past its time limit. Seldom the query's fault: a server that has just started reads
 * its index from disk on the first searches, and one that indexes or answers many requests at once
 * runs each more slowly; so the message says to try again, and the API answers 503.
 */
public final class SearchTimeoutException extends LimitExceededException {
  private static final long serialVersionUID = 1L;

  private final long limitMs;

  public SearchTimeoutException(long limitMs) {
    super(
        "the search took longer than its time limit of "
            + limitMs
            + " ms: the server may be busy, or still warming up after a start. Try again in a"
            + " moment; if it keeps happening, narrow the search (a date range, a filter, fewer"
            + " wildcards)",
        "search_timeout_ms",
        "--search-timeout-ms");
    this.limitMs = limitMs;
  }

  /** The time limit that was passed, in milliseconds. */
  public long limitMs() {
    return limitMs;
  }
}
