package org.dateline.search;

/** A request asked for more work than a configured limit allows; the message names the limit. */
public final class LimitExceededException extends BadRequestException {
  private static final long serialVersionUID = 1L;

  public LimitExceededException(String message) {
    super(message);
  }
}
