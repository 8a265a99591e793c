package org.dateline.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dateline.search.BadRequestException;
import org.dateline.search.BatchInput;
import org.dateline.search.BatchJobs;
import org.dateline.search.BatchOptions;
import org.dateline.search.BatchProgress;
import org.dateline.search.BatchRow;
import org.dateline.search.BatchSearch;
import org.dateline.search.SearchRequest;
import org.dateline.search.SearchService;
import org.eclipse.jetty.io.EofException;

/**
 * {@code POST /api/batch}: one search per line of the body (text, or CSV with the query in the
 * first column), under the filters of the query string, streamed back as CSV or JSON lines in input
 * order (tag= and starred=true filter every line, as on a search); the batch's id comes back in
 * {@value #ID_HEADER} and {@code GET /api/batch/{id}} tells how far it has got. Translation only;
 * the work is in {@link BatchSearch}.
 */
final class BatchRoutes {

  static final String ID_HEADER = "X-Dateline-Batch";
  private static final Set<String> OWN_PARAMS = Set.of("proximity", "hits");

  private final BatchSearch batch;
  private final RequestReader reader;
  private final BatchJobs jobs = new BatchJobs();

  /** Time limit of one batch over all its lines ({@code Limits.batchTimeoutMs}). */
  private final long timeoutMs;

  BatchRoutes(SearchService search, RequestReader reader, long timeoutMs) {
    this.batch = new BatchSearch(search);
    this.reader = reader;
    this.timeoutMs = timeoutMs;
  }

  void register(RoutesConfig routes) {
    routes.post("/api/batch", this::run);
    routes.get("/api/batch/{id}", this::status);
  }

  private void run(Context ctx) throws IOException {
    BatchTable.Format format = BatchTable.Format.parse(ctx.queryParam("format"));
    BatchOptions options = options(ctx);
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    List<String> lines = BatchInput.lines(ctx.body(), type.startsWith("text/csv"));
    BatchProgress progress = jobs.start(lines.size());
    ctx.header(ID_HEADER, progress.id());
    ctx.contentType(format.contentType());
    ctx.header(
        "Content-Disposition",
        "attachment; filename=\"dateline-batch." + format.name().toLowerCase(Locale.ROOT) + "\"");
    Writer out =
        new BufferedWriter(
            new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 1 << 16);
    BatchTable table = new BatchTable(out, format, options.hitsPerLine());
    table.header();
    long deadline = System.nanoTime() + timeoutMs * 1_000_000;
    int[] written = {0};
    try {
      batch.run(
          lines,
          options,
          row -> {
            try {
              table.write(row);
            } catch (EofException e) {
              progress.end(BatchProgress.State.CANCELLED); // the client went away
              throw e;
            }
            written[0] = row.line();
            if (System.nanoTime() - deadline > 0 && written[0] < lines.size()) {
              throw new OverTime();
            }
          },
          progress);
    } catch (OverTime e) {
      notSearched(lines, written[0], table, progress);
    }
    out.flush();
  }

  /** Thrown by the row sink when the batch is past its time limit, to stop it. */
  private static final class OverTime extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OverTime() {
      super("past the batch time limit", null, false, false);
    }
  }

  /** Answers every non-blank line after line {@code done} as not searched, in input order. */
  private void notSearched(List<String> lines, int done, BatchTable table, BatchProgress progress)
      throws IOException {
    String why =
        "not searched: the batch ran past its time limit of "
            + (timeoutMs >= 1000 ? timeoutMs / 1000 + " s" : timeoutMs + " ms")
            + "; send the lines from "
            + (done + 1)
            + " on in another batch (batch_timeout_ms, --batch-timeout-ms)";
    for (int i = done; i < lines.size(); i++) {
      String text = lines.get(i);
      if (text.isBlank()) {
        continue;
      }
      progress.lineDone(true);
      String q = text.strip();
      table.write(new BatchRow(i + 1, q, q, 0, 0, 0, null, null, List.of(), why));
    }
  }

  /** The batch's filters and switches, from the query string, narrowed to the key's scope. */
  private BatchOptions options(Context ctx) throws IOException {
    if (ctx.queryParam("q") != null) {
      throw new BadRequestException(
          "a batch takes its queries from the request body, one per" + " line, not from q");
    }
    SearchRequest base = reader.read(ctx, OWN_PARAMS); // filters, scope, tag, starred
    return new BatchOptions(
        base,
        variants(ctx.queryParam("variants")),
        proximity(ctx.queryParam("proximity")),
        SearchParams.integer(ctx.queryParam("hits"), "hits", BatchOptions.DEFAULT_HITS));
  }

  /** The slop asked for; none asked: exact. A negative one is refused, -1 too (it means exact). */
  private static int proximity(String v) {
    int proximity = SearchParams.integer(v, "proximity", BatchOptions.EXACT);
    if (v != null && !v.isBlank() && proximity < 0) {
      throw new BadRequestException(
          "proximity must be between 0 and " + BatchOptions.MAX_PROXIMITY + ", got " + proximity);
    }
    return proximity;
  }

  private static boolean variants(String v) {
    if (v == null || v.isBlank() || v.equalsIgnoreCase("false")) {
      return false;
    }
    if (!v.equalsIgnoreCase("true")) {
      throw new BadRequestException("variants must be true or false, got " + v);
    }
    return true;
  }

  private void status(Context ctx) {
    BatchProgress p = jobs.get(ctx.pathParam("id"));
    if (p == null) {
      ApiServer.error(
          ctx,
          HttpStatus.NOT_FOUND,
          "not_found",
          "no batch has id " + ctx.pathParam("id") + " (ended batches are kept for a while only)");
      return;
    }
    ctx.json(p.status());
  }
}
