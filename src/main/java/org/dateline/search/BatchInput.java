package org.dateline.search;

import java.util.ArrayList;
import java.util.List;

/**
 * The queries of a batch from its text: one per line, or, from CSV, the first cell of each record
 * (quoted cells may hold commas, quotes and line breaks). Blank lines keep their place, so that
 * each row of the answer names the line it came from.
 */
public final class BatchInput {

  private BatchInput() {}

  /** The lines of {@code text}; more than {@link BatchOptions#MAX_LINES} is refused. */
  public static List<String> lines(String text, boolean csv) {
    List<String> out = csv ? firstCells(text) : List.of(text.split("\r\n|\r|\n", -1));
    // a final line break ends the last line; it does not start another
    int n = out.size();
    while (n > 0 && out.get(n - 1).isBlank()) {
      n--;
    }
    if (n > BatchOptions.MAX_LINES) {
      throw new BadRequestException(
          "the batch has "
              + n
              + " lines; the limit is "
              + BatchOptions.MAX_LINES
              + ": split it into several batches");
    }
    return List.copyOf(out.subList(0, n));
  }

  /** RFC 4180: the first cell of every record. */
  private static List<String> firstCells(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    boolean first = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else if (first) {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        first = false;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        out.add(cell.toString());
        cell.setLength(0);
        first = true;
      } else if (first) {
        cell.append(c);
      }
    }
    out.add(cell.toString());
    return out;
  }
}
