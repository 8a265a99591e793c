package org.dateline.bench.peer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.dateline.bench.mix.MixRequest;

/** One search engine under comparison: its address, how a mix request is asked of it, its hits. */
public interface Engine {

  /** A short name for tables ({@code solr}, {@code dateline}). */
  String name();

  /** {@code http://host:port}, no trailing slash. */
  String baseUrl();

  /** The path and query string that asks {@code request} of this engine. */
  String path(MixRequest request);

  /**
   * The number of hits an answer reports; throws {@link IllegalArgumentException} when the answer
   * lacks a part every request asks for (facets, snippets), which makes the request an error.
   */
  long found(JsonNode answer);

  /** Request headers every request carries, as name, value, name, value ... (default: none). */
  default List<String> headers() {
    return List.of();
  }
}
