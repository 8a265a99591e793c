package org.dateline.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Who may call the HTTP API: which browser origins (CORS), which keys may write (upload), where the
 * scoped read keys live, and whether reading needs a key at all. Immutable.
 *
 * @param corsOrigins origins of other pages allowed to call the API from a browser; empty means
 *     only Dateline's own page
 * @param writeKeys keys that may upload documents; empty means uploads are refused
 * @param readKeysFile JSON file of read keys, each pinning filters (outlet, date range); or null
 * @param readAccess whether a request without a key may read
 */
public record AccessConfig(
    List<String> corsOrigins, List<String> writeKeys, Path readKeysFile, ReadAccess readAccess) {

  /** Shortest key accepted, so a guessable key fails at start rather than in production. */
  public static final int MIN_KEY_CHARS = 16;

  /** Who may read without a key. */
  public enum ReadAccess {
    /** Anyone: the API is public. */
    OPEN,
    /** Clients on this machine (loopback addresses); others need a read key. The default. */
    LOCAL,
    /** Nobody: every read needs a key. */
    KEY;

    /** Parses "open", "local" or "key", case-insensitive. */
    public static ReadAccess parse(String value) {
      try {
        return valueOf(value.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "read access must be open, local or key; got '" + value + "'", e);
      }
    }
  }

  public AccessConfig {
    corsOrigins =
        corsOrigins.stream()
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .map(AccessConfig::origin)
            .toList();
    writeKeys = writeKeys.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    for (String key : writeKeys) {
      if (key.length() < MIN_KEY_CHARS) {
        throw new IllegalArgumentException(
            "every write key must have at least "
                + MIN_KEY_CHARS
                + " characters (DATELINE_WRITE_KEYS); one has "
                + key.length());
      }
    }
    if (readAccess == null) {
      readAccess = ReadAccess.LOCAL;
    }
  }

  /** No other origins, no keys, reading open to this machine. */
  public static AccessConfig defaults() {
    return new AccessConfig(List.of(), List.of(), null, ReadAccess.LOCAL);
  }

  public AccessConfig withCorsOrigins(List<String> origins) {
    return new AccessConfig(origins, writeKeys, readKeysFile, readAccess);
  }

  public AccessConfig withWriteKeys(List<String> keys) {
    return new AccessConfig(corsOrigins, keys, readKeysFile, readAccess);
  }

  public AccessConfig withReadKeysFile(Path file) {
    return new AccessConfig(corsOrigins, writeKeys, file, readAccess);
  }

  public AccessConfig withReadAccess(ReadAccess access) {
    return new AccessConfig(corsOrigins, writeKeys, readKeysFile, access);
  }

  /** An origin is scheme://host[:port], nothing after: what a browser sends in Origin. */
  private static String origin(String value) {
    String v = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    if (!v.matches("https?://[^/\\s]+")) {
      throw new IllegalArgumentException(
          "a CORS origin is scheme://host[:port] such as"
              + " https://partner.example or http://localhost:8080; got '"
              + value
              + "'");
    }
    return v.toLowerCase(Locale.ROOT);
  }
}
