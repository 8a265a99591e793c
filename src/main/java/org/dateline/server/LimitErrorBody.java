package org.dateline.server;

/**
 * The error for a request over a configured limit: besides the code and the message (in a reader's
 * words, what to change), the limit's name in the config file ({@code setting}) and on the command
 * line ({@code flag}), for whoever runs the server; null for a limit that is no setting.
 */
public record LimitErrorBody(String error, String message, String setting, String flag) {}
