package org.dateline.bench.peer;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dateline.bench.mix.MixRequest;

/**
 * Dateline's side: {@code /api/search?q=body:(QUERY)&size=10&kwic=3} plus the filters as facet
 * parameters and {@code from}/{@code to}. Body only, like Solr's {@code df=body}; AND by default
 * like {@code q.op=AND}; every facet dimension, the date histogram and 3 KWIC lines per hit come
 * with every answer; facets are multi-select (DrillSideways).
 */
public record DatelineEngine(String baseUrl, String name, boolean stages) implements Engine {

  /** The request header that asks a Dateline server for its per-stage {@code Server-Timing}. */
  public static final String TIMING_HEADER = "Dateline-Timing";

  /** The one Dateline server of a peer comparison, named {@code dateline}, no stage timing. */
  public DatelineEngine(String baseUrl) {
    this(baseUrl, "dateline", false);
  }

  @Override
  public List<String> headers() {
    return stages ? List.of(TIMING_HEADER, "on") : List.of();
  }

  @Override
  public String path(MixRequest r) {
    StringBuilder p = new StringBuilder("/api/search?q=").append(enc("body:(" + r.query() + ")"));
    p.append("&size=10&kwic=3");
    for (MixRequest.Filter f : r.filters()) {
      p.append('&').append(enc(f.dim())).append('=').append(enc(f.value()));
    }
    if (r.from() != null) {
      p.append("&from=").append(r.from()).append("&to=").append(r.to());
    }
    return p.toString();
  }

  @Override
  public long found(JsonNode answer) {
    if (!answer.has("facets") || !answer.has("hits") || !answer.has("total")) {
      throw new IllegalArgumentException("answer lacks total, facets or hits");
    }
    return answer.get("total").asLong();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
