package org.dateline.ingest;

/** A file could not be turned into articles; {@link #kind()} says why. */
public final class ParseException extends Exception {
  private static final long serialVersionUID = 1L;
  private final FailureKind kind;

  public ParseException(FailureKind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public ParseException(FailureKind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public FailureKind kind() {
    return kind;
  }
}
