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
 */
public record Original(
    Path file, String member, String name, boolean containerOnly, long sizeBytes) {}
