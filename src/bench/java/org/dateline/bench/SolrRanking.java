package org.dateline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Solr peer's ranking (../shared/peers/solr: Solr 9.10, its stock English field on Reuters) as
 * the issue states it: edismax over title^2 and body, every word required. Asks a running node over
 * HTTP for ids only. Thread-safe.
 */
public final class SolrRanking implements RelevanceBench.Engine {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String core;

  /** {@code core}: the core's address, e.g. http://127.0.0.1:8983/solr/news */
  public SolrRanking(String core) {
    this.core = core.endsWith("/") ? core.substring(0, core.length() - 1) : core;
  }

  @Override
  public List<String> top(String query, int n) throws IOException {
    String params =
        "defType=edismax&q.op=AND&fl=id&wt=json&qf="
            + enc("title^2 body")
            + "&rows="
            + n
            + "&q="
            + enc(query);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(core + "/select?" + params))
            .timeout(Duration.ofSeconds(30))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while asking Solr", e);
    }
    if (response.statusCode() != 200) {
      throw new IOException("Solr answered " + response.statusCode() + " to: " + query);
    }
    List<String> ids = new ArrayList<>(n);
    for (JsonNode doc : JSON.readTree(response.body()).path("response").path("docs")) {
      ids.add(doc.path("id").asText());
    }
    return ids;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
