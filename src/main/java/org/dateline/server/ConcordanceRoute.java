package org.dateline.server;

import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.dateline.search.BadRequestException;
import org.dateline.search.Concordance;
import org.dateline.search.ConcordanceLine;
import org.dateline.search.SearchRequest;
import org.dateline.search.SearchService;

/**
 * {@code GET /api/concordance}: every match of a search as aligned KWIC lines, as JSON or CSV,
 * ordered by hit or by the word left or right of the match.
 */
final class ConcordanceRoute {

  private static final Set<String> PARAMS = Set.of("order", "limit", "collapse");
  private static final List<String> CSV_COLUMNS =
      List.of("left", "match", "right", "title", "outlet", "date", "id", "offset", "language");

  /** The JSON answer: hits walked, whether the limit cut the lines, the lines. */
  record Response(
      long hits, long lineCount, boolean truncated, String order, List<ConcordanceLine> lines) {}

  private final SearchService search;
  private final RequestReader reader;

  ConcordanceRoute(SearchService search, RequestReader reader) {
    this.search = search;
    this.reader = reader;
  }

  void handle(Context ctx) throws IOException {
    SearchRequest request = reader.read(ctx, PARAMS);
    String format = ctx.queryParam("format") == null ? "json" : ctx.queryParam("format");
    if (!format.equals("json") && !format.equals("csv")) {
      throw new BadRequestException(
          "format must be json or csv, got '" + SearchParams.abbreviate(format) + "'");
    }
    Concordance.Order order = Concordance.Order.parse(ctx.queryParam("order"));
    int limit = SearchParams.integer(ctx.queryParam("limit"), "limit", Concordance.DEFAULT_LIMIT);
    Concordance.Result result =
        Concordance.collect(search, request, StoryRoutes.collapse(ctx), order, limit);
    if (format.equals("json")) {
      ctx.json(
          new Response(
              result.hits(),
              result.lines().size(),
              result.truncated(),
              order.name().toLowerCase(java.util.Locale.ROOT),
              result.lines()));
      return;
    }
    ctx.contentType("text/csv; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"dateline-concordance.csv\"");
    Writer out =
        new BufferedWriter(
            new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 1 << 16);
    out.write(Exporter.BYTE_ORDER_MARK);
    Exporter.writeRow(out, CSV_COLUMNS);
    for (ConcordanceLine l : result.lines()) {
      Exporter.writeRow(
          out,
          List.of(
              l.left(),
              l.match(),
              l.right(),
              l.title(),
              nz(l.outlet()),
              nz(l.date()),
              l.id(),
              Integer.toString(l.offset()),
              nz(l.language())));
    }
    out.flush();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
