package org.dateline.alert;

/**
 * Where the opening of a server's alerts went, in milliseconds: reading the saved alerts, parsing
 * their searches (or, when the same code parsed them last time, taking them as indexed), opening
 * the monitor's query index and bringing it in line, and replaying the match journal.
 */
public record OpenTimes(
    int alerts, int parsed, long storeMs, long parseMs, long queryIndexMs, long journalMs) {}
