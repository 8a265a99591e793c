package org.dateline.bench.mix;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One request of a benchmark mix: what kind it is (for the breakdown), the query as a user types it
 * (classic syntax, searched in the body), facet filters of different dimensions, and an optional
 * date range (both days inclusive).
 *
 * <p>Its line form is the one {@code bench/http-queries.txt} uses, so {@code bench http} reads it
 * too: {@code QUERY | kind=word-rare/one-filter | place=usa | from=1987-03-01 | to=1987-03-31}.
 */
public record MixRequest(
    String kind, String query, List<Filter> filters, LocalDate from, LocalDate to) {

  /** One facet filter: a dimension ({@code place}, {@code person}, ...) and one of its values. */
  public record Filter(String dim, String value) {}

  public MixRequest {
    filters = List.copyOf(filters);
    if ((from == null) != (to == null)) {
      throw new IllegalArgumentException("a date range needs both ends: " + query);
    }
  }

  /** The query kind, the part of {@link #kind} before the slash ({@code word-rare}). */
  public String queryKind() {
    int slash = kind.indexOf('/');
    return slash < 0 ? kind : kind.substring(0, slash);
  }

  /** The variant, the part after the slash ({@code plain}, {@code one-filter}, ...). */
  public String variant() {
    int slash = kind.indexOf('/');
    return slash < 0 ? "" : kind.substring(slash + 1);
  }

  /** The line form (see the type's javadoc). */
  public String toLine() {
    StringBuilder line = new StringBuilder(query).append(" | kind=").append(kind);
    for (Filter f : filters) {
      line.append(" | ").append(f.dim()).append('=').append(f.value());
    }
    if (from != null) {
      line.append(" | from=").append(from).append(" | to=").append(to);
    }
    return line.toString();
  }

  /** Reads the line form; {@code lineNo} names the line in errors. */
  public static MixRequest parse(String line, int lineNo) {
    String[] parts = line.split(" \\| ");
    String kind = "";
    List<Filter> filters = new ArrayList<>();
    LocalDate from = null;
    LocalDate to = null;
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].strip();
      int eq = p.indexOf('=');
      if (eq < 1) {
        throw new IllegalArgumentException("line " + lineNo + ": '" + p + "' is not key=value");
      }
      String key = p.substring(0, eq);
      String value = p.substring(eq + 1).strip();
      switch (key) {
        case "kind" -> kind = value;
        case "from" -> from = LocalDate.parse(value);
        case "to" -> to = LocalDate.parse(value);
        default -> filters.add(new Filter(key, value));
      }
    }
    return new MixRequest(
        kind.isEmpty() ? "unlabelled" : kind, parts[0].strip(), filters, from, to);
  }
}
