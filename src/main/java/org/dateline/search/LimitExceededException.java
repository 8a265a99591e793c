package org.dateline.search;

/**
 * A request asked for more work than a configured limit allows. The message says in a reader's
 * words what to change; {@link #setting()} and {@link #flag()} name the limit for whoever runs the
 * server (the API returns them as fields of their own, the page never shows them).
 */
public class LimitExceededException extends BadRequestException {
  private static final long serialVersionUID = 1L;

  private final String setting;
  private final String flag;

  /** A limit that is no setting of ours (Lucene's own, or a malformed query's). */
  public LimitExceededException(String message) {
    this(message, null, null);
  }

  /** {@code setting} as the config file spells it, {@code flag} as the command line does. */
  public LimitExceededException(String message, String setting, String flag) {
    super(message);
    this.setting = setting;
    this.flag = flag;
  }

  /** The config-file name of the limit ("max_query_terms"), or null. */
  public String setting() {
    return setting;
  }

  /** The command-line option that sets the limit ("--max-query-terms"), or null. */
  public String flag() {
    return flag;
  }
}
