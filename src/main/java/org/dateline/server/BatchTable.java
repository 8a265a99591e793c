package org.dateline.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dateline.search.BadRequestException;
import org.dateline.search.BatchRow;
import org.dateline.search.kwic.KwicLine;

/**
 * Writes the rows of a batch search as CSV (one record per line, the best hits in columns {@code
 * hit1_id, hit1_title, ...}) or as JSON lines, flushing early rows at once so a client sees the
 * first answers while the rest run. Not thread-safe: one per batch.
 */
public final class BatchTable {

  /** The answer's formats. */
  public enum Format {
    CSV,
    JSONL;

    /** "csv" or "jsonl" (also "ndjson"), as a client names it. */
    public static Format parse(String name) {
      String n = name == null ? "csv" : name.strip().toLowerCase(Locale.ROOT);
      return switch (n) {
        case "csv" -> CSV;
        case "jsonl", "ndjson" -> JSONL;
        default ->
            throw new BadRequestException(
                "format must be csv or jsonl, got '" + SearchParams.abbreviate(name) + "'");
      };
    }

    public String contentType() {
      return this == CSV ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
    }
  }

  /** Flushed at most this often once the first rows are out. */
  private static final long FLUSH_EVERY_MS = 200;

  private final Writer out;
  private final Format format;
  private final int hitsPerLine;
  private final ObjectMapper mapper;
  private long lastFlush;
  private boolean anyRow;

  public BatchTable(Writer out, Format format, int hitsPerLine) {
    this.out = out;
    this.format = format;
    this.hitsPerLine = hitsPerLine;
    this.mapper = ApiServer.jsonMapper();
  }

  /** The CSV header (nothing for JSON lines). */
  public void header() throws IOException {
    if (format == Format.CSV) {
      List<String> cells =
          new ArrayList<>(
              List.of(
                  "line",
                  "query",
                  "searched",
                  "articles",
                  "stories",
                  "outlets",
                  "first_date",
                  "last_date",
                  "error"));
      for (int i = 1; i <= hitsPerLine; i++) {
        for (String c : List.of("id", "title", "outlet", "date", "kwic")) {
          cells.add("hit" + i + "_" + c);
        }
      }
      Exporter.writeRow(out, cells);
    }
  }

  public void write(BatchRow row) throws IOException {
    if (format == Format.JSONL) {
      out.write(mapper.writeValueAsString(row));
      out.write('\n');
    } else {
      Exporter.writeRow(out, cells(row));
    }
    long now = System.nanoTime() / 1_000_000;
    if (!anyRow || now - lastFlush >= FLUSH_EVERY_MS) {
      out.flush();
      lastFlush = now;
      anyRow = true;
    }
  }

  private List<String> cells(BatchRow row) {
    List<String> cells =
        new ArrayList<>(
            List.of(
                Integer.toString(row.line()),
                row.query(),
                row.searched(),
                Long.toString(row.articles()),
                Long.toString(row.stories()),
                Integer.toString(row.outlets()),
                nz(row.firstDate()),
                nz(row.lastDate()),
                nz(row.error())));
    for (int i = 0; i < hitsPerLine; i++) {
      BatchRow.BatchHit h = i < row.hits().size() ? row.hits().get(i) : null;
      cells.add(h == null ? "" : h.id());
      cells.add(h == null ? "" : nz(h.title()));
      cells.add(h == null ? "" : nz(h.outlet()));
      cells.add(h == null ? "" : nz(h.date()));
      cells.add(h == null ? "" : kwic(h.kwic()));
    }
    return cells;
  }

  /** A KWIC line as the export writes it: the match in brackets. */
  static String kwic(KwicLine line) {
    return line == null ? "" : line.left() + "[" + line.match() + "]" + line.right();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
