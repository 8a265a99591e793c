package org.dateline.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dateline.search.SearchResponse;
import org.dateline.server.ApiServer;

/**
 * The answers to a query mix as JSON lines ({"query": ..., "response": ...}), each without its
 * {@code took_ms}, so that two builds' answers to the same mix can be compared with {@code cmp}: a
 * change that should only be faster must leave the file identical. Not thread-safe.
 */
final class ResponseLog implements AutoCloseable {

  private final BufferedWriter out;

  private ResponseLog(BufferedWriter out) {
    this.out = out;
  }

  /** A log writing to {@code file}. */
  static ResponseLog open(Path file) throws IOException {
    return new ResponseLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
  }

  void write(String query, SearchResponse response) throws IOException {
    ObjectNode line = ApiServer.jsonMapper().createObjectNode();
    line.put("query", query);
    ObjectNode answer = ApiServer.jsonMapper().valueToTree(response);
    answer.remove("took_ms");
    line.set("response", answer);
    out.write(ApiServer.jsonMapper().writeValueAsString(line));
    out.newLine();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
