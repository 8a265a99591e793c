package org.dateline.search;

/**
 * A query that cannot be read, explained in words: where (a 0-based character position in the
 * query, or -1), what is wrong there, and the query written so that it can be read (the stray
 * character escaped or the phrase closed), which a client may offer as a one-click fix.
 */
public final class QuerySyntaxException extends BadRequestException {
  private static final long serialVersionUID = 1L;

  private final int position;
  private final String suggestion;

  public QuerySyntaxException(String message, int position, String suggestion, Throwable cause) {
    super(message, cause);
    this.position = position;
    this.suggestion = suggestion;
  }

  /** Where in the query the problem is (0-based), or -1 when no one place is to blame. */
  public int position() {
    return position;
  }

  /** The query rewritten so that it parses, or null when there is no safe rewrite. */
  public String suggestion() {
    return suggestion;
  }
}
