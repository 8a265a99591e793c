package org.dateline.ingest;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Why a file yielded no article. Every failure is one of these, counted and reported. */
public enum FailureKind {
  /** No parser understands the format (or it is binary noise). */
  UNSUPPORTED,
  /** Encrypted or password-protected. */
  ENCRYPTED,
  /** The format is known but the bytes are broken. */
  CORRUPT,
  /** Parsed fine but holds no text (0 bytes, blank page, a container with no members). */
  EMPTY,
  /** A PDF of scanned pages or pictures, without a text layer (Dateline runs no OCR). */
  IMAGE_ONLY,
  /** Larger than a configured limit: file size, text per file, parse memory, or a zip bomb. */
  TOO_LARGE,
  /** Parsing took longer than the configured time limit. */
  TIMED_OUT,
  /** The file could not be read at all (permissions, vanished, symlink loop). */
  UNREADABLE;

  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
