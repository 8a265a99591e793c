package org.dateline.ingest;

/** One file that yielded no article, why, and a short human-readable detail. */
public record IngestFailure(String path, FailureKind kind, String detail) {}
