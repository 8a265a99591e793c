package org.dateline.server;

import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dateline.index.Schema;
import org.dateline.search.CopyScope;
import org.dateline.search.DocumentView;
import org.dateline.search.SearchRequest;

/**
 * What a scoped read key may see: only these outlets (all when empty) and only articles published
 * from {@code from} to {@code to} (open-ended when null; undated articles are outside any range).
 * Every request made with the key is narrowed to it, whatever filters the client sends.
 */
record ReadScope(List<String> outlets, LocalDate from, LocalDate to) {

  ReadScope {
    outlets = List.copyOf(outlets);
    if (from != null && to != null && from.isAfter(to)) {
      throw new IllegalArgumentException(
          "a read key's from (" + from + ") is after its to (" + to + ")");
    }
  }

  /** The request narrowed to this scope; a request wholly outside it is refused. */
  SearchRequest pin(SearchRequest request) {
    Map<String, List<String>> filters = new HashMap<>(request.filters());
    if (!outlets.isEmpty()) {
      List<String> asked = filters.get(Schema.OUTLET);
      List<String> allowed =
          asked == null ? outlets : asked.stream().filter(outlets::contains).toList();
      if (allowed.isEmpty()) {
        throw forbidden("this key may only search the outlet(s) " + outlets);
      }
      filters.put(Schema.OUTLET, allowed);
    }
    LocalDate f = later(request.from(), from);
    LocalDate t = earlier(request.to(), to);
    if (f != null && t != null && f.isAfter(t)) {
      throw forbidden("this key may only search articles published " + range());
    }
    return new SearchRequest(
        request.query(),
        filters,
        f,
        t,
        request.sort(),
        request.page(),
        request.size(),
        request.cursor(),
        request.kwicLines(),
        request.facetSize());
  }

  /** The copies of a story this key may see (a story's other copies stay unseen). */
  CopyScope copies() {
    return new CopyScope(outlets, from, to);
  }

  /** Whether the key may see this article. */
  boolean allows(DocumentView doc) {
    if (!outlets.isEmpty() && !outlets.contains(doc.hit().outlet())) {
      return false;
    }
    if (from == null && to == null) {
      return true;
    }
    String date = doc.hit().date();
    if (date == null) {
      return false;
    }
    LocalDate day = LocalDate.parse(date.substring(0, 10));
    return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
  }

  private String range() {
    return (from == null ? "any time" : "from " + from) + (to == null ? "" : " to " + to);
  }

  static ApiException forbidden(String message) {
    return new ApiException(HttpStatus.FORBIDDEN, "forbidden", message);
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
  }

  private static LocalDate earlier(LocalDate a, LocalDate b) {
    return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
  }
}
