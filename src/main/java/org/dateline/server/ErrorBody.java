package org.dateline.server;

/** Every error the API returns: a short code and a message that says what to change. */
public record ErrorBody(String error, String message) {}
