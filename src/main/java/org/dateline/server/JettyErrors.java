package org.dateline.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Requests Jetty refuses before they reach a route (a bad URI, a request line over the size limit,
 * an illegal character in the path) get the same JSON {@link ErrorBody} as every other error,
 * instead of Jetty's HTML page.
 */
final class JettyErrors extends ErrorHandler {

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback)
      throws IOException {
    String error;
    String why;
    boolean limit = false; // max_request_bytes, the one limit here that is a setting
    if (code == 414 || code == 431) {
      error = "limit_exceeded";
      why =
          "the request line or its headers are longer than "
              + ApiServer.MAX_REQUEST_LINE_BYTES
              + " bytes; send a shorter query";
    } else if (code == 413) {
      error = "limit_exceeded";
      why = "the request body is larger than this server accepts: send a smaller file";
      limit = true;
    } else if (code < 500) {
      error = code == 404 ? "not_found" : "bad_request";
      why =
          "the request is malformed ("
              + (message == null ? "HTTP " + code : message)
              + "); percent-encode special characters in the path and parameters";
    } else {
      error = "internal_error";
      why = "the server failed on this request; see the server log";
    }
    Object answer =
        limit
            ? new LimitErrorBody(error, why, "max_request_bytes", "--max-request-mb")
            : new ErrorBody(error, why);
    byte[] body = ApiServer.jsonMapper().writeValueAsBytes(answer);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(body), callback);
  }
}
