package org.dateline.server;

import org.eclipse.jetty.server.HttpConfiguration;

/**
 * How Jetty sends an answer's body. By default it keeps back only writes of up to a quarter of its
 * output buffer (8 KB of 32 KB); a larger write, such as a search answer of 10-15 KB written in one
 * piece, goes out at once, before the length of the whole is known, so the answer is sent chunked:
 * the headers and the body in one write, then the closing chunk in a second. Kept back up to the
 * whole buffer, an answer that fits it leaves in one write with a {@code Content-Length}, as Solr's
 * do; a larger one is still streamed in chunks. The bytes of the body are the same either way.
 */
final class ResponseBuffering {

  private ResponseBuffering() {}

  /**
   * Keeps back writes up to the output buffer's size, so that an answer that fits goes out whole.
   */
  static void wholeAnswers(HttpConfiguration http) {
    http.setOutputAggregationSize(http.getOutputBufferSize());
  }
}
