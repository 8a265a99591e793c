package org.dateline.index;

/**
 * A source file's identity as the index remembers it, so a second run can skip it when unchanged.
 *
 * @param path the path as given to the indexer, normalised to an absolute path
 * @param sha256 hex digest of the file's bytes
 */
public record SourceFile(String path, long sizeBytes, long mtimeMs, String sha256) {}
