package org.dateline.bench;

import io.javalin.Javalin;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;
import org.dateline.config.Config;
import org.dateline.enrich.Article;
import org.dateline.index.Schema;
import org.dateline.search.SearchService;
import org.dateline.server.ApiServer;

/**
 * A batch of names over HTTP, end to end: the names are the archive's own capitalised word pairs
 * ("Paul Volcker"), posted to {@code /api/batch} of an in-process server, the answer read as it
 * streams: when the first row arrives, when the last does.
 */
public final class BatchBench {

  private static final Pattern NAME =
      Pattern.compile("\\b\\p{Lu}\\p{Ll}{2,} \\p{Lu}\\p{Ll}{2,}\\b");

  /** What one run measured. */
  public record Result(
      int lines,
      long rows,
      long errors,
      long firstRowMs,
      long totalMs,
      double linesPerSecond,
      String query) {}

  private BatchBench() {}

  /**
   * Up to {@code n} distinct name-like word pairs from the articles of {@code search}, in article
   * id order (so the same index gives the same list).
   */
  public static List<String> names(SearchService search, int n) throws IOException {
    List<Article> articles =
        search.withSearcher(
            s -> {
              List<Article> out = new ArrayList<>();
              for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                StoredFields stored = leaf.reader().storedFields();
                Bits live = leaf.reader().getLiveDocs();
                for (int d = 0; d < leaf.reader().maxDoc(); d++) {
                  if (live == null || live.get(d)) {
                    out.add(Schema.toArticle(stored.document(d)));
                  }
                }
              }
              return out;
            });
    articles.sort(Comparator.comparing(Article::id));
    Set<String> names = new LinkedHashSet<>();
    for (Article a : articles) {
      Matcher m = NAME.matcher(a.text());
      while (m.find() && names.size() < n) {
        names.add(m.group());
      }
    }
    return List.copyOf(names);
  }

  /**
   * Posts {@code names} as one batch (JSON lines) with {@code query} (e.g. "variants=true") and
   * times it.
   */
  public static Result run(SearchService search, Config config, List<String> names, String query)
      throws IOException, InterruptedException {
    Javalin app = ApiServer.create(search, config).start(0);
    try {
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create(
                      "http://127.0.0.1:"
                          + app.port()
                          + "/api/batch?format=jsonl"
                          + (query.isEmpty() ? "" : "&" + query)))
              .header("Content-Type", "text/plain; charset=utf-8")
              .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", names) + "\n"))
              .build();
      long start = System.nanoTime();
      HttpResponse<InputStream> response =
          HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
      long firstRowMs = -1;
      long rows = 0;
      long errors = 0;
      try (BufferedReader in =
          new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          if (firstRowMs < 0) {
            firstRowMs = (System.nanoTime() - start) / 1_000_000;
          }
          rows++;
          errors += line.endsWith(",\"error\":null}") ? 0 : 1; // error is the last field
        }
      }
      long totalMs = (System.nanoTime() - start) / 1_000_000;
      if (response.statusCode() != 200) {
        throw new IOException("the batch failed with HTTP " + response.statusCode());
      }
      return new Result(
          names.size(),
          rows,
          errors,
          firstRowMs,
          totalMs,
          names.size() * 1000.0 / Math.max(1, totalMs),
          query);
    } finally {
      app.stop();
    }
  }
}
