package org.dateline.server;

import io.javalin.http.HttpStatus;

/** An error the API answers with its own status and code (401, 403, 409, 413, 422, 503). */
final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  final transient HttpStatus status;
  final String code;

  ApiException(HttpStatus status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }
}
