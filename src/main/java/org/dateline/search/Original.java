package org.dateline.search;

import java.nio.file.Path;

/**
 * Where the original of an article is, as {@link OriginalFiles} found it and checked it.
 *
 * @param file the source file on disk (the container, for a member)
 * @param member the zip entry to serve from {@code file}, or null to serve the file itself
 * @param name the name the file or member had (for a download name and a content type)
 * @param containerOnly true when the article is one item of a container whose single item cannot be
 *     told apart: only the whole {@code file} can be served
 * @param sizeBytes bytes to serve (the member's, or the file's)
 * @param content the bytes to serve when the item was cut out of its container (an mbox message, a
 *     feed item's XML), else null
 */
public record Original(
    Path file, String member, String name, boolean containerOnly, long sizeBytes, byte[] content) {

  /** An original served from a file or a zip member. */
  public Original(Path file, String member, String name, boolean containerOnly, long sizeBytes) {
    this(file, member, name, containerOnly, sizeBytes, null);
  }

  /** An item cut out of the container {@code file}, served as {@code content}. */
  static Original cut(Path file, String name, byte[] content) {
    return new Original(file, null, name, false, content.length, content);
  }
}
