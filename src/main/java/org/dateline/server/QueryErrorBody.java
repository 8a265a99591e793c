package org.dateline.server;

/**
 * The error for a query that cannot be read: besides the code and message of every error, the
 * position in the query (0-based, -1 for none) and the query rewritten so that it reads (or null),
 * which the page offers as a one-click fix.
 */
public record QueryErrorBody(String error, String message, int position, String suggestion) {}
