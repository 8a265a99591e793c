package org.dateline.server;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dateline.index.DeskStore;
import org.dateline.search.BadRequestException;
import org.dateline.search.Hit;
import org.dateline.search.PrintedDate;
import org.dateline.search.ScopedStories;
import org.dateline.search.SearchBackend;
import org.dateline.search.SearchRequest;
import org.dateline.search.SearchService;
import org.dateline.search.kwic.KwicLine;

/**
 * Streams every hit of a search as CSV or JSON lines, however many there are: the service pages
 * through them with search-after, and each row is written as soon as it is built, with the desk's
 * tags and note on the article. {@code collapse=story} exports one copy per story.
 */
final class Exporter {

  /**
   * Starts every CSV we send: without it Excel reads the UTF-8 as a legacy code page and turns "’"
   * into "â€™".
   */
  static final char BYTE_ORDER_MARK = '\uFEFF';

  private static final java.util.regex.Pattern NEGATIVE_NUMBER =
      java.util.regex.Pattern.compile("-[0-9]{1,9}");

  private static final List<String> CSV_COLUMNS =
      List.of(
          "id",
          "title",
          "outlet",
          "date",
          "date_precision",
          "url",
          "path",
          "agencies",
          "authors",
          "language",
          "person",
          "organization",
          "place",
          "kwic_total",
          "kwic",
          "tags",
          "note",
          "note_author",
          "note_time",
          // added after the others, so that a column keeps its place for whoever reads by position
          "date_offset",
          "date_printed");

  /** A JSON-lines row: the hit's fields, then what the desk holds about the article. */
  record Row(@JsonUnwrapped Hit hit, List<String> tags, DeskStore.Note note) {}

  private final SearchService search;
  private final SearchBackend backend;
  private final ObjectMapper mapper;
  private final RequestReader reader;
  private final DeskStore desk;

  Exporter(
      SearchService search,
      SearchBackend backend,
      ObjectMapper mapper,
      RequestReader reader,
      DeskStore desk) {
    this.search = search;
    this.backend = backend;
    this.mapper = mapper;
    this.reader = reader;
    this.desk = desk;
  }

  void handle(Context ctx) throws IOException {
    String format = ctx.queryParam("format") == null ? "csv" : ctx.queryParam("format");
    if (!format.equals("csv") && !format.equals("jsonl")) {
      throw new BadRequestException("format must be csv or jsonl, got '" + format + "'");
    }
    SearchRequest request = reader.read(ctx, java.util.Set.of("collapse"));
    ReadScope scope = ApiAccess.scope(ctx);
    ScopedStories scoped = scope == null ? null : new ScopedStories(search, scope.copies());
    boolean csv = format.equals("csv");
    ctx.contentType(csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"dateline-export." + format + "\"");
    Writer out =
        new BufferedWriter(
            new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 1 << 16);
    if (csv) {
      out.write(BYTE_ORDER_MARK);
      writeRow(out, CSV_COLUMNS);
    }
    backend.export(
        request,
        StoryRoutes.collapse(ctx),
        hit -> {
          DeskStore.Marks marks = desk.of(hit.id());
          if (csv) {
            writeCsv(out, hit, marks);
          } else {
            Hit shown = scoped == null ? hit : scoped.narrow(hit);
            out.write(mapper.writeValueAsString(new Row(shown, marks.tags(), marks.note())));
            out.write('\n');
          }
        });
    out.flush();
  }

  private static void writeCsv(Writer out, Hit hit, DeskStore.Marks marks) throws IOException {
    StringBuilder kwic = new StringBuilder();
    for (KwicLine line : hit.kwic()) {
      if (!kwic.isEmpty()) {
        kwic.append(" | ");
      }
      kwic.append(line.left()).append('[').append(line.match()).append(']').append(line.right());
    }
    DeskStore.Note note = marks.note();
    List<String> cells =
        List.of(
            hit.id(),
            hit.title(),
            nz(hit.outlet()),
            nz(hit.date()),
            nz(hit.datePrecision()),
            nz(hit.url()),
            hit.path(),
            String.join("; ", hit.agencies()),
            String.join("; ", hit.authors()),
            nz(hit.language()),
            String.join("; ", hit.entities().get("person")),
            String.join("; ", hit.entities().get("organization")),
            String.join("; ", hit.entities().get("place")),
            Integer.toString(hit.kwicTotal()),
            kwic.toString(),
            String.join("; ", marks.tags()),
            note == null ? "" : note.text(),
            note == null ? "" : nz(note.author()),
            note == null ? "" : note.time().toString(),
            hit.dateOffset() == null ? "" : hit.dateOffset().toString(),
            nz(PrintedDate.of(hit, false)));
    writeRow(out, cells);
  }

  /** One CSV record, cells quoted as needed, ending in CRLF. */
  static void writeRow(Writer out, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(csvCell(cells.get(i)));
    }
    out.write("\r\n");
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  /**
   * RFC 4180 quoting; a leading = + - @ is prefixed so spreadsheets do not run it as a formula,
   * except in a plain negative whole number (an offset of -300 minutes), which runs nothing.
   */
  static String csvCell(String value) {
    String v = value;
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !NEGATIVE_NUMBER.matcher(v).matches()) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}
