package org.dateline.index;

/**
 * A source file's identity as the index remembers it, so a second run can skip it when unchanged.
 *
 * @param path the path as given to the indexer, normalised to an absolute path
 * @param sha256 hex digest of the file's bytes
 * @param ingestedMs when the file's articles were first written to the index (epoch ms; 0: not yet,
 *     they are stamped when written). Kept when an article is rewritten in place.
 */
public record SourceFile(
    String path, long sizeBytes, long mtimeMs, String sha256, long ingestedMs) {

  /**
   * A file about to be written: its articles get the time they are written as their ingest time.
   */
  public SourceFile(String path, long sizeBytes, long mtimeMs, String sha256) {
    this(path, sizeBytes, mtimeMs, sha256, 0);
  }
}
